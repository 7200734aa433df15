from __future__ import annotations

import secrets
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create Hunter's login when no user exists yet: HUNTER_USERNAME / HUNTER_PASSWORD "
        "from the environment, or a generated password printed once."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        User = get_user_model()
        if User.objects.exists():
            return
        password = settings.HUNTER_PASSWORD or secrets.token_urlsafe(12)
        User.objects.create_superuser(username=settings.HUNTER_USERNAME, password=password)
        if settings.HUNTER_PASSWORD:
            self.stdout.write(
                f"Created the login '{settings.HUNTER_USERNAME}' with the password from "
                "HUNTER_PASSWORD."
            )
            return
        banner = "=" * 64
        self.stdout.write(
            f"{banner}\n"
            f"  Hunter created your login. It is shown only this once:\n\n"
            f"    username: {settings.HUNTER_USERNAME}\n"
            f"    password: {password}\n\n"
            f"  Change it at /admin/password_change/ once you are in.\n"
            f"{banner}"
        )
