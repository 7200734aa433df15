from __future__ import annotations

from django.urls import path

from applications import views

app_name = "applications"
urlpatterns = [
    path("", views.application_list, name="list"),
]
