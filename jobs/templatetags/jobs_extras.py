from __future__ import annotations

from django import template
from django.utils.safestring import SafeString, mark_safe

from jobs.html import sanitize_description
from jobs.models import Job

register = template.Library()


@register.filter
def salary(job: Job) -> str:
    """ "USD 150,000–185,000 a year", as stored (annualised), or what the posting said."""
    if job.salary_min is None:
        return job.salary_text
    amount = f"{job.salary_min:,}"
    if job.salary_max is not None and job.salary_max != job.salary_min:
        amount += f"–{job.salary_max:,}"
    currency = f"{job.salary_currency} " if job.salary_currency else ""
    shown = f"{currency}{amount} a year"
    if job.salary_period and job.salary_period != Job.SalaryPeriod.YEAR and job.salary_text:
        shown += f" (posted as {job.salary_text})"
    return shown


@register.filter
def sanitized(html: str) -> SafeString:
    """A description made safe to show, whatever was stored."""
    return mark_safe(sanitize_description(html))


@register.filter
def score_class(score: int) -> str:
    return "score-high" if score >= 70 else "score-mid" if score >= 40 else "score-low"
