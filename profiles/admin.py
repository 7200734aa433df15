from __future__ import annotations

from django.contrib import admin

from profiles.models import Education, UserProfile, WorkExperience


class EducationInline(admin.StackedInline):
    model = Education
    extra = 0


class WorkExperienceInline(admin.StackedInline):
    model = WorkExperience
    extra = 0


@admin.register(UserProfile)
class UserProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "first_name", "last_name", "email", "updated_at"]
    inlines = [EducationInline, WorkExperienceInline]


@admin.register(Education)
class EducationAdmin(admin.ModelAdmin):
    list_display = ["school", "degree", "profile"]


@admin.register(WorkExperience)
class WorkExperienceAdmin(admin.ModelAdmin):
    list_display = ["title", "company", "profile"]
