"""Mailers for tests that need e-mail to fail: point settings.MAILERS at them.

They count on class attributes, so a test sets the count it starts from.
"""

from __future__ import annotations

import smtplib
from collections.abc import Sequence

from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend

BROKEN = {"default": {"BACKEND": "hunter.tests.mailers.BrokenMailer"}}
FLAKY = {"default": {"BACKEND": "hunter.tests.mailers.FlakyMailer"}}
LOCMEM = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}


class BrokenMailer(BaseEmailBackend):
    """An SMTP server that hangs up on every message."""

    attempts = 0

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        type(self).attempts += 1
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


class FlakyMailer(LocmemBackend):
    """Fails the first message it is given, then delivers to the test outbox."""

    failures_left = 1

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        if type(self).failures_left > 0:
            type(self).failures_left -= 1
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return super().send_messages(email_messages)
