from __future__ import annotations

from django.urls import path

from boards import views

app_name = "boards"
urlpatterns = [
    path("", views.board_list, name="list"),
    path("new/", views.board_create, name="create"),
    path("<uuid:board_id>/", views.board_edit, name="edit"),
    path("<uuid:board_id>/scan/", views.board_scan, name="scan"),
    path("<uuid:board_id>/delete/", views.board_delete, name="delete"),
]
