from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from boards.detection import detect_board
from boards.events import boards_with_counts
from boards.forms import BoardForm
from boards.models import JobBoard
from boards.scrapers.http import HttpClient
from boards.tasks import enqueue_scan


@require_GET
def board_list(request: HttpRequest) -> HttpResponse:
    return render(request, "boards/list.html", {"boards": boards_with_counts()})


@require_http_methods(["GET", "POST"])
def board_create(request: HttpRequest) -> HttpResponse:
    """Paste a URL, let Hunter detect how to read it, adjust, save: the first scan starts."""
    detection = None
    if request.method == "POST" and "detect" not in request.POST:
        form = BoardForm(request.POST)
        if form.is_valid():
            board = form.save()
            if board.enabled:
                enqueue_scan(board)
            messages.success(request, f"Added {board.name}. Hunter is scanning it now.")
            return redirect("boards:list")
    else:
        url = (request.POST.get("url") or request.GET.get("url") or "").strip()
        initial = {"scan_interval_minutes": 360, "enabled": True}
        if url:
            with HttpClient(timeout=10, retries=1) as client:
                detection = detect_board(url=url, client=client)
            config = dict(detection.scraper_config)
            initial |= {
                "url": detection.url,
                "name": detection.name,
                "scraper_type": config.pop("type", "html"),
                "scraper_settings": config or None,
            }
        form = BoardForm(initial=initial)
    template = "boards/form.html#board-form" if request.htmx else "boards/form.html"
    return render(request, template, {"form": form, "detection": detection, "board": None})


@require_http_methods(["GET", "POST"])
def board_edit(request: HttpRequest, board_id: UUID) -> HttpResponse:
    board = get_object_or_404(JobBoard, pk=board_id)
    form = BoardForm(request.POST or None, instance=board)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"Saved {board.name}.")
        return redirect("boards:list")
    template = "boards/form.html#board-form" if request.htmx else "boards/form.html"
    scans = board.scans.all()[:10]
    return render(request, template, {"form": form, "board": board, "scans": scans})


@require_POST
def board_scan(request: HttpRequest, board_id: UUID) -> HttpResponse:
    board = get_object_or_404(JobBoard, pk=board_id)
    enqueue_scan(board)
    if request.htmx:
        board = get_object_or_404(boards_with_counts(), pk=board_id)
        return render(request, "boards/list.html#board-row", {"board": board})
    messages.success(request, f"Hunter is scanning {board.name}.")
    return redirect("boards:list")


@require_POST
def board_delete(request: HttpRequest, board_id: UUID) -> HttpResponse:
    board = get_object_or_404(JobBoard, pk=board_id)
    board.delete()
    messages.success(request, f"Removed {board.name}. Its jobs stay in your list.")
    return redirect("boards:list")
