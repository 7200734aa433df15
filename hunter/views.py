from __future__ import annotations

from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from applications.models import Application
from boards.models import JobBoard
from jobs.models import Job


@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    boards = JobBoard.objects.aggregate(
        total=Count("id"),
        enabled=Count("id", filter=Q(enabled=True)),
        failing=Count("id", filter=Q(last_scan_status=JobBoard.ScanStatus.FAILED)),
    )
    jobs = Job.objects.aggregate(
        total=Count("id"), new=Count("id", filter=Q(is_new=True, is_hidden=False))
    )
    applications = Application.objects.aggregate(
        total=Count("id"),
        needs_review=Count("id", filter=Q(status=Application.Status.NEEDS_REVIEW)),
    )
    template = "hunter/dashboard.html#counters" if request.htmx else "hunter/dashboard.html"
    return render(request, template, {"boards": boards, "jobs": jobs, "applications": applications})
