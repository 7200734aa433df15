from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from hunter import views

admin.site.site_header = "Hunter administration"
admin.site.site_title = "Hunter"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("boards/", include("boards.urls")),
    path("jobs/", include("jobs.urls")),
    path("profile/", include("profiles.urls")),
    path("applications/", include("applications.urls")),
    path("admin/", admin.site.urls),
]
