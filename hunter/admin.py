from __future__ import annotations

from django.contrib import admin

from hunter.models import DemoRecord


@admin.register(DemoRecord)
class DemoRecordAdmin(admin.ModelAdmin):
    """What `manage.py demo` added; read-only: `demo --clear` is what undoes it."""

    list_display = ("content_type", "object_id", "created_at")
    list_filter = ("content_type",)

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False
