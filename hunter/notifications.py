"""Send e-mail through the configured mailer, patiently and without ever raising.

Shared infrastructure: callers (the jobs digest, the review notice, the profile's test
button) render their own subject and bodies and hand them over. Which mailer carries
them is decided once in settings: Resend through django-anymail when RESEND_API_KEY is
set, SMTP when SMTP_HOST is, else the console.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from time import sleep

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.handler import DEFAULT_MAILER_ALIAS

logger = logging.getLogger(__name__)

# Seconds to wait before the second and third attempt. A notice that arrives a few
# seconds late is fine; one lost to a provider's brief hiccup is not. Tests set it to
# zeros (it is read at each call).
RETRY_WAITS: Sequence[float] = (1.0, 2.0)


def send_email(
    *,
    to: list[str],
    subject: str,
    text: str,
    html: str,
    retry_waits: Sequence[float] | None = None,
) -> bool:
    """Send one message with a plain-text body and an HTML alternative to `to`.

    Tries again after each wait in `retry_waits` (RETRY_WAITS by default) and returns
    whether it was sent. Never raises: every failed attempt is logged with its
    traceback, and the caller decides what a lost message means (the digest keeps its
    jobs for the next run).
    """
    waits = list(RETRY_WAITS if retry_waits is None else retry_waits)
    attempts = len(waits) + 1
    for attempt in range(1, attempts + 1):
        error = deliver_email(
            to=to, subject=subject, text=text, html=html, attempt=attempt, attempts=attempts
        )
        if not error:
            return True
        if attempt < attempts:
            sleep(waits[attempt - 1])
    logger.error(
        "email_given_up",
        extra={"email_subject": subject, "email_to": to, "attempts": attempts, "error": error},
    )
    return False


def deliver_email(
    *, to: list[str], subject: str, text: str, html: str, attempt: int = 1, attempts: int = 1
) -> str:
    """One attempt at sending: empty when sent, else what went wrong in a line a user
    can act on (the full traceback goes to the log). Never raises."""
    recipients = [address for address in to if address]
    if not recipients:
        logger.warning("email_without_recipients", extra={"email_subject": subject})
        return "there is no address to send to"
    try:
        message = EmailMultiAlternatives(
            subject=subject, body=text, from_email=settings.DEFAULT_FROM_EMAIL, to=recipients
        )
        message.attach_alternative(html, "text/html")
        # A backend that swallows its errors reports 0 messages sent.
        if message.send(using=DEFAULT_MAILER_ALIAS) != 1:
            raise RuntimeError("the mailer reported that nothing was sent")
    except Exception as exc:
        logger.exception(
            "email_not_sent",
            extra={
                "email_subject": subject,
                "email_to": recipients,
                "mailer": describe_mailer(),
                "attempt": attempt,
                "attempts": attempts,
            },
        )
        return _one_line(exc)
    return ""


def _one_line(exc: Exception) -> str:
    """The error on one line: anymail's include the provider's JSON reply, indented."""
    message = " ".join(str(exc).split()) or type(exc).__name__
    return message if len(message) <= 400 else message[:399] + "…"


def describe_mailer() -> str:
    """What carries Hunter's e-mail, in words a user can check their settings against."""
    config = settings.MAILERS.get(DEFAULT_MAILER_ALIAS, {})
    backend = config.get("BACKEND", "")
    options = config.get("OPTIONS", {})
    if backend.startswith("anymail.backends.resend"):
        return "Resend"
    if backend == "django.core.mail.backends.smtp.EmailBackend":
        return f"the SMTP server {options.get('host', 'localhost')}:{options.get('port', 25)}"
    if backend == "django.core.mail.backends.console.EmailBackend":
        return "the server's console (set RESEND_API_KEY or SMTP_HOST to send real e-mail)"
    return backend or "no mailer"


def absolute_url(path: str) -> str:
    """`path` on the site as the user reaches it (HUNTER_SITE_URL), for links in e-mail."""
    return settings.HUNTER_SITE_URL.rstrip("/") + "/" + path.lstrip("/")
