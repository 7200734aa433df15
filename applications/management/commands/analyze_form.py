"""`manage.py analyze_form URL`: what Hunter understands of an application form."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from playwright.async_api import Error as PlaywrightError
from playwright.async_api import async_playwright

from applications.autofill import CONFIDENCE_THRESHOLD, FormField
from applications.autofill.browser import (
    FormPageError,
    analyze_form_fields,
    find_application_form,
    open_page,
)
from applications.autofill.captcha import has_captcha
from hunter.browser import ACTION_TIMEOUT_MS, PAGE_LOAD_TIMEOUT_MS, chromium_launch_options
from profiles.models import UserProfile


class Command(BaseCommand):
    help = (
        "Open an application form in Chromium, list its fields with what each asks and the "
        "value the profile would give. Never submits anything."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("url", help="The job's application page (or its posting).")
        parser.add_argument(
            "--json",
            dest="as_json",
            action="store_true",
            help="Print one JSON object instead of a table.",
        )
        parser.add_argument(
            "--timeout",
            type=float,
            default=PAGE_LOAD_TIMEOUT_MS / 1000,
            help="Seconds to wait for the page to load (default %(default)g).",
        )

    def handle(self, *args: Any, url: str, as_json: bool, timeout: float, **options: Any) -> None:
        try:
            page_url, fields, captcha = asyncio.run(_analyse(url, timeout_ms=int(timeout * 1000)))
        except FormPageError as exc:
            raise CommandError(str(exc)) from None
        except PlaywrightError as exc:
            # Chromium itself failed (not installed, crashed): say so in one line.
            raise CommandError(f"The browser failed: {str(exc).splitlines()[0]}") from None
        _propose(fields)
        review = _needs_review(fields, captcha)
        if as_json:
            self.stdout.write(_as_json(page_url, fields, captcha, review))
        else:
            self._print_table(page_url, fields, captcha, review)

    def _print_table(
        self, url: str, fields: list[FormField], captcha: str, review: list[str]
    ) -> None:
        self.stdout.write(f"{url}: {len(fields)} fields")
        header = f"{'label':<48} {'type':<19} {'conf':>4}  {'value':<30} req"
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        for field in fields:
            label = _cut(field.label or field.name or field.id, 48)
            value = _cut(_value_text(field.value), 30)
            required = "yes" if field.required else ""
            self.stdout.write(
                f"{label:<48} {field.field_type:<19} {field.type_confidence:>4.2f}  "
                f"{value:<30} {required}"
            )
        self.stdout.write(f"CAPTCHA: {captcha or 'none'}")
        if review:
            self.stdout.write("Needs review: " + "; ".join(review))
        else:
            self.stdout.write("Needs review: no")


async def _analyse(url: str, *, timeout_ms: int) -> tuple[str, list[FormField], str]:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(**chromium_launch_options())
        try:
            context = await browser.new_context(accept_downloads=False)
            context.set_default_timeout(ACTION_TIMEOUT_MS)
            page = await open_page(context, url, timeout_ms=timeout_ms)
            await find_application_form(page)
            fields = await analyze_form_fields(page)
            return page.url, fields, await has_captcha(page)
        finally:
            await browser.close()


def _propose(fields: list[FormField]) -> None:
    """Fill in the values the owner's profile gives, once value proposal exists."""
    try:
        from applications.autofill.values import propose_values
    except ImportError:
        return
    propose_values(fields, profile=UserProfile.owner(), job=None)


def _needs_review(fields: list[FormField], captcha: str) -> list[str]:
    try:
        from applications.autofill.review import needs_human_review
    except ImportError:
        reasons = [f"CAPTCHA ({captcha})"] if captcha else []
        unsure = [f for f in fields if f.type_confidence < CONFIDENCE_THRESHOLD]
        if unsure:
            reasons.append(f"{len(unsure)} fields under {CONFIDENCE_THRESHOLD} confidence")
        return reasons
    return list(needs_human_review(fields, captcha=captcha))


def _as_json(url: str, fields: list[FormField], captcha: str, review: list[str]) -> str:
    return json.dumps(
        {
            "url": url,
            "captcha": captcha,
            "needs_review": bool(review),
            "fields": [
                {
                    "id": field.id,
                    "name": field.name,
                    "label": field.label,
                    "tag": field.tag,
                    "input_type": field.input_type,
                    "field_type": field.field_type,
                    "confidence": field.type_confidence,
                    "value": field.value,
                    "required": field.required,
                }
                for field in fields
            ],
        },
        default=str,
    )


def _value_text(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return "" if value in (None, False) else str(value)


def _cut(text: str, width: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"
