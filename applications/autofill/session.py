"""One browser session per step of an application: prepare (fill for review), submit."""

from __future__ import annotations

import contextlib
import dataclasses
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from asgiref.sync import sync_to_async
from django.db import connections
from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Page, async_playwright

from applications.autofill import FormField
from applications.autofill.browser import (
    analyze_form_fields,
    find_application_form,
    open_page,
    take_screenshot,
)
from applications.autofill.captcha import has_captcha
from applications.autofill.fill import fill_form_fields, read_back
from applications.autofill.review import needs_human_review
from applications.autofill.values import propose_values
from hunter.browser import ACTION_TIMEOUT_MS, PAGE_LOAD_TIMEOUT_MS, chromium_launch_options

if TYPE_CHECKING:
    from jobs.models import Job
    from profiles.models import UserProfile

CONFIRMATION = re.compile(
    r"thank(s| you) for (applying|your (application|interest))"
    r"|application (has been |was )?(submitted|received|sent)"
    r"|we(’|')?ve received your application|we have received your application"
    r"|successfully (submitted|applied)",
    re.IGNORECASE,
)
NEXT_BUTTONS = (
    "[data-automation-id=bottom-navigation-next-button]:not([type=submit])",
    "button:not([type=submit]):has-text('Save and Continue')",
    "button:not([type=submit]):has-text('Continue')",
    "button:not([type=submit]):has-text('Next')",
)
MAX_STEPS = 8
# Whether an element is on the step the form shows now: no ancestor of it is hidden.
# (File inputs hide themselves behind styled buttons, so the element itself is not asked.)
IN_CURRENT_STEP = """el => {
    for (let node = el.parentElement; node; node = node.parentElement) {
        if (node.hidden || getComputedStyle(node).display === "none") return false;
    }
    return true;
}"""
SUBMIT_BUTTONS = (
    "button[type=submit]",
    "input[type=submit]",
    "button:has-text('Submit application')",
    "button:has-text('Submit Application')",
    "button:has-text('Submit')",
    "button:has-text('Apply')",
)


class ApplyError(Exception):
    """A step failed for a reason the user should read."""


@dataclass
class Prepared:
    url: str
    fields: list[FormField]
    captcha: str = ""
    reasons: list[str] = dataclasses.field(default_factory=list)


async def prepare(
    *, url: str, profile: UserProfile | None, job: Job | None, screenshot: Path
) -> Prepared:
    """Open the form, understand it, fill what the profile knows, and screenshot it."""
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(**chromium_launch_options())
        try:
            context = await browser.new_context(accept_downloads=False)
            context.set_default_timeout(ACTION_TIMEOUT_MS)
            page = await open_page(context, url, timeout_ms=PAGE_LOAD_TIMEOUT_MS)
            await find_application_form(page)
            form_url = page.url
            fields: list[FormField] = []
            problems: list[str] = []
            for step in range(MAX_STEPS):
                found = await _fields_of_this_step(page, known=fields)
                for field in found:
                    field.step = step
                await sync_to_async(_propose_values)(found, profile=profile, job=job)
                problems += await fill_form_fields(page, found)
                fields += found
                if not await _next_step(page):
                    break
            if not fields:
                raise ApplyError(f"No application form found at {page.url}.")
            captcha = await has_captcha(page)
            await take_screenshot(page, screenshot)
            reasons = needs_human_review(fields, captcha=captcha) + problems
            return Prepared(url=form_url, fields=fields, captcha=captcha, reasons=reasons)
        finally:
            await browser.close()


async def submit(*, url: str, fields: list[FormField], screenshot: Path, dry_run: bool) -> str:
    """Fill the approved values, check each one reads back as approved, then submit and
    recognise the confirmation. Returns what confirmed it; raises ApplyError otherwise."""
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(**chromium_launch_options())
        try:
            context = await browser.new_context(accept_downloads=False)
            context.set_default_timeout(ACTION_TIMEOUT_MS)
            page = await open_page(context, url, timeout_ms=PAGE_LOAD_TIMEOUT_MS)
            await find_application_form(page)
            problems: list[str] = []
            mismatches: list[str] = []
            last_step = max((field.step for field in fields), default=0)
            for step in range(last_step + 1):
                on_step = [field for field in fields if field.step == step]
                problems += await fill_form_fields(page, on_step)
                mismatches += await read_back(page, on_step)
                if step < last_step and not await _next_step(page):
                    problems.append(f"The form has no step {step + 2} any more.")
                    break
            if problems or mismatches:
                await take_screenshot(page, screenshot)
                raise ApplyError("Not submitted: " + "; ".join(problems + mismatches))
            if dry_run:
                await take_screenshot(page, screenshot)
                return "Dry run: the form was filled and checked, and not submitted."
            if missing := await _invalid_fields(page):
                await take_screenshot(page, screenshot)
                raise ApplyError("Not submitted: the form still needs " + "; ".join(missing))
            await _click_submit(page, fields)
            confirmation = await _confirmation(page)
            await take_screenshot(page, screenshot)
            if not confirmation:
                raise ApplyError(
                    "Submitted, but the page did not confirm it: "
                    + (await _page_errors(page) or "no confirmation message appeared.")
                )
            return confirmation
        finally:
            await browser.close()


