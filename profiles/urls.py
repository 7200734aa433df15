from __future__ import annotations

from django.urls import path

from profiles import views

app_name = "profiles"
urlpatterns = [
    path("", views.profile_page, name="edit"),
    path("resume/", views.upload_resume, name="upload_resume"),
    path("resume/file/", views.download_resume, name="resume"),
    path("section/<slug:section>/", views.save_section, name="section"),
    path("notifications/test/", views.send_test_email, name="test_email"),
    path("<slug:kind>/", views.add_row, name="add_row"),
    path("<slug:kind>/<uuid:row_id>/", views.edit_row, name="edit_row"),
    path("<slug:kind>/<uuid:row_id>/delete/", views.delete_row, name="delete_row"),
    path("<slug:kind>/<uuid:row_id>/<str:direction>/", views.move_row, name="move_row"),
]
