"""How Hunter starts Chromium, for everything that drives a browser (scans, auto-apply)."""

from __future__ import annotations

from typing import Any

from django.conf import settings

LAUNCH_TIMEOUT_MS = 30_000
PAGE_LOAD_TIMEOUT_MS = 30_000
# Waiting for an element to appear, a click, a fill.
ACTION_TIMEOUT_MS = 10_000

CHROMIUM_ARGS = (
    # Chromium's sandbox refuses to start as root, which is how containers and CI run it.
    "--no-sandbox",
    # No update checks, sync or telemetry traffic of its own: only the pages we open.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-gpu",
    # Containers give /dev/shm 64 MB, too little for Chromium's shared memory.
    "--disable-dev-shm-usage",
)


def chromium_launch_options() -> dict[str, Any]:
    """Keyword arguments for Playwright's `chromium.launch()`: headless, with the
    Chromium of `settings.HUNTER_CHROMIUM` when set, else Playwright's own."""
    options: dict[str, Any] = {
        "headless": True,
        "args": list(CHROMIUM_ARGS),
        "timeout": LAUNCH_TIMEOUT_MS,
    }
    if executable := getattr(settings, "HUNTER_CHROMIUM", ""):
        options["executable_path"] = executable
    return options
