"""The whole product in a real Chromium, as its user goes through it, against Hunter as
`make run` starts it (web server and worker) and a fake ATS served by the test."""

from __future__ import annotations

import json
import re
import threading
from datetime import date
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from playwright.sync_api import Page, expect

from applications.autofill import FormField
from applications.models import Application
from applications.tests.test_apply_flow import posted_form
from boards.tests.factories import JobBoardFactory
from boards.tests.fake_site import Reply, Request, json_reply
from jobs.tests.factories import JobFactory
from profiles.models import UserProfile
from profiles.resume import replace_resume
from profiles.tests.documents import minimal_pdf

pytestmark = pytest.mark.django_db(transaction=True)

USERNAME, PASSWORD = "ana", "a-long-password-1"
BOARD_API = "/v1/boards/acme/jobs"
JOB_PAGE = "/acme/jobs/4011223001"
SUBMIT = f"{JOB_PAGE}/submit"  # the form's action
BOARD_JOBS = Path(__file__).parent / "fixtures" / "greenhouse_board.json"
APPLY_PAGES = Path(__file__).resolve().parents[2] / "applications" / "tests" / "fixtures" / "apply"
MAIN_PAGES = ["/", "/jobs/", "/boards/", "/applications/", "/profile/"]
# The innermost elements reaching past the right edge of the window, when the page
# is wider than the window: what to fix.
TOO_WIDE = """() => {
  if (document.documentElement.scrollWidth <= window.innerWidth) return [];
  const past = e => e.getBoundingClientRect().right > window.innerWidth + 0.5;
  return [...document.body.querySelectorAll('*')]
    .filter(e => past(e) && ![...e.children].some(past))
    .slice(0, 5)
    .map(e => `<${e.localName} class="${e.className}">${e.textContent.trim().slice(0, 40)}`);
}"""
# Visible form controls that no <label>, aria-label or aria-labelledby names.
UNNAMED_CONTROLS = """() => [...document.querySelectorAll('input, select, textarea')]
  .filter(e => e.checkVisibility())
  .filter(e => ![...(e.labels || [])].some(label => label.textContent.trim())
    && !(e.getAttribute('aria-label') || '').trim()
    && !(e.getAttribute('aria-labelledby') || '').split(/\\s+/)
      .some(id => document.getElementById(id)?.textContent.trim()))
  .map(e => e.outerHTML)"""
# Recorded on every page before its scripts run: htmx's websocket extension reports the
# live channel open, so a test knows an update pushed from now on reaches the page.
LIVE_CHANNEL_PROBE = (
    "document.addEventListener('htmx:wsOpen', () => { window.liveChannelOpen = true; });"
)


class HeldAnswers:
    """A fake-site route whose n-th answer waits until the test has called `release` n
    times (the last answer repeats, released once). Hunter's worker waits on the outside
    service, and the test sees the page in between, with its live channel open."""

    def __init__(self, *replies: Reply) -> None:
        self._answers = [(threading.Event(), reply) for reply in replies]
        self._asked = 0
        self._lock = threading.Lock()

    def release(self) -> None:
        next(event for event, _ in self._answers if not event.is_set()).set()

    def __call__(self, request: Request) -> Reply:
        with self._lock:
            event, reply = self._answers[min(self._asked, len(self._answers) - 1)]
            self._asked += 1
        event.wait(timeout=30)
        return reply


def _html(name: str) -> Reply:
    return Reply(body=(APPLY_PAGES / name).read_bytes(), content_type="text/html; charset=utf-8")


