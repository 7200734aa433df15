from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import Page, async_playwright

from applications.autofill import FormField, fill
from applications.autofill.fill import fill_form_fields, read_back
from boards.tests.fake_site import FakeSite, Reply
from hunter.browser import chromium_launch_options

FIXTURES = Path(__file__).parent / "fixtures" / "fill"


@pytest.fixture
def site() -> Iterator[FakeSite]:
    site = FakeSite()
    for route, name in (("/apply", "form.html"), ("/careers", "embedded.html")):
        site.route(route, Reply(body=(FIXTURES / name).read_bytes(), content_type="text/html"))
    site.route(
        "/ats/form",
        Reply(body=(FIXTURES / "ats_form.html").read_bytes(), content_type="text/html"),
    )
    yield site
    site.close()


@pytest.fixture
def resume(tmp_path) -> Path:
    path = tmp_path / "Ana Lima CV.pdf"
    path.write_bytes(b"%PDF-1.4 a resume")
    return path


def in_browser(url: str, scenario: Callable[[Page], Awaitable[Any]]) -> Any:
    """Run `scenario` on `url` in a fresh headless Chromium, through the async API that
    auto-apply uses."""

    async def main() -> Any:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(**chromium_launch_options())
            try:
                page = await browser.new_page()
                page.set_default_timeout(15_000)
                await page.goto(url)
                return await scenario(page)
            finally:
                await browser.close()

    return asyncio.run(main())


def field(selector: str, value: Any, label: str = "", **attributes: Any) -> FormField:
    return FormField(frame=0, selector=selector, label=label, value=value, **attributes)


def whole_form(resume: Path) -> list[FormField]:
    return [
        field("#first_name", "Ana", "First name", field_type="first_name"),
        field("#email", "ana@example.com", "Email", field_type="email"),
        field("#phone", "+14155550123", "Phone", field_type="phone"),
        field("#start", "2030-03-01", "Earliest start date", input_type="date"),
        field("#country", "Germany", "Country", tag="select"),
        field(
            "#sponsorship",
            "No, I will not require sponsorship",
            "Will you require sponsorship?",
            tag="radio",
        ),
        field("input[name=relocate]", "Yes", "Are you willing to relocate?", tag="radio"),
        field("#heard", ["LinkedIn"], "How did you hear about us?", tag="checkbox"),
        field("#privacy", True, "I agree to the privacy policy", tag="checkbox"),
        field("#resume", str(resume), "Resume/CV", tag="file", field_type="resume"),
        field(
            "#cover",
            "Dear Globex,\nI would love to join.",
            "Cover letter",
            tag="file",
            field_type="cover_letter",
        ),
        field("#why", "Because\nof the people.", "Why do you want to work here?", tag="textarea"),
        field("#city", "Berlin, Germany", "City", tag="combobox"),
        field("#school", "Stanford University", "School", tag="combobox"),
        field(
            "#bay-area",
            "No",
            "Are you currently based in the Bay Area?",
            tag="checkbox",
            options=["Yes", "No"],
            option_selectors=["._yesno button:nth-of-type(1)", "._yesno button:nth-of-type(2)"],
        ),
    ]


def test_every_kind_of_field_is_filled_and_reads_back_the_same(chromium, site, resume):
    fields = whole_form(resume)

    async def scenario(page: Page) -> tuple[list[str], list[str], dict]:
        problems = await fill_form_fields(page, fields)
        mismatches = await read_back(page, fields)
        form = await page.evaluate(
            """() => Object.fromEntries(Array.from(new FormData(
                document.getElementById('application'))).map(([k, v]) =>
                [k, typeof v === 'string' ? v : v.name]).concat(
                [['heard', Array.from(document.querySelectorAll('[name=heard]:checked'))
                  .map(el => el.value).join(',')]]))"""
        )
        return problems, mismatches, form

    problems, mismatches, form = in_browser(site.url + "/apply", scenario)
    assert problems == []
    assert mismatches == []
    assert form == {
        "first_name": "Ana",
        "email": "ana@example.com",
        "phone": "+14155550123",
        "start": "2030-03-01",
        "country": "DE",
        "sponsorship": "0",
        "relocate": "yes",
        "heard": "li",
        "privacy": "on",
        "resume": "Ana Lima CV.pdf",
        "cover": "cover-letter.txt",
        "why": "Because\nof the people.",
        "city": "Berlin, Germany",
        "school": "Stanford University",
    }


