from __future__ import annotations

from datetime import timedelta
from urllib.parse import parse_qs

import pytest
from django.urls import reverse
from django.utils import timezone

from boards.tests.factories import JobBoardFactory
from jobs.models import Job
from jobs.tests.factories import JobFactory

pytestmark = pytest.mark.django_db

LIST = reverse("jobs:list")
HTMX = {"HTTP_HX_REQUEST": "true"}


def _titles(response) -> list[str]:
    return [job.title for job in response.context["results"].jobs]


def test_search_ranks_a_title_match_above_a_description_only_match(logged_in_client):
    JobFactory(title="Backend Engineer", description="<p>We write Rust every day.</p>")
    JobFactory(title="Rust Engineer", description="<p>Systems work.</p>")
    response = logged_in_client.get(LIST, {"q": "rust"})
    assert _titles(response) == ["Rust Engineer", "Backend Engineer"]


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ('"data platform"', ["Data Platform Engineer"]),
        ("rust or elixir", ["Elixir Developer", "Rust Engineer"]),
        ("engineer -rust", ["Data Platform Engineer"]),
    ],
)
def test_web_search_syntax(logged_in_client, query, titles):
    JobFactory(title="Rust Engineer", description="<p>platform data</p>")
    JobFactory(title="Data Platform Engineer")
    JobFactory(title="Elixir Developer")
    assert sorted(_titles(logged_in_client.get(LIST, {"q": query}))) == titles


def test_matched_words_are_highlighted_in_a_safe_snippet(logged_in_client):
    JobFactory(title="Engineer", description="<p>You will tune <b>Postgres</b> &lt;script&gt;.</p>")
    response = logged_in_client.get(LIST, {"q": "postgres"})
    snippet = response.context["results"].jobs[0].snippet
    assert "<mark>Postgres</mark>" in snippet
    assert "<script" not in snippet and "&lt;script" in snippet


def test_a_search_of_only_common_words_says_so(logged_in_client):
    JobFactory(title="The Engineer")
    response = logged_in_client.get(LIST, {"q": "the and"})
    assert "only very common words" in response.text


@pytest.fixture
def catalogue():
    now = timezone.now()
    acme, other = JobBoardFactory(name="Acme"), JobBoardFactory(name="Other")
    return {
        "berlin": JobFactory(board=acme, title="Berlin", location="Berlin, Germany", match_score=80,
                             salary_min=70000, salary_max=90000, created_at=now),
        "remote": JobFactory(board=other, title="Remote", location="Remote - US", is_remote=True,
                             match_score=60, is_new=False, salary_min=150000),
        "old": JobFactory(board=acme, title="Old", match_score=95, closed_at=now),
        "hidden": JobFactory(board=other, title="Hidden", match_score=99, is_hidden=True),
        "low": JobFactory(board=other, title="Low", match_score=10, below_min_salary=True,
                          salary_max=30000),
    }  # fmt: skip


@pytest.mark.parametrize(
    ("params", "titles"),
    [
        ({}, ["Berlin", "Remote", "Low"]),
        ({"min_score": "50"}, ["Berlin", "Remote"]),
        ({"max_score": "70"}, ["Remote", "Low"]),
        ({"min_score": "70", "max_score": "50"}, ["Remote"]),  # a reversed range is read right
        ({"location": "berlin"}, ["Berlin"]),
        ({"remote": "1"}, ["Remote"]),
        ({"new": "1"}, ["Berlin", "Low"]),
        ({"hidden": "1"}, ["Hidden", "Berlin", "Remote", "Low"]),
        ({"closed": "1"}, ["Old", "Berlin", "Remote", "Low"]),
        ({"salary": "80000"}, ["Berlin", "Remote"]),
        ({"fair_pay": "1"}, ["Berlin", "Remote"]),
        ({"sort": "score", "remote": "1", "min_score": "50"}, ["Remote"]),
        ({"closed": "1", "hidden": "1", "min_score": "90"}, ["Hidden", "Old"]),
    ],
)
def test_filters_alone_and_combined(logged_in_client, catalogue, params, titles):
    assert _titles(logged_in_client.get(LIST, params)) == titles


def test_board_filter(logged_in_client, catalogue):
    board = catalogue["berlin"].board
    assert _titles(logged_in_client.get(LIST, {"board": str(board.pk), "closed": "1"})) == [
        "Old",
        "Berlin",
    ]


def test_sort_by_date_puts_the_newest_first(logged_in_client):
    now = timezone.now()
    for days, title in ((3, "Three days"), (1, "Yesterday"), (2, "Two days")):
        job = JobFactory(title=title)
        Job.objects.filter(pk=job.pk).update(created_at=now - timedelta(days=days))
    assert _titles(logged_in_client.get(LIST, {"sort": "date"})) == [
        "Yesterday",
        "Two days",
        "Three days",
    ]


def test_hidden_jobs_stay_hidden_unless_asked_for(logged_in_client, catalogue):
    assert "Hidden" not in _titles(logged_in_client.get(LIST, {"q": "hidden"}))
    assert _titles(logged_in_client.get(LIST, {"q": "hidden", "hidden": "1"})) == ["Hidden"]


