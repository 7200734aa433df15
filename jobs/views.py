from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from jobs.forms import JobFilterForm
from jobs.models import Job
from jobs.search import search_jobs

LIST = "jobs/list.html"


@require_GET
def job_list(request: HttpRequest) -> HttpResponse:
    form = JobFilterForm(request.GET)
    results, query = None, ""
    if form.is_valid():
        results = search_jobs(form.cleaned_data)
        query = form.query_string(page=1)  # this search, for the pager's links
    context = {"form": form, "results": results, "query": query, "page_sep": "&" if query else ""}
    if not request.htmx:
        return render(request, LIST, context)
    response = render(request, f"{LIST}#results", context)
    # The address bar shows this search in its short form, for reloads and shared links.
    page = form.cleaned_data["page"] if form.is_valid() else 1
    shown = f"{query}{'&' if query else ''}page={page}" if page > 1 else query
    response["HX-Push-Url"] = f"{request.path}?{shown}" if shown else request.path
    return response


@require_GET
def job_detail(request: HttpRequest, job_id: UUID) -> HttpResponse:
    job = get_object_or_404(Job.objects.select_related("board"), pk=job_id)
    if job.is_new:
        job.mark_read()
    return render(request, "jobs/detail.html", {"job": job})


def _back(request: HttpRequest) -> HttpResponse:
    """Back to the page the action came from (the jobs list with its query)."""
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = ""
    return redirect(target or "jobs:list")


def _row(request: HttpRequest, job: Job) -> HttpResponse:
    return render(request, f"{LIST}#job-row", {"job": job, "next": request.POST.get("next", "")})


@require_POST
def hide_job(request: HttpRequest, job_id: UUID) -> HttpResponse:
    job = get_object_or_404(Job, pk=job_id)
    job.hide()
    return _row(request, job) if request.htmx else _back(request)


@require_POST
def unhide_job(request: HttpRequest, job_id: UUID) -> HttpResponse:
    job = get_object_or_404(Job, pk=job_id)
    job.unhide()
    return _row(request, job) if request.htmx else _back(request)


@require_POST
def mark_read(request: HttpRequest, job_id: UUID) -> HttpResponse:
    job = get_object_or_404(Job, pk=job_id)
    job.mark_read()
    return _row(request, job) if request.htmx else _back(request)


@require_POST
def bulk_action(request: HttpRequest) -> HttpResponse:
    """Hide or mark read every selected job, in one statement."""
    ids = request.POST.getlist("job")
    selected = Job.objects.filter(pk__in=[job_id for job_id in ids if _is_uuid(job_id)])
    action = request.POST.get("action")
    if action == "hide":
        count = selected.update(is_hidden=True)
        messages.success(request, f"Hid {count} job{'s' if count != 1 else ''}.")
    elif action == "read":
        count = selected.update(is_new=False)
        messages.success(request, f"Marked {count} job{'s' if count != 1 else ''} read.")
    else:
        messages.error(request, "Choose what to do with the selected jobs.")
    return _back(request)


def _is_uuid(value: str) -> bool:
    try:
        UUID(value)
    except ValueError:
        return False
    return True
