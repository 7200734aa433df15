from __future__ import annotations

import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import models


class DemoRecord(models.Model):
    """A row `manage.py demo` added, or a profile it filled in: what `demo --clear` undoes.

    `previous` is null for a row the demo created (clearing deletes it). For a profile
    that existed, it holds the values the demo filled in over blanks, as they were before
    (clearing puts them back)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.CharField(max_length=64)
    previous = models.JSONField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="demo_record_once")
        ]

    def __str__(self) -> str:
        return f"Demo {self.content_type.model} {self.object_id}"
