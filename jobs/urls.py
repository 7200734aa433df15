from __future__ import annotations

from django.urls import path

from jobs import views

app_name = "jobs"
urlpatterns = [
    path("", views.job_list, name="list"),
    path("bulk/", views.bulk_action, name="bulk"),
    path("<uuid:job_id>/", views.job_detail, name="detail"),
    path("<uuid:job_id>/hide/", views.hide_job, name="hide"),
    path("<uuid:job_id>/unhide/", views.unhide_job, name="unhide"),
    path("<uuid:job_id>/read/", views.mark_read, name="read"),
]
