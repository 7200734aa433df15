"""Finding and reading application forms in a real Chromium, on pages in the vendors' styles."""

from __future__ import annotations

import asyncio
import os
import shutil
import time
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import BrowserContext, Page, async_playwright

from applications.autofill import FormField
from applications.autofill.browser import (
    FormPageError,
    analyze_form_fields,
    find_application_form,
    open_page,
    take_screenshot,
)
from boards.tests.fake_site import FakeSite, Reply, Request
from hunter.browser import chromium_launch_options
from hunter.testing import free_port

FORMS = Path(__file__).parent / "fixtures" / "forms"
CHROMIUM = os.environ.get("HUNTER_CHROMIUM") or shutil.which("chromium")


def html(name: str) -> Reply:
    return Reply(body=(FORMS / name).read_bytes(), content_type="text/html; charset=utf-8")


@pytest.fixture
def site() -> Iterator[FakeSite]:
    fake = FakeSite()
    yield fake
    fake.close()


def in_browser(work: Callable[[BrowserContext], Awaitable[Any]]) -> Any:
    """Run `work` with a fresh browser context of a headless Chromium."""

    async def main() -> Any:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(**chromium_launch_options())
            try:
                return await work(await browser.new_context())
            finally:
                await browser.close()

    return asyncio.run(main())


def form_fields(url: str) -> list[FormField]:
    async def work(context: BrowserContext) -> list[FormField]:
        page = await open_page(context, url, timeout_ms=15_000)
        await find_application_form(page)
        return await analyze_form_fields(page)

    return in_browser(work)


def by_label(fields: list[FormField], label: str) -> FormField:
    return next(field for field in fields if field.label == label)


VENDOR_PAGES = {
    "greenhouse": "/acme/jobs/1",
    "lever": "/acme/1234/apply",
    "ashby": "/acme/1234/application",
    "workday": "/en-US/acme/job/apply",
}


@pytest.fixture(scope="module")
def vendor_forms() -> Iterator[dict[str, list[FormField]]]:
    """The fields of each vendor-style page, read once for the module's tests."""
    if not CHROMIUM:
        pytest.skip("No Chromium found: set HUNTER_CHROMIUM or install Debian's chromium.")
    fake = FakeSite()
    urls = {name: fake.route(path, html(f"{name}.html")) for name, path in VENDOR_PAGES.items()}

    async def main() -> dict[str, list[FormField]]:
        async with async_playwright() as playwright:
            options = {**chromium_launch_options(), "executable_path": CHROMIUM}
            browser = await playwright.chromium.launch(**options)
            try:
                context = await browser.new_context()
                forms = {}
                for name, url in urls.items():
                    page = await open_page(context, url, timeout_ms=15_000)
                    await find_application_form(page)
                    forms[name] = await analyze_form_fields(page)
                return forms
            finally:
                await browser.close()

    try:
        yield asyncio.run(main())
    finally:
        fake.close()


@pytest.fixture
def greenhouse(vendor_forms) -> list[FormField]:
    return vendor_forms["greenhouse"]


@pytest.fixture
def lever(vendor_forms) -> list[FormField]:
    return vendor_forms["lever"]


@pytest.fixture
def ashby(vendor_forms) -> list[FormField]:
    return vendor_forms["ashby"]


@pytest.fixture
def workday(vendor_forms) -> list[FormField]:
    return vendor_forms["workday"]


# Greenhouse: label[for], react-select comboboxes, uploads labelled by their group.


def test_greenhouse_labels_come_from_label_for(greenhouse):
    assert [field.label for field in greenhouse[:3]] == ["First Name", "Last Name", "Email"]


def test_asterisk_or_aria_required_marks_a_field_required(greenhouse):
    assert [field.required for field in greenhouse[:5]] == [True, True, True, False, False]


def test_upload_takes_its_question_from_the_labelled_group_not_the_attach_button(greenhouse):
    resume = next(field for field in greenhouse if field.id == "resume")
    assert (resume.tag, resume.label, resume.required, resume.field_type) == (
        "file",
        "Resume/CV",
        True,
        "resume",
    )


def test_combobox_options_come_from_its_listbox(greenhouse):
    country = next(field for field in greenhouse if field.id == "country")
    assert (country.tag, country.options) == ("combobox", ["Germany +49", "United States +1"])


def test_select_options_leave_out_the_empty_placeholder(greenhouse):
    hispanic = next(field for field in greenhouse if field.id == "hispanic_ethnicity")
    assert hispanic.options == ["Yes", "No", "Decline To Self Identify"]


def test_hidden_helpers_and_honeypots_are_not_fields(greenhouse):
    assert [field.id or field.name for field in greenhouse] == [
        "first_name",
        "last_name",
        "email",
        "country",
        "phone",
        "resume",
        "question_101",
        "question_102",
        "question_103",
        "gender",
        "hispanic_ethnicity",
    ]


