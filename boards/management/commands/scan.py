from __future__ import annotations

import uuid
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from boards.models import JobBoard
from boards.scanning import scan_board


class Command(BaseCommand):
    help = "Scan boards now, in the foreground, and print what each scan found."

    def add_arguments(self, parser: CommandParser) -> None:
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument(
            "--board", action="append", metavar="NAME_OR_ID", help="A board (repeatable)."
        )
        which.add_argument(
            "--all", dest="all_boards", action="store_true", help="Every enabled board."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Fetch and parse, but store nothing."
        )

    def handle(
        self, *args: Any, board: list[str] | None, all_boards: bool, dry_run: bool, **options: Any
    ) -> None:
        boards = (
            list(JobBoard.objects.filter(enabled=True))
            if all_boards
            else [_find(name) for name in board or []]
        )
        if not boards:
            self.stdout.write("No enabled boards to scan.")
            return
        failed = 0
        for target in boards:
            report = scan_board(board=target, dry_run=dry_run)
            if report.skipped:
                self.stdout.write(f"{target.name}: skipped, another scan of it is running")
            elif report.failed:
                failed += 1
                self.stdout.write(self.style.ERROR(f"{target.name}: FAILED: {report.error}"))
            else:
                new = "not stored (dry run)" if dry_run else f"new {report.new}"
                self.stdout.write(
                    f"{target.name}: fetched {report.fetched}, kept {report.kept}, {new}, "
                    f"{report.seconds:.1f} s"
                )
            for line in report.log:
                self.stdout.write(f"  - {line}")
        if failed:
            raise CommandError(f"{failed} of {len(boards)} boards failed.")


def _find(name_or_id: str) -> JobBoard:
    try:
        return JobBoard.objects.get(pk=uuid.UUID(name_or_id))
    except (ValueError, JobBoard.DoesNotExist):
        pass
    matches = list(JobBoard.objects.filter(name__iexact=name_or_id))
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise CommandError(f'No board is called "{name_or_id}".')
    raise CommandError(f'{len(matches)} boards are called "{name_or_id}": use the id.')