def _propose_values(
    fields: list[FormField], *, profile: UserProfile | None, job: Job | None
) -> None:
    """propose_values reads the database: it runs in a thread of its own, outside the
    event loop, which closes its connection when done."""
    try:
        propose_values(fields, profile=profile, job=job)
    finally:
        connections.close_all()


async def _fields_of_this_step(page: Page, *, known: list[FormField]) -> list[FormField]:
    """The fields the form shows now that were not seen on an earlier step."""
    seen = {(field.frame, field.selector) for field in known}
    current = []
    for field in await analyze_form_fields(page):
        if (field.frame, field.selector) in seen:
            continue
        frame = page.frames[field.frame]
        element = frame.locator(field.selector).first
        if await element.count() and await element.evaluate(IN_CURRENT_STEP):
            current.append(field)
    return current


async def _next_step(page: Page) -> bool:
    """Go to the form's next step if it has one (a Next/Continue button, not Submit)."""
    for frame in page.frames:
        for selector in NEXT_BUTTONS:
            button = frame.locator(selector).first
            if await button.count() and await button.is_visible():
                await button.click()
                with contextlib.suppress(PlaywrightError):
                    await page.wait_for_load_state("networkidle", timeout=PAGE_LOAD_TIMEOUT_MS)
                return True
    return False


# The questions of the fields the browser itself would refuse to submit (required and
# empty, or malformed), by their label.
INVALID_FIELDS = r"""() => {
    const seen = new Set(), questions = [];
    for (const el of document.querySelectorAll("input, select, textarea")) {
        if (!el.willValidate || el.checkValidity()) continue;
        const group = (el.type === "radio" || el.type === "checkbox") && el.name;
        const key = group ? "group:" + el.name : el;
        if (seen.has(key)) continue;
        seen.add(key);
        const legend = el.closest("fieldset")?.querySelector("legend");
        const label = (group && legend)
            || (el.id && document.querySelector(`label[for="${CSS.escape(el.id)}"]`))
            || el.closest("label") || legend;
        questions.push((label ? label.innerText : el.name || el.id).replace(/\s+/g, " ").trim());
    }
    return questions;
}"""


async def _invalid_fields(page: Page) -> list[str]:
    missing: list[str] = []
    for frame in page.frames:
        with contextlib.suppress(PlaywrightError):
            missing += await frame.evaluate(INVALID_FIELDS)
    return list(dict.fromkeys(missing))


async def _click_submit(page: Page, fields: list[FormField]) -> None:
    frame_index = fields[0].frame if fields else 0
    frame = page.frames[frame_index] if frame_index < len(page.frames) else page.main_frame
    for selector in SUBMIT_BUTTONS:
        button = frame.locator(selector).last
        if await button.count() and await button.is_visible():
            await button.click()
            # A single-page app may keep connections open; the confirmation text decides.
            with contextlib.suppress(PlaywrightError):
                await page.wait_for_load_state("networkidle", timeout=PAGE_LOAD_TIMEOUT_MS)
            return
    raise ApplyError("No submit button found on the form.")


async def _confirmation(page: Page) -> str:
    """The confirmation message on the page after submitting, if there is one."""
    for _ in range(20):
        for frame in page.frames:
            try:
                text = await frame.locator("body").inner_text(timeout=2000)
            except PlaywrightError:
                continue
            if match := CONFIRMATION.search(text):
                line = next(
                    (line.strip() for line in text.splitlines() if match.group(0) in line), ""
                )
                return line[:300] or match.group(0)
        await page.wait_for_timeout(250)
    return ""


async def _page_errors(page: Page) -> str:
    for frame in page.frames:
        errors = frame.locator("[role=alert], .error, .field-error, [aria-invalid=true]")
        texts = [text.strip() for text in await errors.all_inner_texts() if text.strip()]
        if texts:
            return "the form says: " + "; ".join(texts)[:500]
    return ""
