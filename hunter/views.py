from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from hunter.dashboard import dashboard_context


@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    """The home page. Live events ask for it again over HTMX, and get only its widgets."""
    template = "hunter/dashboard.html#widgets" if request.htmx else "hunter/dashboard.html"
    return render(request, template, dashboard_context())
