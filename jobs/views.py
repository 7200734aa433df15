from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from jobs.models import Job


@require_GET
def job_list(request: HttpRequest) -> HttpResponse:
    jobs = Job.objects.visible().select_related("board")[:50]
    return render(request, "jobs/list.html", {"jobs": jobs})
