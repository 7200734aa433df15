from django.apps import AppConfig


class HunterConfig(AppConfig):
    name = "hunter"
    default_auto_field = "django.db.models.BigAutoField"