def test_pages_of_twenty_five(logged_in_client):
    for number in range(30):
        JobFactory(title=f"Job {number:02}", match_score=number)
    first = logged_in_client.get(LIST)
    assert len(first.context["results"].jobs) == 25 and first.context["results"].has_next
    second = logged_in_client.get(LIST, {"page": "2"})
    assert _titles(second) == ["Job 04", "Job 03", "Job 02", "Job 01", "Job 00"]
    assert not second.context["results"].has_next


def test_the_url_round_trips_through_the_pager(logged_in_client):
    for number in range(30):
        JobFactory(title=f"Platform job {number}", location="Remote", is_remote=True)
    response = logged_in_client.get(LIST, {"q": "platform", "remote": "1", "sort": "date"})
    query = response.context["query"]
    assert parse_qs(query) == {"q": ["platform"], "remote": ["1"], "sort": ["date"]}
    next_link = f"{LIST}?{query}&page=2"
    assert next_link.replace("&", "&amp;") in response.text
    again = logged_in_client.get(next_link)
    assert again.context["form"].cleaned_data["page"] == 2
    assert again.context["query"] == query


def test_fragment_and_full_page_agree(logged_in_client, catalogue):
    params = {"min_score": "50"}
    page = logged_in_client.get(LIST, params)
    fragment = logged_in_client.get(LIST, params, **HTMX)
    assert fragment.text.lstrip().startswith('<section id="results"')
    assert "<nav" not in fragment.text.split('<nav aria-label="Pages"')[0]
    for title in ("Berlin", "Remote"):
        assert title in fragment.text and title in page.text
    assert _titles(page) == _titles(fragment)


def test_the_htmx_answer_puts_the_short_url_in_the_address_bar(logged_in_client):
    params = {"q": "rust", "board": "", "location": "", "remote": "on", "sort": "", "page": "2"}
    response = logged_in_client.get(LIST, params, **HTMX)
    assert response["HX-Push-Url"] == f"{LIST}?q=rust&remote=1&page=2"


def test_invalid_filters_are_explained(logged_in_client):
    response = logged_in_client.get(LIST, {"min_score": "lots"})
    assert response.status_code == 200
    assert "Some filters are not valid" in response.text


def test_hide_removes_the_job_from_the_list(logged_in_client):
    job = JobFactory(title="Not for me")
    response = logged_in_client.post(reverse("jobs:hide", args=[job.pk]), {"next": LIST})
    assert response.status_code == 302 and response["Location"] == LIST
    assert "Not for me" not in _titles(logged_in_client.get(LIST))


def test_hide_over_htmx_returns_the_row(logged_in_client):
    job = JobFactory(title="Not for me")
    response = logged_in_client.post(reverse("jobs:hide", args=[job.pk]), **HTMX)
    assert response.text.lstrip().startswith(f'<li id="job-{job.pk}"')
    assert "Unhide" in response.text


def test_mark_read(logged_in_client):
    job = JobFactory()
    logged_in_client.post(reverse("jobs:read", args=[job.pk]))
    job.refresh_from_db()
    assert not job.is_new


def test_bulk_hide_and_mark_read(logged_in_client):
    first, second, untouched = JobFactory(), JobFactory(), JobFactory()
    ids = [str(first.pk), str(second.pk), "not-a-uuid"]
    logged_in_client.post(reverse("jobs:bulk"), {"job": ids, "action": "read", "next": LIST})
    logged_in_client.post(reverse("jobs:bulk"), {"job": ids, "action": "hide", "next": LIST})
    assert set(Job.objects.filter(is_hidden=True, is_new=False)) == {first, second}
    untouched.refresh_from_db()
    assert untouched.is_new and not untouched.is_hidden


def test_actions_never_redirect_off_site(logged_in_client):
    job = JobFactory()
    response = logged_in_client.post(
        reverse("jobs:hide", args=[job.pk]), {"next": "https://evil.example/"}
    )
    assert response["Location"] == LIST


def test_detail_shows_sanitised_description_salary_and_why(logged_in_client):
    job = JobFactory(
        title="Data Engineer",
        description='<p onclick="x()">Build pipelines</p><script>alert(1)</script>',
        salary_min=100000, salary_max=120000, salary_currency="USD",
        score_breakdown={"total": 70, "parts": [
            {"name": "keywords", "weight": 40, "fraction": 0.5, "points": 20,
             "reasons": ["Mentions python (2×)"]}]},
        match_score=70,
    )  # fmt: skip
    response = logged_in_client.get(reverse("jobs:detail", args=[job.pk]))
    assert "<p>Build pipelines</p>" in response.text
    assert "alert(1)" not in response.text and "onclick" not in response.text
    assert "USD 100,000–120,000 a year" in response.text
    assert "Mentions python (2×)" in response.text
    assert "Why this score: 70 of 100" in response.text
    job.refresh_from_db()
    assert not job.is_new  # opening a job marks it read
