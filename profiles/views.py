from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.db import transaction
from django.db.models import Max, Model
from django.forms import ModelForm
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from hunter.notifications import describe_mailer
from profiles import notifications
from profiles.forms import (
    SECTIONS,
    AnswerForm,
    EducationForm,
    ResumeForm,
    WorkExperienceForm,
    section_form_class,
)
from profiles.models import Answer, Education, UserProfile, WorkExperience
from profiles.resume import ResumeError, replace_resume

# The lists kept on the profile page: rows added, edited, removed and reordered inline.
COLLECTIONS: dict[str, tuple[type[Model], type[ModelForm], str]] = {
    "answers": (Answer, AnswerForm, "Answer bank"),
    "education": (Education, EducationForm, "Education"),
    "experience": (WorkExperience, WorkExperienceForm, "Work experience"),
}
PAGE = "profiles/edit.html"
RESCORING_SECTIONS = {"preferences", "authorization"}
RESCORE_TASK = "jobs.tasks.rescore_all_jobs"


def _page_context(profile: UserProfile, **bound: Any) -> dict[str, Any]:
    """Everything the profile page shows; `bound` replaces a form that has errors."""
    sections = [
        {
            "key": key,
            "title": title,
            "form": bound.get(key) or section_form_class(key)(instance=profile, prefix=key),
        }
        for key, (title, _) in SECTIONS.items()
    ]
    collections = [_collection_context(profile, kind, bound.get(kind)) for kind in COLLECTIONS]
    return {
        "profile": profile,
        "sections": sections,
        "collections": collections,
        "resume_form": bound.get("resume") or ResumeForm(),
    }


def _collection_context(
    profile: UserProfile, kind: str, add_form: ModelForm | None = None
) -> dict[str, Any]:
    model, form_class, title = COLLECTIONS[kind]
    rows = model.objects.filter(profile=profile)
    return {
        "kind": kind,
        "title": title,
        "rows": [(row, form_class(instance=row, prefix=f"{kind}-{row.pk}")) for row in rows],
        "add_form": add_form or form_class(prefix=f"{kind}-new"),
    }


@require_GET
def profile_page(request: HttpRequest) -> HttpResponse:
    return render(request, PAGE, _page_context(UserProfile.for_user(request.user)))


@require_POST
def save_section(request: HttpRequest, section: str) -> HttpResponse:
    if section not in SECTIONS:
        raise Http404
    profile = UserProfile.for_user(request.user)
    form = section_form_class(section)(request.POST, instance=profile, prefix=section)
    saved = form.is_valid()
    if saved:
        form.save()
        # What the user is looking for decides every job's score: rescore them all.
        if section in RESCORING_SECTIONS and form.has_changed():
            _request_rescoring()
        # Show what was stored (a phone number in E.164), not what was typed.
        form = section_form_class(section)(instance=profile, prefix=section)
    if request.htmx:
        title = SECTIONS[section][0]
        context = {
            "section": {"key": section, "title": title, "form": form},
            "saved": saved,
            "profile": profile,
        }
        return render(request, f"{PAGE}#section", context)
    if saved:
        messages.success(request, f"Saved {SECTIONS[section][0].lower()}.")
        return redirect(f"{reverse('profiles:edit')}#{section}")
    return render(request, PAGE, _page_context(profile, **{section: form}), status=400)


@require_POST
def send_test_email(request: HttpRequest) -> HttpResponse:
    """Send a short e-mail to the notification address and say how that went."""
    profile = UserProfile.for_user(request.user)
    address = profile.notification_address
    if not address:
        error = "There is no address to send to: enter one above, or a contact e-mail, and save."
    elif error := notifications.send_test_email(profile=profile):
        error = f"The test e-mail to {address} was not sent through {describe_mailer()}: {error}"
    message = error or f"Sent a test e-mail to {address} through {describe_mailer()}."
    if request.htmx:
        context = {"profile": profile, "test_result": {"ok": not error, "message": message}}
        return render(request, f"{PAGE}#test_email", context)
    (messages.error if error else messages.success)(request, message)
    return redirect(f"{reverse('profiles:edit')}#notifications")


def _request_rescoring() -> None:
    """Matching lives in the jobs app, above this one: ask for it by the task's name."""
    from django_q.tasks import async_task

    transaction.on_commit(
        lambda: async_task(RESCORE_TASK, group="scores", task_name="Rescore jobs")
    )


