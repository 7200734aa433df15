from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from hunter.demo import DemoAlreadyLoaded, DemoSummary, clear_demo, demo_user, is_loaded, load_demo


class Command(BaseCommand):
    help = (
        "Load a realistic sample to look around in, offline: 5 boards of made-up companies "
        "with their scan history, 300 jobs scored against your profile, applications in "
        "every status, and a filled-in profile. On a profile you already have, only blank "
        "fields are filled in. Once loaded, running it again changes nothing: --clear first. "
        "--clear removes exactly what the demo added (its boards with every job found on "
        "them; a profile it created goes with it, one it filled in gets its blanks back); "
        "your own boards, jobs, applications and profile stay."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--clear", action="store_true", help="Remove the demo, and nothing else."
        )

    def handle(self, *args: Any, clear: bool, **options: Any) -> None:
        if clear:
            self._clear()
        else:
            self._load()

    def _load(self) -> None:
        user = demo_user()
        if user is None:
            raise CommandError(
                "There is no login yet, and the demo fills in its profile. Create it with "
                "`python manage.py ensure_user` (or `createsuperuser`), then run the demo again."
            )
        try:
            summary = load_demo(user=user)
        except DemoAlreadyLoaded as exc:
            self.stdout.write(str(exc))
            return
        profile = {
            "created": f"created the profile of {user} ({summary.profile_fields} fields)",
            "filled": f"filled {summary.profile_fields} blank fields of {user}'s profile",
            "kept": f"left {user}'s profile as it was (nothing was blank)",
        }[summary.profile]
        self.stdout.write(
            self.style.SUCCESS("Loaded the demo: ")
            + f"{_counts(summary)}; {profile}"
            + _lists(summary, "with" if summary.profile == "created" else "and added")
            + ".\n"
            "Remove it with `python manage.py demo --clear`."
        )

    def _clear(self) -> None:
        if not is_loaded():
            self.stdout.write("The demo is not loaded: nothing to remove.")
            return
        summary = clear_demo()
        profile = {
            "deleted": "; deleted the profile it created",
            "restored": f"; emptied again {summary.profile_fields} profile fields it had filled",
            "": "",
        }[summary.profile]
        self.stdout.write(
            self.style.SUCCESS("Removed the demo: ")
            + f"{_counts(summary)}{profile}{_lists(summary, '; removed')}."
        )


def _counts(summary: DemoSummary) -> str:
    return (
        f"{summary.boards} boards with {summary.scans} scans, {summary.jobs} jobs, "
        f"{summary.applications} applications"
    )


def _lists(summary: DemoSummary, lead: str) -> str:
    parts = [
        f"{count} {name}"
        for count, name in (
            (summary.answers, "saved answers"),
            (summary.education, "schools"),
            (summary.experience, "past jobs"),
        )
        if count
    ]
    return f" {lead} {', '.join(parts)}" if parts else ""