def test_an_answer_button_is_pressed_by_its_own_selector(chromium, site):
    fields = [
        field(
            "#bay-area",
            "Yes",
            "Are you currently based in the Bay Area?",
            tag="checkbox",
            options=["Yes", "No"],
            option_selectors=["._yesno button:nth-of-type(1)", "._yesno button:nth-of-type(2)"],
        )
    ]

    async def scenario(page: Page) -> tuple[list[str], list[str], bool]:
        problems = await fill_form_fields(page, fields)
        return problems, await read_back(page, fields), await page.is_checked("#bay-area")

    assert in_browser(site.url + "/apply", scenario) == ([], [], True)


def test_empty_values_are_left_alone(chromium, site):
    fields = [field("#first_name", "", "First name"), field("#privacy", False, tag="checkbox")]

    async def scenario(page: Page) -> tuple[list[str], str, bool]:
        problems = await fill_form_fields(page, fields)
        return (
            problems,
            await page.input_value("#first_name"),
            await page.is_checked("#privacy"),
        )

    assert in_browser(site.url + "/apply", scenario) == ([], "", False)


def test_a_field_in_an_iframe_is_filled_in_its_frame(chromium, site):
    fields = [
        FormField(frame=1, selector="#last_name", label="Last name", value="Lima"),
        FormField(
            frame=1, selector="#degree", label="Degree", tag="select", value="Master's Degree"
        ),
    ]

    async def scenario(page: Page) -> tuple[list[str], list[str], str]:
        await page.frame_locator("#grnhse_iframe").locator("#degree").wait_for()
        problems = await fill_form_fields(page, fields)
        mismatches = await read_back(page, fields)
        return problems, mismatches, await page.frames[1].input_value("#last_name")

    assert in_browser(site.url + "/careers", scenario) == ([], [], "Lima")


def test_an_option_the_select_lacks_is_a_problem_and_the_rest_is_filled(chromium, site):
    fields = [
        field("#country", "Atlantis", "Country", tag="select"),
        field("#first_name", "Ana", "First name"),
    ]

    async def scenario(page: Page) -> tuple[list[str], str]:
        return await fill_form_fields(page, fields), await page.input_value("#first_name")

    problems, first_name = in_browser(site.url + "/apply", scenario)
    assert problems == [
        "“Country”: no option “Atlantis” (the page offers “Select...”, “United States”, “Germany”)"
    ]
    assert first_name == "Ana"


def test_a_field_missing_from_the_page_is_a_problem(chromium, site):
    fields = [field("#middle_name", "Maria", "Middle name")]
    problems = in_browser(site.url + "/apply", lambda page: fill_form_fields(page, fields))
    assert problems == ["“Middle name”: not found on the page"]


def test_a_resume_file_that_is_gone_is_a_problem(chromium, site, tmp_path):
    fields = [field("#resume", str(tmp_path / "gone.pdf"), "Resume/CV", tag="file")]
    problems = in_browser(site.url + "/apply", lambda page: fill_form_fields(page, fields))
    assert problems == [f"“Resume/CV”: the file {tmp_path / 'gone.pdf'} does not exist"]


def test_a_combobox_without_the_wanted_suggestion_is_a_problem(chromium, site, monkeypatch):
    monkeypatch.setattr(fill, "SUGGESTION_TIMEOUT_MS", 1_000)
    fields = [field("#city", "Berlin", "City", tag="combobox")]
    problems = in_browser(site.url + "/apply", lambda page: fill_form_fields(page, fields))
    assert problems == [
        "“City”: none of the suggestions (Berlin, Germany, Berlin, NH, USA) is “Berlin”"
    ]


