from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from applications.models import Application


@require_GET
def application_list(request: HttpRequest) -> HttpResponse:
    applications = Application.objects.select_related("job")[:50]
    return render(request, "applications/list.html", {"applications": applications})
