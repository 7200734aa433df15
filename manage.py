#!/usr/bin/env python
"""Django's command-line utility for Hunter."""

from __future__ import annotations

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hunter.settings")
    # Without DATABASE_URL / REDIS_URL, Hunter runs on its own private Postgres and
    # Redis under the data folder; they start here, before settings are read.
    from hunter.embedded import start_embedded_services_if_unconfigured

    start_embedded_services_if_unconfigured()

    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
