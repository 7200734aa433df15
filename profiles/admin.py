from __future__ import annotations

from django.contrib import admin

from profiles.models import Answer, Education, UserProfile, WorkExperience


class EducationInline(admin.StackedInline):
    model = Education
    extra = 0


class WorkExperienceInline(admin.StackedInline):
    model = WorkExperience
    extra = 0


class AnswerInline(admin.StackedInline):
    model = Answer
    extra = 0


@admin.register(UserProfile)
class UserProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "first_name", "last_name", "email", "updated_at"]
    inlines = [EducationInline, WorkExperienceInline, AnswerInline]
    readonly_fields = ["resume_text", "resume_uploaded_at"]


@admin.register(Education)
class EducationAdmin(admin.ModelAdmin):
    list_display = ["school", "degree", "profile"]


@admin.register(WorkExperience)
class WorkExperienceAdmin(admin.ModelAdmin):
    list_display = ["title", "company", "profile"]


@admin.register(Answer)
class AnswerAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kind", "profile"]
    list_filter = ["kind"]