def test_each_field_is_typed_by_what_it_asks(greenhouse):
    assert [field.field_type for field in greenhouse] == [
        "first_name",
        "last_name",
        "email",
        "country",
        "phone",
        "resume",
        "linkedin",
        "sponsorship",
        "other_question",
        "gender",
        "hispanic_latino",
    ]


def test_each_selector_finds_exactly_its_own_field(chromium, site):
    url = site.route("/acme/jobs/1", html("greenhouse.html"))

    async def work(context: BrowserContext) -> list[tuple[int, str | None]]:
        page = await open_page(context, url, timeout_ms=15_000)
        found = []
        for field in await analyze_form_fields(page):
            element = page.frames[field.frame].locator(field.selector)
            found.append((await element.count(), await element.get_attribute("id")))
        return found

    assert all(count == 1 and element_id for count, element_id in in_browser(work))


# Lever: questions wrapped in their <label>, cards of custom questions, EEO selects.


def test_lever_labels_come_from_the_wrapping_label_without_the_control(lever):
    assert [field.label for field in lever[:2]] == ["Resume/CV", "Full name"]


def test_checkbox_group_is_one_field_with_each_choice_as_an_option(lever):
    pronouns = by_label(lever, "Pronouns")
    assert (pronouns.tag, pronouns.name, pronouns.multiple, pronouns.options) == (
        "checkbox",
        "pronouns",
        True,
        ["He/him", "She/her", "They/them", "Custom"],
    )


def test_a_hidden_text_box_is_not_a_field(lever):
    assert [field.tag for field in lever if field.name == "pronouns"] == ["checkbox"]


def test_radio_group_takes_its_question_from_the_text_before_it(lever):
    radio = next(field for field in lever if field.tag == "radio")
    assert (radio.label, radio.options, radio.required, radio.field_type) == (
        "Will you need visa sponsorship (now or in the future)?",
        ["Yes", "No"],
        True,
        "sponsorship",
    )


def test_group_option_selectors_point_at_each_choice(chromium, site):
    url = site.route("/acme/1234/apply", html("lever.html"))

    async def work(context: BrowserContext) -> list[str | None]:
        page = await open_page(context, url, timeout_ms=15_000)
        radio = next(field for field in await analyze_form_fields(page) if field.tag == "radio")
        return [
            await page.locator(selector).get_attribute("value")
            for selector in radio.option_selectors
        ]

    assert in_browser(work) == ["Yes", "No"]


def test_card_question_text_box_is_read_from_its_card(lever):
    zip_code = next(field for field in lever if field.name == "cards[5f1c][field1]")
    assert zip_code.field_type == "postal_code"


def test_eeo_select_is_typed_from_its_question(lever):
    veteran = next(field for field in lever if field.name == "eeo[veteran]")
    assert (veteran.field_type, veteran.options[0]) == ("veteran", "I am a veteran")


def test_lone_checkbox_with_an_agreement_is_consent(lever):
    consent = next(field for field in lever if field.name == "consent[marketing]")
    assert (consent.tag, consent.field_type) == ("checkbox", "consent")


# Ashby: no <form>, an import-your-resume helper, yes/no buttons, a location combobox.


def test_resume_import_helper_is_not_a_field(ashby):
    uploads = [field for field in ashby if field.tag == "file"]
    assert [field.id for field in uploads] == ["_systemfield_resume"]


def test_yes_no_buttons_become_the_options_of_the_checkbox_behind_them(ashby):
    question = by_label(ashby, "Are you currently based in the Bay Area?")
    assert (question.tag, question.options, question.field_type) == (
        "checkbox",
        ["Yes", "No"],
        "other_question",
    )


def test_yes_no_option_selectors_point_at_the_buttons(chromium, site):
    url = site.route("/acme/1234/application", html("ashby.html"))

    async def work(context: BrowserContext) -> list[str]:
        page = await open_page(context, url, timeout_ms=15_000)
        fields = await analyze_form_fields(page)
        question = next(field for field in fields if field.options == ["Yes", "No"])
        return [await page.locator(selector).inner_text() for selector in question.option_selectors]

    assert in_browser(work) == ["Yes", "No"]


def test_combobox_without_id_takes_its_question_from_the_label_before_it(ashby):
    location = next(field for field in ashby if field.tag == "combobox")
    assert (location.label, location.field_type) == (
        "Where do you plan on working from?",
        "location",
    )


def test_label_marked_required_by_its_class_makes_the_field_required(ashby):
    location = next(field for field in ashby if field.tag == "combobox")
    assert location.required


def test_textarea_with_an_open_question_is_free_text(ashby):
    assert ashby[-1].field_type == "free_text"