@pytest.fixture
def owner(django_user_model, settings, tmp_path, monkeypatch):
    """Ana, with what application forms ask and her resume; Hunter's data folder (where
    the resume is kept) is the test's own, for the processes it starts too."""
    monkeypatch.setenv("HUNTER_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("HUNTER_DRY_RUN", "false")
    monkeypatch.setenv("HUNTER_AUTO_SUBMIT", "false")
    settings.MEDIA_ROOT = tmp_path / "media"
    user = django_user_model.objects.create_user(USERNAME, password=PASSWORD)
    profile = UserProfile.for_user(user)
    profile.first_name, profile.last_name = "Ana", "Lima"
    profile.email, profile.phone = "ana@example.com", "+49301234567"
    profile.city, profile.country = "Berlin", "DE"
    profile.linkedin_url = "https://www.linkedin.com/in/ana-lima"
    profile.needs_sponsorship = False
    profile.authorized_countries = ["DE"]
    profile.gender = "decline"
    profile.veteran_status = "decline"
    profile.earliest_start_date = date(2027, 1, 15)
    profile.save()
    resume = SimpleUploadedFile("Ana Lima CV.pdf", minimal_pdf("Ana Lima, backend engineer"))
    replace_resume(profile=profile, upload=resume)
    return user


@pytest.fixture
def hunter(owner, running_hunter) -> str:
    """Hunter's base URL, started once Ana's rows are committed."""
    return running_hunter


@pytest.fixture
def page(browser_page: Page) -> Page:
    browser_page.add_init_script(LIVE_CHANNEL_PROBE)
    return browser_page


def _log_in(page: Page, hunter: str) -> None:
    page.goto(f"{hunter}/login/")
    page.get_by_label("Username").fill(USERNAME)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(f"{hunter}/")


def _wait_for_live_channel(page: Page) -> None:
    """Once the websocket is open, marks the page: a reload would drop the mark."""
    page.wait_for_function("window.liveChannelOpen === true")
    page.evaluate("window.notReloaded = true")


def _assert_not_reloaded(page: Page) -> None:
    assert page.evaluate("window.notReloaded") is True


def test_a_pasted_board_ends_in_a_submitted_application(hunter, page, fake_site):
    jobs = json.loads(BOARD_JOBS.read_text().replace("http://ats.invalid", fake_site.url))
    first_scan = {**jobs, "jobs": jobs["jobs"][:3]}  # the designer job is posted later
    board_api = HeldAnswers(json_reply(first_scan), json_reply(jobs))
    fake_site.route(BOARD_API, board_api)
    form_page = HeldAnswers(_html("greenhouse_job.html"))
    fake_site.route(JOB_PAGE, form_page)
    submitted = HeldAnswers(_html("thanks.html"))
    fake_site.route(SUBMIT, submitted, method="POST")

    _log_in(page, hunter)

    # Boards: paste the API URL, let Hunter recognise it, save; the first scan starts.
    page.get_by_role("link", name="Boards").click()
    page.get_by_label("Careers page URL").fill(f"{fake_site.url}{BOARD_API}?content=true")
    page.get_by_role("button", name="Add board").click()
    expect(page.locator("#board-form")).to_contain_text("Recognised a Greenhouse API URL.")
    expect(page.get_by_label("Name", exact=True)).to_have_value("Acme")
    expect(page.get_by_label("Source type")).to_have_value("greenhouse")
    page.get_by_role("button", name="Add board").click()
    expect(page.locator("#messages")).to_contain_text("Added Acme.")
    row = page.locator("table.boards tbody tr", has_text="Acme")
    status, job_count = row.locator("[id$='-status']"), row.locator("td").nth(1)
    _wait_for_live_channel(page)
    board_api.release()
    expect(status).to_have_text("Success", timeout=30_000)
    expect(job_count).to_have_text("3")
    # Scan again by hand: the row follows the scan as it runs, and ends with the new job.
    row.get_by_role("button", name="Scan Acme now").click()
    expect(status).to_have_text(re.compile("Queued|Scanning"))
    board_api.release()
    expect(status).to_have_text("Success", timeout=30_000)
    expect(job_count).to_have_text("4")
    _assert_not_reloaded(page)

    # Jobs: search, filter, and the same results again from the address alone.
    page.get_by_role("link", name="Jobs", exact=True).click()
    titles = page.locator("#results .job-title")
    expect(titles).to_have_count(4)
    page.evaluate("window.notReloaded = true")
    page.get_by_label("Search jobs").fill("python")
    expect(page).to_have_url(re.compile(r"/jobs/\?q=python$"))
    expect(titles).to_have_count(2)
    assert sorted(titles.all_inner_texts()) == ["Platform Engineer", "Senior Backend Engineer"]
    page.get_by_text("Filters and sorting").click()
    page.get_by_label("Remote only").check()
    expect(page).to_have_url(re.compile(r"/jobs/\?q=python&remote=1$"))
    expect(titles).to_have_text(["Senior Backend Engineer"])
    _assert_not_reloaded(page)
    page.reload()
    expect(titles).to_have_text(["Senior Backend Engineer"])
    expect(page.get_by_label("Search jobs")).to_have_value("python")
    expect(page.get_by_label("Remote only")).to_be_checked()

    # The job: its description is shown, without what could run.
    titles.first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Senior Backend Engineer")
    description = page.locator(".job-description")
    expect(description).to_contain_text("Build the Python services that run our warehouse robots.")
    expect(description).to_contain_text("Postgres & Redis")
    expect(description.locator("script, img")).to_have_count(0)
    assert page.evaluate("window.descriptionScriptRan") is None

    # Apply: the application's page follows the worker until the form waits for review.
    page.get_by_role("button", name="Apply with Hunter").click()
    expect(page).to_have_url(re.compile(r"/applications/[0-9a-f-]+/$"))
    _wait_for_live_channel(page)
    form_page.release()
    approve = page.get_by_role("button", name="Approve and submit")
    expect(approve).to_be_visible(timeout=45_000)
    expect(page.locator("#review hgroup .badge")).to_have_text("Needs review")
    expect(page.get_by_label("First Name")).to_have_value("Ana")
    expect(page.get_by_label("Last Name")).to_have_value("Lima")
    expect(page.get_by_label("Email")).to_have_value("ana@example.com")
    expect(page.get_by_label("LinkedIn Profile")).to_have_value(
        "https://www.linkedin.com/in/ana-lima"
    )
    _assert_not_reloaded(page)
    page.get_by_label("Why do you want to work at Acme Robotics?").fill(
        "Your robots run half of Europe's warehouses."
    )
    approve.click()
    expect(page.locator("#messages")).to_contain_text("Approved.")
    _wait_for_live_channel(page)
    submitted.release()
    expect(page.locator("#review .flash-success")).to_contain_text("Submitted", timeout=45_000)
    _assert_not_reloaded(page)

    posts = fake_site.requests_to(SUBMIT)
    assert len(posts) == 1
    posted = posted_form(posts[0])
    assert posted["job_application[first_name]"] == "Ana"
    assert posted["job_application[last_name]"] == "Lima"
    assert posted["job_application[email]"] == "ana@example.com"
    assert posted["job_application[answers_attributes][2][text_value]"] == (
        "Your robots run half of Europe's warehouses."
    )
    filename, content = posted["job_application[resume]"]
    assert filename.endswith(".pdf") and content.startswith(b"%PDF-")

    # The dashboard counts it.
    page.get_by_role("link", name="Dashboard").click()
    expect(page.locator('[data-status="submitted"]')).to_contain_text("1")


def _fill_every_page() -> list[str]:
    """Rows with long words in them, so every page has something to lay out; returns
    the paths of the detail pages worth checking too."""
    board = JobBoardFactory(name="Internationale Logistikautomatisierungsgesellschaft")
    job = JobFactory(
        board=board,
        title="Senior Softwareentwicklungsingenieur für Lagerrobotik-Steuerungssysteme",
        company="Internationale Logistikautomatisierungsgesellschaft",
        url="https://job-boards.greenhouse.io/acme/jobs/4011223001?gh_src=a-very-long-tracking-code",
        description="<p>https://example.com/a/very/long/link/that/never/breaks/anywhere/at/all</p>",
    )
    field = FormField(
        frame=0,
        selector="#question_why",
        tag="textarea",
        label="Why do you want to work at Internationale Logistikautomatisierungsgesellschaft?",
        required=True,
        field_type="free_text",
    )
    application = Application.objects.create(
        job=job,
        status=Application.Status.NEEDS_REVIEW,
        url=job.url,
        form_fields=[field.to_dict()],
        review_reasons=["A free-text answer needs you."],
    )
    return [
        f"/jobs/{job.pk}/",
        f"/applications/{application.pk}/",
        f"/boards/{board.pk}/",
        "/boards/new/",
    ]


def test_every_page_fits_a_phone_and_names_its_controls(hunter, page):
    detail_pages = _fill_every_page()
    page.set_viewport_size({"width": 390, "height": 844})
    _log_in(page, hunter)
    problems = []
    for path in [*MAIN_PAGES, *detail_pages]:
        page.goto(hunter + path)
        page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
        if too_wide := page.evaluate(TOO_WIDE):
            problems.append(f"{path} scrolls sideways, past the edge: {too_wide}")
        if unnamed := page.evaluate(UNNAMED_CONTROLS):
            problems.append(f"{path} has controls without a name: {unnamed}")
    assert not problems, "\n".join(problems)


def test_tab_reaches_the_skip_link_first_then_the_main_navigation(hunter, page):
    _log_in(page, hunter)
    page.goto(f"{hunter}/jobs/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    reached = []
    for _ in range(8):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("document.activeElement.textContent.trim()"))
    for link in ["Dashboard", "Jobs", "Boards", "Applications", "Profile"]:
        assert link in reached, reached
    # The skip link takes the keyboard past the navigation, to the page's own controls.
    page.goto(f"{hunter}/jobs/")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")
