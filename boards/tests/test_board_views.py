from __future__ import annotations

import pytest
from django.urls import reverse
from django_q.models import OrmQ

from boards.models import JobBoard
from boards.tests.factories import JobBoardFactory
from boards.tests.fake_site import Reply

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def _form(**overrides):
    return {
        "url": "https://boards.greenhouse.io/acme",
        "name": "Acme",
        "enabled": "on",
        "scan_interval_minutes": "120",
        "keywords": "python\nplatform engineer, data",
        "scraper_type": "greenhouse",
        "scraper_settings": "",
        **overrides,
    }


def test_board_list_shows_status_counts_and_errors(logged_in_client):
    JobBoardFactory(
        name="Broken Co",
        last_scan_status=JobBoard.ScanStatus.FAILED,
        last_scan_error="GET https://x answered 500 Internal Server Error (after 4 attempts)",
    )
    response = logged_in_client.get(reverse("boards:list"))
    assert "Broken Co" in response.text
    assert "answered 500 Internal Server Error" in response.text
    assert "Scan now" in response.text


def test_pasting_a_known_ats_url_fills_the_form(logged_in_client):
    response = logged_in_client.get(
        reverse("boards:create"), {"url": "https://job-boards.greenhouse.io/acme-robotics"}
    )
    form = response.context["form"]
    assert form.initial["scraper_type"] == "greenhouse"
    assert form.initial["scraper_settings"] == {"board_token": "acme-robotics"}
    assert form.initial["name"] == "Acme Robotics"
    assert "Recognised a Greenhouse job board" in response.text


def test_a_workday_site_on_the_shared_host_is_named_after_its_tenant(logged_in_client):
    url = "https://wd3.myworkdaysite.com/en-US/recruiting/globex-systems/Careers"
    form = logged_in_client.get(reverse("boards:create"), {"url": url}).context["form"]
    assert form.initial["scraper_type"] == "workday"
    assert form.initial["name"] == "Globex Systems"


def test_an_ats_api_url_on_any_host_is_recognised_by_its_path(logged_in_client):
    url = "http://127.0.0.1:9000/v1/boards/acme-robotics/jobs?content=true"
    response = logged_in_client.get(reverse("boards:create"), {"url": url})
    form = response.context["form"]
    assert form.initial["scraper_type"] == "greenhouse"
    assert form.initial["url"] == url
    assert form.initial["name"] == "Acme Robotics"
    assert "null</textarea>" not in response.text


def test_a_careers_page_embedding_an_ats_board_uses_that_board(logged_in_client, fake_site):
    page = (
        "<html><head><title>Careers | Acme</title></head><body>"
        '<iframe src="https://boards.greenhouse.io/embed/job_board?for=acme"></iframe></body></html>'
    )
    url = fake_site.route("/careers", Reply(body=page, content_type="text/html"))
    response = logged_in_client.get(reverse("boards:create"), {"url": url})
    form = response.context["form"]
    assert form.initial["scraper_type"] == "greenhouse"
    assert form.initial["name"] == "Careers"


def test_an_unknown_page_without_job_data_falls_back_to_selectors(logged_in_client, fake_site):
    url = fake_site.route(
        "/jobs", Reply(body="<html><p>Hello</p></html>", content_type="text/html")
    )
    response = logged_in_client.get(reverse("boards:create"), {"url": url})
    assert response.context["form"].initial["scraper_type"] == "html"
    assert "CSS selectors" in response.text


def test_a_page_that_will_not_load_says_so(logged_in_client, fake_site):
    url = fake_site.route("/gone", Reply(status=404, body="nope", content_type="text/plain"))
    response = logged_in_client.get(reverse("boards:create"), {"url": url})
    assert "Could not load the page" in response.text
    assert "404" in response.text


