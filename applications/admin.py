from __future__ import annotations

from django.contrib import admin

from applications.models import Application, ApplicationLog


class ApplicationLogInline(admin.TabularInline):
    model = ApplicationLog
    extra = 0
    readonly_fields = ["created_at", "status", "message"]
    can_delete = False


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = ["job", "status", "dry_run", "created_at", "submitted_at"]
    list_filter = ["status", "dry_run"]
    list_select_related = ["job"]
    raw_id_fields = ["job"]
    readonly_fields = ["task_id", "created_at", "updated_at", "submitted_at"]
    inlines = [ApplicationLogInline]


@admin.register(ApplicationLog)
class ApplicationLogAdmin(admin.ModelAdmin):
    list_display = ["created_at", "application", "status", "message"]
    list_filter = ["status"]
    list_select_related = ["application__job"]
    raw_id_fields = ["application"]