# Workday: data-automation-id, dropdown buttons, fieldsets, labelled checkbox groups.


def test_dropdown_button_is_a_combobox_labelled_by_its_label(workday):
    country = next(field for field in workday if field.id == "input-6")
    assert (country.tag, country.label, country.field_type) == ("combobox", "Country", "country")


def test_fieldset_legend_names_a_radio_group(workday):
    radio = next(field for field in workday if field.tag == "radio")
    assert (radio.label, radio.name, radio.options) == (
        "Have you previously worked for Acme?",
        "candidateIsPreviousWorker",
        ["Yes", "No"],
    )


def test_checkboxes_with_different_names_in_a_labelled_group_are_one_field(workday):
    group = next(field for field in workday if field.id == "ethnicityMultiselect")
    assert (group.options, group.field_type) == (
        ["Asian", "White", "Black or African American"],
        "race",
    )


def test_workday_names_are_read_from_their_labels(workday):
    assert [field.field_type for field in workday[:2]] == ["first_name", "last_name"]


# Other markup seen in the wild.


def test_fieldset_questions_with_screen_reader_required_text(chromium, site):
    page = """<form>
      <fieldset id="q1"><legend><span>Are you fluent in Swedish?<sup aria-hidden="true">*</sup>
        <span class="sr-only">Required</span></span></legend>
        <input type="radio" id="q1-yes" name="candidate[answers][0][boolean]" value="true">
        <label for="q1-yes">Yes</label>
        <input type="radio" id="q1-no" name="candidate[answers][0][boolean]" value="false">
        <label for="q1-no">No</label>
      </fieldset>
      <label for="first">First name<sup aria-hidden="true">*</sup>
        <span class="sr-only">Required</span></label>
      <input id="first" name="candidate[first_name]" type="text" autocomplete="given-name">
    </form>"""
    url = site.route("/jobs/1/applications/new", Reply(body=page, content_type="text/html"))
    fields = form_fields(url)
    assert [(field.label, field.required, field.field_type) for field in fields] == [
        ("Are you fluent in Swedish?", True, "other_question"),
        ("First name", True, "first_name"),
    ]


def test_questions_wrapping_their_select_are_read_from_the_label(chromium, site):
    page = """<form id="application_form">
      <div class="field"><label>Are you legally authorized to work in the United States?
        <span class="asterisk">*</span><br>
        <select name="job_application[answers_attributes][1][boolean_value]">
          <option value="">--</option><option value="1">Yes</option><option value="0">No</option>
        </select></label></div>
      <div class="field"><label for="job_application_gender">Gender</label>
        <select id="job_application_gender" name="job_application[gender]">
          <option value="">Please select</option><option>Male</option><option>Female</option>
          <option>Decline To Self Identify</option></select></div>
    </form>"""
    url = site.route("/embed/job_app", Reply(body=page, content_type="text/html"))
    fields = form_fields(url)
    assert [(field.label, field.options, field.field_type) for field in fields] == [
        (
            "Are you legally authorized to work in the United States?",
            ["Yes", "No"],
            "work_authorization",
        ),
        ("Gender", ["Male", "Female", "Decline To Self Identify"], "gender"),
    ]


def test_drop_zone_upload_takes_its_question_from_its_zone(chromium, site):
    page = """<form><label for="n">Full name</label><input id="n" name="name">
      <label for="e">Email</label><input id="e" type="email" name="email">
      <div class="upload dz-clickable"><label for="candidate_resume">Upload CV</label>
        <span>Drop your file or upload</span></div>
      <div class="upload dz-clickable"><label for="candidate_files">Additional files</label>
        <span>Drop your file or upload</span></div></form>
      <footer>Jobs powered by Acme</footer>
      <input type="file" class="dz-hidden-input" style="visibility: hidden; position: absolute">
      <input type="file" class="dz-hidden-input" style="visibility: hidden; position: absolute">"""
    url = site.route("/jobs/2/applications/new", Reply(body=page, content_type="text/html"))
    uploads = [field for field in form_fields(url) if field.tag == "file"]
    assert [(field.label, field.field_type) for field in uploads] == [
        ("Upload CV", "resume"),
        ("Additional files", "other_question"),
    ]


def test_custom_dropdown_over_a_hidden_select_is_listed_once_as_the_select(chromium, site):
    page = """<form><label for="n">Full name</label><input id="n" name="name">
      <label for="e">Email</label><input id="e" type="email" name="email">
      <label for="country">Country</label>
      <div class="wrap">
        <select id="country" name="country" class="select2-hidden-accessible" aria-hidden="true"
                tabindex="-1"><option value="">Select</option><option>Germany</option></select>
        <span class="select2 select2-container"><span class="selection">
          <span class="select2-selection" role="combobox" aria-labelledby="country-label">
            Select</span></span></span>
      </div></form>"""
    url = site.route("/apply", Reply(body=page, content_type="text/html"))
    assert [(field.tag, field.id) for field in form_fields(url)][-1:] == [("select", "country")]