@require_POST
def upload_resume(request: HttpRequest) -> HttpResponse:
    profile = UserProfile.for_user(request.user)
    form = ResumeForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            replace_resume(profile=profile, upload=form.cleaned_data["resume"])
        except ResumeError as exc:
            form.add_error("resume", str(exc))
    if form.errors:
        if request.htmx:
            return render(request, f"{PAGE}#resume", {"profile": profile, "resume_form": form})
        return render(request, PAGE, _page_context(profile, resume=form), status=400)
    if request.htmx:
        return render(
            request,
            f"{PAGE}#resume",
            {"profile": profile, "resume_form": ResumeForm(), "saved": True},
        )
    messages.success(request, f"Uploaded {profile.resume_name}.")
    return redirect(f"{reverse('profiles:edit')}#resume")


@require_GET
def download_resume(request: HttpRequest) -> FileResponse:
    """The resume of the logged-in user: there is no URL to anyone else's."""
    profile = UserProfile.for_user(request.user)
    if not profile.resume:
        raise Http404("No resume uploaded yet.")
    return FileResponse(
        profile.resume.open("rb"),
        as_attachment=True,
        filename=profile.resume_name or profile.resume.name.rsplit("/", 1)[-1],
        content_type=profile.resume_content_type or "application/octet-stream",
    )


def _collection_response(
    request: HttpRequest, profile: UserProfile, kind: str, add_form: ModelForm | None = None
) -> HttpResponse:
    if request.htmx:
        context = {"collection": _collection_context(profile, kind, add_form)}
        return render(request, f"{PAGE}#collection", context)
    if add_form is not None and add_form.errors:
        return render(request, PAGE, _page_context(profile, **{kind: add_form}), status=400)
    return redirect(f"{reverse('profiles:edit')}#{kind}")


def _collection(kind: str) -> tuple[type[Model], type[ModelForm], str]:
    if kind not in COLLECTIONS:
        raise Http404
    return COLLECTIONS[kind]


@require_POST
def add_row(request: HttpRequest, kind: str) -> HttpResponse:
    model, form_class, _ = _collection(kind)
    profile = UserProfile.for_user(request.user)
    form = form_class(request.POST, prefix=f"{kind}-new")
    if form.is_valid():
        row = form.save(commit=False)
        row.profile = profile
        last = model.objects.filter(profile=profile).aggregate(last=Max("position"))["last"]
        row.position = 0 if last is None else last + 1
        row.save()
        form = None
    return _collection_response(request, profile, kind, form)


def _own_row(request: HttpRequest, kind: str, row_id: UUID) -> tuple[Model, UserProfile]:
    model, _, _ = _collection(kind)
    profile = UserProfile.for_user(request.user)
    return get_object_or_404(model, pk=row_id, profile=profile), profile


@require_POST
def edit_row(request: HttpRequest, kind: str, row_id: UUID) -> HttpResponse:
    row, profile = _own_row(request, kind, row_id)
    form = COLLECTIONS[kind][1](request.POST, instance=row, prefix=f"{kind}-{row.pk}")
    if form.is_valid():
        form.save()
    elif not request.htmx:
        messages.error(
            request, "Not saved: " + " ".join(e for errors in form.errors.values() for e in errors)
        )
    if request.htmx:
        context = {"collection": _collection_context(profile, kind)}
        if form.errors:  # show the row with its errors
            context["collection"]["rows"] = [
                (r, form if r.pk == row.pk else f) for r, f in context["collection"]["rows"]
            ]
        return render(request, f"{PAGE}#collection", context)
    return redirect(f"{reverse('profiles:edit')}#{kind}")


@require_POST
def delete_row(request: HttpRequest, kind: str, row_id: UUID) -> HttpResponse:
    row, profile = _own_row(request, kind, row_id)
    row.delete()
    return _collection_response(request, profile, kind)


@require_POST
def move_row(request: HttpRequest, kind: str, row_id: UUID, direction: str) -> HttpResponse:
    """Swap a row with its neighbour above or below."""
    if direction not in {"up", "down"}:
        raise Http404
    row, profile = _own_row(request, kind, row_id)
    rows = list(COLLECTIONS[kind][0].objects.filter(profile=profile))
    index = rows.index(row)
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(rows):
        rows[index], rows[other] = rows[other], rows[index]
        with transaction.atomic():
            for position, item in enumerate(rows):
                if item.position != position:
                    item.position = position
                    item.save(update_fields=["position"])
    return _collection_response(request, profile, kind)
