from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

logger = logging.getLogger(__name__)

STOP_TIMEOUT_SECONDS = 30


class Command(BaseCommand):
    help = (
        "Start Hunter: migrate, make sure the login exists, then run the web server and the "
        "task cluster until Ctrl-C or SIGTERM, and stop them all cleanly."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default=os.environ.get("HUNTER_HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("HUNTER_PORT", 8000)))
        parser.add_argument(
            "--no-worker",
            action="store_true",
            help="Serve the site only; the task cluster runs elsewhere (compose's worker).",
        )

    def handle(self, *args: Any, host: str, port: int, no_worker: bool, **options: Any) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        call_command("ensure_user")

        stop = threading.Event()
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, lambda *_: stop.set())

        # Each child gets its own session: Ctrl-C reaches only this process, which then
        # stops the children in order instead of racing them.
        children = {
            "web": self._start(
                "-m",
                "uvicorn",
                "hunter.asgi:application",
                "--host",
                host,
                "--port",
                str(port),
                "--lifespan",
                "off",
                "--log-config",
                str(Path(__file__).resolve().parents[2] / "uvicorn-logging.json"),
            ),
        }
        if not no_worker:
            children["worker"] = self._start(str(Path(settings.BASE_DIR) / "manage.py"), "qcluster")
        self.stdout.write(f"Hunter is running on http://{host}:{port}/ (Ctrl-C stops it).")

        failed = None
        while not stop.wait(0.5):
            failed = next((name for name, p in children.items() if p.poll() is not None), None)
            if failed:
                logger.error("process_exited", extra={"process": failed})
                break

        self.stdout.write("Stopping Hunter...")
        for process in children.values():
            if process.poll() is None:
                process.terminate()
        for name, process in children.items():
            try:
                process.wait(timeout=STOP_TIMEOUT_SECONDS)
            except subprocess.TimeoutExpired:
                logger.warning("process_killed", extra={"process": name})
                process.kill()
                process.wait()
        if failed:
            sys.exit(f"Hunter stopped because its {failed} process exited.")
        self.stdout.write("Hunter stopped.")

    def _start(self, *arguments: str) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            [sys.executable, *arguments], cwd=settings.BASE_DIR, start_new_session=True
        )
