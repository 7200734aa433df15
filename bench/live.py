"""bench/live: from the moment a worker publishes an event to the moment an open page shows it.

    .venv/bin/python bench/live.py [EVENTS]        (default: 100)

Starts Hunter as `make run` does (uvicorn and the task cluster) on a scratch database,
opens the boards page in headless Chromium, then publishes EVENTS events one after the
other from this process, as a django-q2 worker would (hunter.live.push_event through the
Redis channel layer). A MutationObserver in the page notes when each event's element
appears in the DOM; both clocks are this machine's wall clock.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

from _setup import ROOT, setup_bench_database

DATABASE = "hunter_bench_live"
USERNAME, PASSWORD = "bench", "bench-password-123"


def main(events: int) -> None:
    setup_bench_database(DATABASE)
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from playwright.sync_api import sync_playwright

    from hunter.browser import chromium_launch_options
    from hunter.live import push_event
    from hunter.testing import free_port, live_database_url, stop_process_tree, wait_for_http

    user = get_user_model().objects.create_superuser(username=USERNAME, password=PASSWORD)
    port = free_port()
    env = {**os.environ, "DATABASE_URL": live_database_url(), "LOG_LEVEL": "WARNING"}
    server = subprocess.Popen(
        [sys.executable, "manage.py", "run", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    settings.HUNTER_CHROMIUM = os.environ.get("HUNTER_CHROMIUM") or "/usr/bin/chromium"
    latencies: list[float] = []
    try:
        wait_for_http(f"{base}/login/", timeout=60)
        with sync_playwright() as playwright, ThreadPoolExecutor(1) as publisher:
            browser = playwright.chromium.launch(**chromium_launch_options())
            page = browser.new_page()
            page.goto(f"{base}/login/")
            page.fill("#id_username", USERNAME)
            page.fill("#id_password", PASSWORD)
            page.click("button[type=submit]")
            page.goto(f"{base}/boards/")
            page.wait_for_function("() => window.htmx && document.body.hasAttribute('ws-connect')")
            page.evaluate(
                """() => {
                    window.seen = {};
                    new MutationObserver(() => {
                        const now = performance.timeOrigin + performance.now();
                        for (const el of document.querySelectorAll('[id^="bench-"]')) {
                            if (!(el.id in window.seen)) window.seen[el.id] = now;
                        }
                    }).observe(document.body, {childList: true, subtree: true});
                }"""
            )
            time.sleep(1)  # let the socket settle
            for number in range(events):
                sent = time.time() * 1000
                html = (
                    f'<div id="toasts" hx-swap-oob="beforeend">'
                    f'<p id="bench-{number}" hidden>event {number}</p></div>'
                )
                # From another thread: Playwright's loop runs in this one.
                publisher.submit(push_event, event="bench", html=html, user_id=user.pk).result()
                page.wait_for_function(f"() => 'bench-{number}' in window.seen", timeout=10_000)
                latencies.append(page.evaluate(f"window.seen['bench-{number}']") - sent)
                time.sleep(0.02)
            browser.close()
    finally:
        stop_process_tree(server)

    latencies.sort()
    p95 = latencies[max(0, round(0.95 * len(latencies)) - 1)]
    print(f"{len(latencies)} events, publish -> DOM, in ms:")
    print(f"  p50 {statistics.median(latencies):6.1f}   p95 {p95:6.1f}   max {latencies[-1]:6.1f}")
    print(f"  target p95 < 250 ms: {'met' if p95 < 250 else 'missed'}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100)
