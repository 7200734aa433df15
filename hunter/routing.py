from __future__ import annotations

from django.urls import path

from hunter.consumers import LiveConsumer

websocket_urlpatterns = [
    path("ws/", LiveConsumer.as_asgi()),
]
