from __future__ import annotations

from django.contrib import admin

from jobs.models import Job


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ["title", "company", "location", "board", "match_score", "is_new", "created_at"]
    list_filter = ["is_new", "is_hidden", "is_remote", "board"]
    list_select_related = ["board"]
    search_fields = ["title", "company", "location"]
    readonly_fields = ["dedup_hash", "created_at", "updated_at"]
    exclude = ["search_vector"]
    date_hierarchy = "created_at"