def test_a_combobox_that_suggests_nothing_is_a_problem(chromium, site, monkeypatch):
    monkeypatch.setattr(fill, "SUGGESTION_TIMEOUT_MS", 1_000)
    fields = [field("#city", "Atlantis", "City", tag="combobox")]
    problems = in_browser(site.url + "/apply", lambda page: fill_form_fields(page, fields))
    assert problems == ["“City”: typed “Atlantis”, but no suggestion appeared to choose"]


def test_a_city_combobox_finds_the_town_written_with_its_region(chromium, site):
    fields = [field("#city", "Munich, Germany", "City", tag="combobox", field_type="city")]

    async def scenario(page: Page) -> tuple[list[str], list[str], str]:
        problems = await fill_form_fields(page, fields)
        return problems, await read_back(page, fields), await page.input_value("#city")

    assert in_browser(site.url + "/apply", scenario) == ([], [], "Munich, Bavaria, Germany")


def test_a_country_combobox_finds_the_country_under_its_common_name(chromium, site):
    fields = [
        field(
            "#residence",
            "United States of America",
            "Country of residence",
            tag="combobox",
            field_type="country",
        )
    ]

    async def scenario(page: Page) -> tuple[list[str], str]:
        return await fill_form_fields(page, fields), await page.input_value("#residence")

    assert in_browser(site.url + "/apply", scenario) == ([], "United States")


def test_a_value_changed_by_the_page_is_reported_as_a_mismatch(chromium, site):
    fields = [field("#email", "ana@example.com", "Email")]

    async def scenario(page: Page) -> list[str]:
        await fill_form_fields(page, fields)
        # The form "corrects" the address after it was typed.
        await page.fill("#email", "ana@example.org")
        return await read_back(page, fields)

    assert in_browser(site.url + "/apply", scenario) == [
        "“Email”: expected “ana@example.com”, found “ana@example.org”"
    ]


def test_a_file_of_another_name_is_reported_as_a_mismatch(chromium, site, resume, tmp_path):
    other = tmp_path / "old-cv.pdf"
    other.write_bytes(b"%PDF-1.4 an old resume")
    fields = [field("#resume", str(other), "Resume/CV", tag="file")]

    async def scenario(page: Page) -> list[str]:
        await fill_form_fields(page, fields)
        fields[0].value = str(resume)
        return await read_back(page, fields)

    assert in_browser(site.url + "/apply", scenario) == [
        "“Resume/CV”: expected “Ana Lima CV.pdf”, found “old-cv.pdf”"
    ]


def test_an_unticked_box_is_reported_as_a_mismatch(chromium, site):
    fields = [field("#privacy", True, "I agree to the privacy policy", tag="checkbox")]

    async def scenario(page: Page) -> list[str]:
        return await read_back(page, fields)

    assert in_browser(site.url + "/apply", scenario) == [
        "“I agree to the privacy policy”: expected a ticked box, found an unticked box"
    ]


def test_a_phone_number_the_page_formats_still_reads_back_the_same(chromium, site):
    fields = [field("#phone", "+14155550123", "Phone", field_type="phone")]

    async def scenario(page: Page) -> list[str]:
        await fill_form_fields(page, fields)
        await page.fill("#phone", "(415) 555-0123")
        return await read_back(page, fields)

    assert in_browser(site.url + "/apply", scenario) == []


@pytest.mark.parametrize(
    ("wanted", "suggestions", "chosen"),
    [
        ("Berlin, Germany", ["Berlin, Land Berlin, Deutschland", "Berlin, NH, USA"], 0),
        ("Berlin, Germany", ["Berlin, NH, USA", "Berlin, Berlin, Germany"], 1),
        ("Austin, TX", ["Austin, MN, USA", "Austin, TX, United States"], 1),
        ("Austin, TX", ["Austin, Texas, United States"], None),  # not guessed
        ("Berlin", ["Berlin, Germany", "Berlin, NH, USA"], None),  # which Berlin?
        ("Springfield, USA", ["Springfield, IL, USA", "Springfield, MA, USA"], None),
        ("London, UK", ["London, Ontario, Canada", "London, England, United Kingdom"], 1),
    ],
)
def test_a_place_is_found_among_suggestions_that_write_it_another_way(wanted, suggestions, chosen):
    assert fill._find(wanted, suggestions, "city") == chosen
