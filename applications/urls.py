from __future__ import annotations

from django.urls import path

from applications import views

app_name = "applications"
urlpatterns = [
    path("", views.application_list, name="list"),
    path("start/<uuid:job_id>/", views.start, name="start"),
    path("<uuid:application_id>/", views.detail, name="detail"),
    path("<uuid:application_id>/approve/", views.approve, name="approve"),
    path("<uuid:application_id>/cancel/", views.cancel, name="cancel"),
    path("<uuid:application_id>/assist/", views.assist, name="assist"),
    path("<uuid:application_id>/screenshot/", views.screenshot, name="screenshot"),
]
