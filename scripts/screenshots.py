"""Render a screenshot of every page into docs/screenshots/, as the README shows them.

    make screenshots        (or: .venv/bin/python scripts/screenshots.py)

Uses its own database, `hunter_screenshots`, on the configured Postgres (the embedded
one when DATABASE_URL is unset): migrates it, loads `manage.py demo`, starts Hunter with
`manage.py run --no-worker` on a free port, logs in through the login form in headless
Chromium (HUNTER_CHROMIUM), and saves each page at desktop width, and the main ones at
phone width. The database is dropped at the end.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hunter.settings")
os.environ.setdefault("LOG_LEVEL", "WARNING")

from hunter.embedded import start_embedded_services_if_unconfigured  # noqa: E402

DATABASE = "hunter_screenshots"
OUT = ROOT / "docs" / "screenshots"
DESKTOP = {"width": 1280, "height": 860}
PHONE = {"width": 390, "height": 844}


def main() -> None:
    start_embedded_services_if_unconfigured()
    import django
    import psycopg
    from psycopg import sql

    django.setup()
    from django.conf import settings

    from hunter.testing import database_url

    database = settings.DATABASES["default"]
    admin = database_url({**database, "NAME": "postgres"})
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(DATABASE))
        )
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(DATABASE)))
    password = secrets.token_urlsafe(12)
    env = {
        **os.environ,
        "DATABASE_URL": database_url({**database, "NAME": DATABASE}),
        "HUNTER_USERNAME": "ana",
        "HUNTER_PASSWORD": password,
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    try:
        for command in (["migrate", "-v0"], ["ensure_user"], ["demo"]):
            subprocess.run([*manage, *command], env=env, check=True, cwd=ROOT)
        _shoot(manage, env, password)
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(DATABASE))
            )


def _shoot(manage: list[str], env: dict, password: str) -> None:
    from playwright.sync_api import sync_playwright

    from hunter.browser import chromium_launch_options
    from hunter.testing import free_port, stop_process_tree, wait_for_http

    port = free_port()
    server = subprocess.Popen(
        [*manage, "run", "--no-worker", "--port", str(port)],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    OUT.mkdir(parents=True, exist_ok=True)
    try:
        wait_for_http(f"{base}/login/", timeout=90)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(**chromium_launch_options())
            page = browser.new_page(viewport=DESKTOP)
            page.goto(f"{base}/login/")
            _save(page, "login")
            page.get_by_label("Username").fill("ana")
            page.get_by_label("Password").fill(password)
            page.get_by_role("button", name="Log in").click()
            page.wait_for_url(f"{base}/")
            for name, path in _pages(page, base):
                page.goto(f"{base}{path}")
                page.wait_for_load_state("networkidle")
                _save(page, name)
            for name, path in (("dashboard", "/"), ("jobs", "/jobs/")):
                page.set_viewport_size(PHONE)
                page.goto(f"{base}{path}")
                page.wait_for_load_state("networkidle")
                _save(page, f"{name}-phone")
            browser.close()
    finally:
        stop_process_tree(server)


def _pages(page, base: str) -> list[tuple[str, str]]:
    """(file name, path) of every page, the detail pages found by following links."""
    page.goto(f"{base}/jobs/?sort=score")
    job = page.locator("a.job-title").first.get_attribute("href")
    page.goto(f"{base}/applications/?status=needs_review")
    review = page.locator("table a").first.get_attribute("href")
    return [
        ("dashboard", "/"),
        ("jobs", "/jobs/?sort=score"),
        ("jobs-search", "/jobs/?q=python+or+kubernetes&sort=relevance"),
        ("job", job),
        ("boards", "/boards/"),
        ("applications", "/applications/"),
        ("review", review),
        ("profile", "/profile/"),
    ]


def _save(page, name: str) -> None:
    path = OUT / f"{name}.png"
    page.screenshot(path=path, full_page=True)
    print(f"  {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
