"""Careers pages that JavaScript builds: the `html` scraper's selectors, applied to the
page Chromium has rendered."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Coroutine
from typing import Any, TypeVar

from playwright.async_api import BrowserContext, Route, async_playwright
from playwright.async_api import Error as PlaywrightError
from playwright.async_api import TimeoutError as PlaywrightTimeoutError

from boards.scrapers.base import ScrapeError, ScrapeResult, first_line
from boards.scrapers.html import FetchedPage, HtmlScraper
from boards.scrapers.http import USER_AGENT, FetchError
from hunter.browser import ACTION_TIMEOUT_MS, PAGE_LOAD_TIMEOUT_MS, chromium_launch_options

T = TypeVar("T")

# Pages rendered at once when reading detail pages: as polite as the HTTP client.
PAGES_AT_ONCE = 4
# Nothing a selector reads is in these; skipping them makes pages load much faster.
SKIPPED_RESOURCES = {"image", "media", "font"}


class BrowserScraper(HtmlScraper):
    """The `html` scraper's config and behaviour, with each listing and detail page
    rendered by Chromium first."""

    type = "browser"
    label = "Web page rendered in a browser (CSS selectors)"
    nothing_matched_hint = " The browser waited for it: is the selector right?"

    _browser: RenderingBrowser | None = None

    def scrape(self) -> ScrapeResult:
        with RenderingBrowser() as browser:
            self._browser = browser
            try:
                return super().scrape()
            finally:
                self._browser = None

    def fetch_page(self, url: str, *, wait_for: str | None = None) -> FetchedPage:
        return self._running_browser().render(url, wait_for=wait_for)

    def fetch_pages(
        self, urls: list[str], *, wait_for: str | None = None
    ) -> list[tuple[str, FetchedPage | Exception]]:
        return self._running_browser().render_many(urls, wait_for=wait_for)

    def _running_browser(self) -> RenderingBrowser:
        if self._browser is None:
            raise RuntimeError("BrowserScraper fetches pages only while scrape() runs.")
        return self._browser


class RenderingBrowser:
    """Chromium, driven by Playwright's async API on an event loop in a thread of its
    own, so that synchronous code can use it whether or not an event loop is already
    running in the caller's thread. Use it as a context manager: leaving always closes
    the browser."""

    def __init__(self) -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(
            target=self._loop.run_forever, name="hunter-browser", daemon=True
        )
        self._playwright: Any = None
        self._browser: Any = None
        self._context: BrowserContext | None = None

    def __enter__(self) -> RenderingBrowser:
        self._thread.start()
        try:
            self._call(self._launch(chromium_launch_options()))
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def render(self, url: str, *, wait_for: str | None = None) -> FetchedPage:
        """The HTML of `url` once Chromium has loaded it and, given `wait_for`, once an
        element matches that selector (or the wait times out: an empty page is read as
        it is). Raises FetchError when the page does not load."""
        return self._call(self._render(url, wait_for))

    def render_many(
        self, urls: list[str], *, wait_for: str | None = None
    ) -> list[tuple[str, FetchedPage | Exception]]:
        """Each URL's rendered page or the reason it failed, a few at a time, in order."""
        return self._call(self._render_many(urls, wait_for))

    def close(self) -> None:
        if self._thread.is_alive():
            try:
                self._call(self._shut_down())
            finally:
                self._loop.call_soon_threadsafe(self._loop.stop)
                self._thread.join()
        self._loop.close()

    # --- on the browser's own thread ---------------------------------------------------

    def _call(self, coroutine: Coroutine[Any, Any, T]) -> T:
        # Playwright's own timeouts bound every step, so this wait ends.
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result()

    async def _launch(self, options: dict[str, Any]) -> None:
        self._playwright = await async_playwright().start()
        try:
            self._browser = await self._playwright.chromium.launch(**options)
        except PlaywrightError as exc:
            where = options.get("executable_path") or "Playwright's own Chromium"
            raise ScrapeError(
                f"Chromium ({where}) did not start: {first_line(exc)}. Install it with "
                "`playwright install chromium`, or set HUNTER_CHROMIUM to a Chromium binary."
            ) from exc
        self._context = await self._browser.new_context(user_agent=USER_AGENT, locale="en-US")
        self._context.set_default_navigation_timeout(PAGE_LOAD_TIMEOUT_MS)
        self._context.set_default_timeout(ACTION_TIMEOUT_MS)
        await self._context.route("**/*", _skip_heavy_resources)

    async def _render(self, url: str, wait_for: str | None) -> FetchedPage:
        assert self._context is not None
        page = await self._context.new_page()
        try:
            try:
                response = await page.goto(url, wait_until="load")
            except PlaywrightTimeoutError as exc:
                seconds = PAGE_LOAD_TIMEOUT_MS // 1000
                raise FetchError(f"{url} did not load within {seconds} s", url=url) from exc
            except PlaywrightError as exc:
                raise FetchError(f"{url} did not load: {first_line(exc)}", url=url) from exc
            if response is not None and response.status >= 400:
                raise FetchError(
                    f"{url} answered {response.status} {response.status_text}".rstrip(),
                    url=url,
                    status=response.status,
                )
            if wait_for:
                # The page's scripts may still be building it. One that stays empty is
                # read as it is, so the scan can say the selector matched nothing.
                with contextlib.suppress(PlaywrightTimeoutError):
                    await page.wait_for_selector(wait_for, state="attached")
            try:
                return FetchedPage(url=page.url, html=await page.content())
            except PlaywrightError as exc:
                raise FetchError(f"{url} could not be read: {first_line(exc)}", url=url) from exc
        finally:
            with contextlib.suppress(PlaywrightError):
                await page.close()

    async def _render_many(
        self, urls: list[str], wait_for: str | None
    ) -> list[tuple[str, FetchedPage | Exception]]:
        slots = asyncio.Semaphore(PAGES_AT_ONCE)

        async def render(url: str) -> FetchedPage | Exception:
            async with slots:
                try:
                    return await self._render(url, wait_for)
                except Exception as exc:  # reported to the caller, page by page
                    return exc

        pages = await asyncio.gather(*(render(url) for url in urls))
        return list(zip(urls, pages, strict=True))

    async def _shut_down(self) -> None:
        # Each step on its own: a browser that died must not keep Playwright running.
        for step in (
            self._context.close if self._context else None,
            self._browser.close if self._browser else None,
            self._playwright.stop if self._playwright else None,
        ):
            if step is not None:
                with contextlib.suppress(Exception):
                    await step()
        self._context = self._browser = self._playwright = None


async def _skip_heavy_resources(route: Route) -> None:
    if route.request.resource_type in SKIPPED_RESOURCES:
        await route.abort()
    else:
        await route.continue_()


SCRAPER = BrowserScraper
