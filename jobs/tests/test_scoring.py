from __future__ import annotations

import pytest
from django.urls import reverse
from django_q.models import OrmQ

from boards.scanning import store_scraped_jobs
from boards.scrapers.base import ScrapedJob
from jobs.models import Job
from jobs.scoring import Criteria, pays_below, rescore_jobs
from jobs.tasks import rescore_all_jobs
from jobs.tests.factories import JobFactory
from profiles.models import UserProfile

pytestmark = pytest.mark.django_db


@pytest.fixture
def profile(user):
    profile = UserProfile.for_user(user)
    profile.keywords = ["python", "postgres"]
    profile.desired_titles = ["Backend Engineer"]
    profile.preferred_locations = ["Berlin"]
    profile.min_salary = 80000
    profile.salary_currency = "EUR"
    profile.save()
    return profile


def test_new_jobs_are_scored_as_they_are_stored(profile):
    store_scraped_jobs(
        board=None,
        scraped=[
            ScrapedJob(title="Senior Backend Engineer", location="Berlin, Germany",
                       description_html="<p>Python and Postgres</p>", url="https://x.com/1"),
            ScrapedJob(title="Florist", location="Lima, Peru", url="https://x.com/2"),
        ],
    )  # fmt: skip
    good, bad = Job.objects.get(title__startswith="Senior"), Job.objects.get(title="Florist")
    assert good.match_score > 70 > bad.match_score
    assert {part["name"] for part in good.score_parts} == {"keywords", "title", "location"}
    assert sum(part["points"] for part in good.score_parts) == good.match_score


def test_jobs_stored_before_any_profile_get_a_score_of_zero():
    store_scraped_jobs(board=None, scraped=[ScrapedJob(title="Engineer", url="https://x.com/1")])
    assert Job.objects.get().match_score >= 0


def test_rescoring_follows_a_preference_change(profile):
    job = JobFactory(title="Gardener", location="Berlin", description="<p>roses</p>")
    rescore_jobs()
    before = Job.objects.get(pk=job.pk).match_score
    profile.desired_titles = ["Gardener"]
    profile.keywords = ["roses"]
    profile.save()
    assert rescore_all_jobs() == 1
    job.refresh_from_db()
    assert job.match_score > before
    assert any("roses" in reason for part in job.score_parts for reason in part["reasons"])


def test_rescoring_is_set_based_not_a_query_per_job(profile, django_assert_max_num_queries):
    JobFactory.create_batch(45)
    # two batches of 20 and one of 5: a read and an UPDATE each, one read to end, the profile
    with django_assert_max_num_queries(9):
        assert rescore_jobs(batch_size=20) == 45


def test_saving_preferences_queues_a_rescore(logged_in_client, django_capture_on_commit_callbacks):
    data = {"preferences-keywords": "rust", "preferences-remote_preference": "any",
            "preferences-salary_currency": "USD", "preferences-notify_threshold": "70"}  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        logged_in_client.post(reverse("profiles:section", args=["preferences"]), data)
    assert OrmQ.objects.get().func() == "jobs.tasks.rescore_all_jobs"


def test_saving_contact_details_does_not_rescore(
    logged_in_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        logged_in_client.post(
            reverse("profiles:section", args=["personal"]), {"personal-first_name": "Ana"}
        )
    assert not OrmQ.objects.exists()


@pytest.mark.parametrize(
    ("salary_min", "salary_max", "currency", "below"),
    [
        (50000, 70000, "EUR", True),
        (70000, 90000, "EUR", False),
        (60000, None, "EUR", True),
        (50000, 70000, "USD", False),  # another currency is not compared
        (None, None, "", False),  # unknown pay is not too low
        (50000, 70000, "", True),  # a currency the posting did not state is taken as yours
    ],
)
def test_known_pay_below_the_minimum_is_marked(salary_min, salary_max, currency, below):
    criteria = Criteria(min_salary=80000, currency="EUR")
    assert pays_below(criteria, salary_min, salary_max, currency) is below


def test_below_minimum_jobs_are_marked_not_dropped(profile):
    store_scraped_jobs(board=None, scraped=[
        ScrapedJob(title="Cheap", url="https://x.com/1", salary_text="€40,000 - €50,000"),
    ])  # fmt: skip
    job = Job.objects.get()
    assert job.below_min_salary


@pytest.mark.django_db(transaction=True)
def test_rescoring_outside_a_transaction_writes_in_parallel_and_misses_no_job(profile):
    JobFactory.create_batch(45, title="Backend Engineer", location="Berlin")
    assert rescore_jobs(batch_size=10) == 45
    assert not Job.objects.filter(score_breakdown={}).exists()
    assert Job.objects.filter(match_score__gt=0).count() == 45
