from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from boards.models import JobBoard


@require_GET
def board_list(request: HttpRequest) -> HttpResponse:
    return render(request, "boards/list.html", {"boards": JobBoard.objects.all()})
