from __future__ import annotations

from django import forms
from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from boards.forms import IndentedJSONField
from boards.models import JobBoard, Scan
from boards.tasks import enqueue_scan


class JobBoardAdminForm(forms.ModelForm):
    keyword_filters = IndentedJSONField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "style": "font-family: monospace"}),
        help_text='A list of words or phrases, e.g. ["python", "platform engineer"]. '
        "Empty keeps every posting.",
    )
    scraper_config = IndentedJSONField(
        widget=forms.Textarea(attrs={"rows": 10, "style": "font-family: monospace"}),
        help_text='An object with the scraper "type" and its settings, e.g. '
        '{"type": "greenhouse"}.',
    )

    class Meta:
        model = JobBoard
        fields = [
            "name",
            "url",
            "enabled",
            "scan_interval_minutes",
            "keyword_filters",
            "scraper_config",
        ]

    def clean_keyword_filters(self) -> list[str]:
        return self.cleaned_data.get("keyword_filters") or []


@admin.register(JobBoard)
class JobBoardAdmin(admin.ModelAdmin):
    form = JobBoardAdminForm
    list_display = [
        "name",
        "enabled",
        "scan_interval_minutes",
        "last_scan_status",
        "last_scanned_at",
    ]
    list_filter = ["enabled", "last_scan_status"]
    list_editable = ["enabled"]
    search_fields = ["name", "url"]
    actions = ["scan_now"]
    readonly_fields = ["last_scanned_at", "last_scan_status", "last_scan_error", "created_at"]
    fieldsets = [
        (None, {"fields": ["name", "url", "enabled", "scan_interval_minutes"]}),
        ("What to keep and how to read it", {"fields": ["keyword_filters", "scraper_config"]}),
        (
            "Last scan",
            {"fields": ["last_scan_status", "last_scanned_at", "last_scan_error", "created_at"]},
        ),
    ]

    @admin.action(description="Scan now")
    def scan_now(self, request: HttpRequest, queryset: QuerySet[JobBoard]) -> None:
        for board in queryset:
            enqueue_scan(board)
        self.message_user(request, f"Queued a scan of {len(queryset)} board(s).")


@admin.register(Scan)
class ScanAdmin(admin.ModelAdmin):
    list_display = ["board", "started_at", "status", "fetched", "kept", "new"]
    list_filter = ["status", "board"]
    list_select_related = ["board"]
    readonly_fields = [field.name for field in Scan._meta.fields]
