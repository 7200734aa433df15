"""has_captcha in a real Chromium: the three CAPTCHA kinds, in the page or in a frame."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from playwright.async_api import async_playwright

from applications.autofill.browser import open_page
from applications.autofill.captcha import has_captcha
from boards.tests.fake_site import FakeSite, Reply
from hunter.browser import chromium_launch_options

FORM = (
    "<form><label for=e>Email</label><input id=e type=email>{widget}<button>Apply</button></form>"
)


@pytest.fixture
def site() -> Iterator[FakeSite]:
    fake = FakeSite()
    yield fake
    fake.close()


def captcha_on(site: FakeSite, widget: str, *, extra: dict[str, str] | None = None) -> str:
    for path, body in (extra or {}).items():
        site.route(path, Reply(body=body, content_type="text/html"))
    url = site.route("/apply", Reply(body=FORM.format(widget=widget), content_type="text/html"))

    async def main() -> str:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(**chromium_launch_options())
            try:
                page = await open_page(await browser.new_context(), url, timeout_ms=10_000)
                return await has_captcha(page)
            finally:
                await browser.close()

    return asyncio.run(main())


def test_recaptcha_checkbox_widget_is_recaptcha(chromium, site):
    assert captcha_on(site, '<div class="g-recaptcha" data-sitekey="6Lc-key"></div>') == "recaptcha"


def test_invisible_recaptcha_v3_script_is_recaptcha(chromium, site):
    widget = '<script async src="https://www.google.com/recaptcha/api.js?render=6Lc-key"></script>'
    assert captcha_on(site, widget) == "recaptcha"


def test_hcaptcha_widget_is_hcaptcha(chromium, site):
    assert (
        captcha_on(site, '<div class="h-captcha" data-sitekey="10000000-ffff"></div>') == "hcaptcha"
    )


def test_turnstile_widget_is_turnstile(chromium, site):
    assert captcha_on(site, '<div class="cf-turnstile" data-sitekey="0x4AAA"></div>') == "turnstile"


def test_captcha_inside_an_iframe_is_found(chromium, site):
    widget = '<iframe src="/challenge"></iframe>'
    inner = '<div class="h-captcha" data-sitekey="10000000-ffff"></div>'
    assert captcha_on(site, widget, extra={"/challenge": inner}) == "hcaptcha"


def test_form_without_captcha_has_none(chromium, site):
    assert captcha_on(site, "") == ""
