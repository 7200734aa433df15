"""In a real browser: the boards page follows a scan without being reloaded."""

from __future__ import annotations

import pytest
from django.urls import reverse

from boards.tests.factories import JobBoardFactory
from boards.tests.fake_site import fixture_reply
from profiles.models import UserProfile

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_board_row_goes_from_queued_to_success_without_a_reload(
    running_hunter, browser_page, django_user_model, fake_site
):
    owner = django_user_model.objects.create_user("ana", password="a-long-password-1")
    UserProfile.for_user(owner)
    url = fake_site.route("/v1/boards/acme/jobs", fixture_reply("greenhouse/jobs.json"))
    board = JobBoardFactory(name="Acme", url=url)
    page = browser_page

    page.goto(running_hunter + reverse("login"))
    page.fill("#id_username", "ana")
    page.fill("#id_password", "a-long-password-1")
    page.click("button[type=submit]")
    page.goto(running_hunter + reverse("boards:list"))
    page.wait_for_function("() => document.body.hasAttribute('ws-connect') && window.htmx")
    page.evaluate("window.notReloaded = true")

    page.click(f"#board-{board.pk} button:has-text('Scan now')")
    status = page.locator(f"#board-{board.pk}-status")
    status.get_by_text("Success").wait_for(timeout=30_000)

    assert page.evaluate("window.notReloaded") is True
    row = page.locator(f"#board-{board.pk}").inner_text()
    assert "Success" in row and "2" in row  # the job count moved too