# Getting to the form.


def test_apply_link_on_a_job_posting_is_followed_to_the_form(chromium, site):
    site.route("/apply", html("greenhouse.html"))
    job = site.route("/acme/jobs/1", html("job_posting.html"))

    async def work(context: BrowserContext) -> tuple[str, int]:
        page = await open_page(context, job, timeout_ms=15_000)
        await find_application_form(page)
        return page.url, len(await analyze_form_fields(page))

    assert in_browser(work) == (site.url + "/apply", 11)


def test_apply_button_that_reveals_the_form_is_clicked(chromium, site):
    fields = form_fields(site.route("/designer", html("reveal.html")))
    assert [field.field_type for field in fields] == ["full_name", "email", "resume"]


def test_embedded_form_is_opened_from_its_iframe(chromium, site):
    site.route("/embed/job_app", html("greenhouse.html"))
    careers = site.route("/careers/backend", html("careers_embed.html"))

    async def work(context: BrowserContext) -> str:
        page = await open_page(context, careers, timeout_ms=15_000)
        await find_application_form(page)
        return page.url

    assert "/embed/job_app?for=acme" in in_browser(work)


def test_embedded_form_wins_over_a_small_form_of_the_career_site(chromium, site):
    site.route("/embed/job_app", html("greenhouse.html"))
    page = """<h1>Backend Engineer</h1>
      <form id="alerts"><h2>Get job alerts</h2>
        <label for="n">Name</label><input id="n"><label for="m">Email</label><input id="m">
        <label><input type="checkbox" name="ok"> Send me new jobs</label></form>
      <iframe id="grnhse_iframe" src="/embed/job_app?for=acme&amp;token=4012345"></iframe>"""
    careers = site.route("/careers/backend", Reply(body=page, content_type="text/html"))

    async def work(context: BrowserContext) -> str:
        page = await open_page(context, careers, timeout_ms=15_000)
        await find_application_form(page)
        return page.url

    assert "/embed/job_app?for=acme" in in_browser(work)


def test_fields_inside_an_iframe_carry_the_frame_index(chromium, site):
    site.route("/embed/job_app", html("greenhouse.html"))
    careers = site.route("/careers/backend", html("careers_embed.html"))

    async def work(context: BrowserContext) -> set[int]:
        page = await open_page(context, careers, timeout_ms=15_000)
        return {field.frame for field in await analyze_form_fields(page)}

    assert in_browser(work) == {1}


def test_page_without_form_or_apply_button_is_left_as_it_is(chromium, site):
    page_html = "<html><body><h1>We are hiring</h1><p>No openings today.</p></body></html>"
    url = site.route("/careers", Reply(body=page_html, content_type="text/html"))

    async def work(context: BrowserContext) -> tuple[str, list[FormField]]:
        page = await open_page(context, url, timeout_ms=15_000)
        await find_application_form(page)
        return page.url, await analyze_form_fields(page)

    assert in_browser(work) == (url, [])


# Pages that fail.


def test_page_that_never_answers_raises_form_page_error(chromium, site):
    def slow(request: Request) -> Reply:
        time.sleep(3)
        return Reply(body="<html></html>", content_type="text/html")

    url = site.route("/slow", slow)

    async def work(context: BrowserContext) -> None:
        await open_page(context, url, timeout_ms=500)

    with pytest.raises(FormPageError, match="did not load"):
        in_browser(work)


def test_page_answering_an_http_error_raises_form_page_error(chromium, site):
    url = site.route("/gone", Reply(status=404, body="gone", content_type="text/html"))

    async def work(context: BrowserContext) -> None:
        await open_page(context, url, timeout_ms=5_000)

    with pytest.raises(FormPageError, match="HTTP 404"):
        in_browser(work)


def test_unreachable_server_raises_form_page_error(chromium):
    url = f"http://127.0.0.1:{free_port()}/apply"

    async def work(context: BrowserContext) -> None:
        await open_page(context, url, timeout_ms=5_000)

    with pytest.raises(FormPageError, match="could not be opened"):
        in_browser(work)


# Screenshots.


def test_screenshot_is_a_png_of_the_whole_page(chromium, site, tmp_path):
    url = site.route("/acme/jobs/1", html("greenhouse.html"))
    path = tmp_path / "shots" / "form.png"

    async def work(context: BrowserContext) -> None:
        page: Page = await open_page(context, url, timeout_ms=15_000)
        await take_screenshot(page, path)

    in_browser(work)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