def test_detect_over_htmx_returns_only_the_form(logged_in_client):
    response = logged_in_client.post(
        reverse("boards:create"),
        {"url": "https://jobs.lever.co/acme", "detect": "1"},
        **HTMX,
    )
    assert response.text.lstrip().startswith("<form")
    assert "<nav" not in response.text
    assert response.context["form"].initial["scraper_type"] == "lever"


def test_saving_a_new_board_stores_it_and_queues_its_first_scan(
    logged_in_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = logged_in_client.post(reverse("boards:create"), _form())
    assert response.status_code == 302
    board = JobBoard.objects.get()
    assert board.keyword_filters == ["python", "platform engineer", "data"]
    assert board.scraper_config == {"type": "greenhouse"}
    assert board.scan_queued_at is not None
    assert OrmQ.objects.count() == 1


def test_a_broken_source_config_is_explained_and_nothing_is_saved(logged_in_client):
    response = logged_in_client.post(
        reverse("boards:create"),
        _form(
            url="https://acme.example/jobs", scraper_type="html", scraper_settings='{"title": "h2"}'
        ),
    )
    assert response.status_code == 200
    assert "needs an" in response.text and "item" in response.text
    assert not JobBoard.objects.exists()


def test_settings_that_are_not_json_are_refused(logged_in_client):
    response = logged_in_client.post(reverse("boards:create"), _form(scraper_settings="{oops"))
    assert "Enter a valid JSON" in response.text
    assert not JobBoard.objects.exists()


def test_editing_a_board_shows_its_settings_and_saves_changes(logged_in_client):
    board = JobBoardFactory(keyword_filters=["go"], scraper_config={"type": "greenhouse"})
    url = reverse("boards:edit", args=[board.pk])
    page = logged_in_client.get(url)
    assert page.context["form"].initial["keywords"] == "go"
    response = logged_in_client.post(url, _form(name="Renamed", keywords="rust"))
    assert response.status_code == 302
    board.refresh_from_db()
    assert (board.name, board.keyword_filters) == ("Renamed", ["rust"])


def test_edit_form_fragment_over_htmx(logged_in_client):
    board = JobBoardFactory()
    response = logged_in_client.get(reverse("boards:edit", args=[board.pk]), **HTMX)
    assert response.text.lstrip().startswith("<form")


def test_scan_now_over_htmx_returns_the_queued_row(
    logged_in_client, django_capture_on_commit_callbacks
):
    board = JobBoardFactory(name="Acme")
    with django_capture_on_commit_callbacks(execute=True):
        response = logged_in_client.post(reverse("boards:scan", args=[board.pk]), **HTMX)
    assert response.text.lstrip().startswith(f'<tr id="board-{board.pk}"')
    assert "Queued" in response.text
    assert OrmQ.objects.count() == 1


def test_scan_now_without_javascript_redirects_with_a_message(logged_in_client):
    board = JobBoardFactory(name="Acme")
    response = logged_in_client.post(reverse("boards:scan", args=[board.pk]), follow=True)
    assert "Hunter is scanning Acme" in response.text


def test_removing_a_board_keeps_its_jobs(logged_in_client):
    from jobs.tests.factories import JobFactory

    board = JobBoardFactory()
    job = JobFactory(board=board)
    logged_in_client.post(reverse("boards:delete", args=[board.pk]))
    assert not JobBoard.objects.exists()
    job.refresh_from_db()
    assert job.board is None


def test_board_pages_need_login(client):
    board = JobBoardFactory()
    for url in (reverse("boards:create"), reverse("boards:edit", args=[board.pk])):
        assert client.get(url).status_code == 302
    assert client.post(reverse("boards:scan", args=[board.pk])).status_code == 302


def test_admin_action_queues_scans(admin_client):
    board = JobBoardFactory()
    admin_client.post(
        reverse("admin:boards_jobboard_changelist"),
        {"action": "scan_now", "_selected_action": [str(board.pk)]},
    )
    board.refresh_from_db()
    assert board.scan_queued_at is not None
