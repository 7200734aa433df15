from __future__ import annotations

from pathlib import Path
from uuid import UUID

from django.conf import settings
from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from applications.assistant import AssistUnavailable, draft_answers, draftable
from applications.autofill import CONFIDENCE_THRESHOLD, FormField
from applications.models import Application, InvalidTransition
from applications.services import (
    ApplyRefused,
    approve_application,
    cancel_application,
    previous_applications,
    start_application,
)
from jobs.models import Job

DETAIL = "applications/detail.html"


@require_GET
def application_list(request: HttpRequest) -> HttpResponse:
    applications = Application.objects.select_related("job")
    status = request.GET.get("status", "")
    if status in Application.Status.values:
        applications = applications.filter(status=status)
    else:
        status = ""
    return render(
        request,
        "applications/list.html",
        {
            "applications": applications[:200],
            "status": status,
            "statuses": Application.Status.choices,
        },
    )


@require_POST
def start(request: HttpRequest, job_id: UUID) -> HttpResponse:
    job = get_object_or_404(Job, pk=job_id)
    try:
        application = start_application(
            job=job,
            dry_run=request.POST.get("dry_run") == "on" or None,
            repost_ok=request.POST.get("repost_ok") == "on",
        )
    except ApplyRefused as exc:
        messages.error(request, str(exc))
        return redirect("jobs:detail", job_id=job.pk)
    messages.success(request, "Hunter is opening the application form. This page follows it.")
    return redirect("applications:detail", application_id=application.pk)


@require_GET
def detail(request: HttpRequest, application_id: UUID) -> HttpResponse:
    application = get_object_or_404(Application.objects.select_related("job"), pk=application_id)
    return render(request, DETAIL, _review_context(application))


def _review_context(application: Application) -> dict[str, object]:
    fields = [FormField.from_dict(data) for data in application.form_fields]
    return {
        "application": application,
        "fields": fields,
        "threshold": CONFIDENCE_THRESHOLD,
        "can_assist": any(draftable(field) for field in fields),
        "ai_configured": bool(settings.ANTHROPIC_API_KEY),
        "reposts": previous_applications(application.job),
        "logs": application.logs.all(),
    }


@require_POST
def approve(request: HttpRequest, application_id: UUID) -> HttpResponse:
    application = get_object_or_404(Application, pk=application_id)
    values = {}
    for key, value in request.POST.items():
        if key.startswith("field-") and key[6:].isdigit():
            values[int(key[6:])] = value
    try:
        approve_application(application=application, values=values)
    except InvalidTransition as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Approved. Hunter is submitting the application.")
    return redirect("applications:detail", application_id=application.pk)


@require_POST
def cancel(request: HttpRequest, application_id: UUID) -> HttpResponse:
    application = get_object_or_404(Application, pk=application_id)
    try:
        cancel_application(application=application)
    except InvalidTransition as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Cancelled. Nothing was sent.")
    return redirect("applications:detail", application_id=application.pk)


@require_POST
def assist(request: HttpRequest, application_id: UUID) -> HttpResponse:
    application = get_object_or_404(Application.objects.select_related("job"), pk=application_id)
    try:
        result = draft_answers(application=application)
    except AssistUnavailable as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            f"Claude drafted {result.drafted} answer(s). Read and edit them before approving.",
        )
    return redirect("applications:detail", application_id=application.pk)


@require_GET
def screenshot(request: HttpRequest, application_id: UUID) -> FileResponse:
    application = get_object_or_404(Application, pk=application_id)
    path = Path(application.screenshot_path)
    media = Path(settings.MEDIA_ROOT).resolve()
    # Only files Hunter wrote under its own media folder are ever served.
    if not application.screenshot_path or not path.resolve().is_relative_to(media):
        raise Http404("No screenshot.")
    if not path.exists():
        raise Http404("The screenshot file is gone.")
    return FileResponse(path.open("rb"), content_type="image/png")
