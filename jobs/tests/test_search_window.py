"""A relevance search over many matches ranks those among the newest postings.

The thresholds are lowered so a few hundred jobs behave like a million."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from jobs import search
from jobs.models import Job
from jobs.search import search_jobs
from jobs.tests.factories import JobFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_thresholds(monkeypatch):
    monkeypatch.setattr(search, "RANK_ALL", 40)
    monkeypatch.setattr(search, "CANDIDATES", 30)
    monkeypatch.setattr(search, "SAMPLE", 60)


@pytest.fixture
def postings():
    """300 jobs a day apart: all mention Kubernetes, the oldest is a Kubernetes job by
    title, three old ones mention Fortran, and every third Terraform and Ansible."""
    jobs = [
        JobFactory.build(title="Platform Engineer", description="<p>We run Kubernetes.</p>")
        for _ in range(300)
    ]
    jobs[0].title = "Kubernetes Engineer"
    jobs[-1].title = "Kubernetes Administrator"
    for job in jobs[1:4]:
        job.description = "<p>We run Kubernetes and maintain Fortran.</p>"
    for job in jobs[6::3]:
        job.description = "<p>We run Kubernetes with Terraform and Ansible.</p>"
    Job.objects.bulk_create(jobs)
    now = timezone.now()
    for age, job in enumerate(jobs):
        Job.objects.filter(pk=job.pk).update(created_at=now - timedelta(days=300 - age))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE jobs_job")
    return jobs


def _relevance(q: str, page: int = 1) -> search.SearchResults:
    return search_jobs({"q": q, "sort": "relevance", "page": page})


def test_many_matches_are_ranked_among_the_newest(small_thresholds, postings):
    results = _relevance("kubernetes")
    assert results.jobs[0].title == "Kubernetes Administrator"
    ranks = [job.rank for job in results.jobs]
    assert ranks == sorted(ranks, reverse=True)
    # The window holds about CANDIDATES matches, all newer than anything outside it;
    # the oldest job, though the best match, is not among them.
    assert 15 <= results.count <= 60 and results.count_is_capped
    assert "Kubernetes Engineer" not in [job.title for job in results.jobs]
    oldest_shown = min(job.created_at for job in results.jobs)
    assert Job.objects.filter(created_at__gte=oldest_shown).count() <= 60


def test_the_next_page_continues_the_same_ranking(small_thresholds, postings):
    first, second = _relevance("kubernetes"), _relevance("kubernetes", page=2)
    assert first.has_next
    assert not {job.pk for job in first.jobs} & {job.pk for job in second.jobs}
    assert first.jobs[-1].rank >= second.jobs[0].rank


def test_few_matches_are_all_ranked_however_old(small_thresholds, postings):
    results = _relevance("fortran")
    assert sorted(job.pk for job in results.jobs) == sorted(job.pk for job in postings[1:4])
    assert (results.count, results.count_is_capped) == (3, False)


def test_words_that_go_together_are_not_taken_for_rare(small_thresholds, postings):
    """The planner multiplies the shares of "terraform" and "ansible" as if they were
    independent (a ninth of the jobs, under RANK_ALL); the sample of the newest jobs
    sees that a third have both, too many to rank them all."""
    matches = Job.objects.filter(search_vector=search.web_query("terraform ansible"))
    assert search._planned_rows(matches.values("id")) <= search.RANK_ALL < matches.count()
    results = _relevance("terraform ansible")
    assert results.count_is_capped and results.count <= 30


def test_the_list_says_how_many_were_ranked(small_thresholds, postings, logged_in_client):
    response = logged_in_client.get("/jobs/", {"q": "kubernetes", "sort": "relevance"})
    count = response.context["results"].count
    assert f"the newest {count} ranked by relevance" in response.text
