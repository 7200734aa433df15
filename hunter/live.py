"""Push live events to the browsers of logged-in users.

Any process can call `push_event`: a view, a management command, a django-q2
worker. The event travels through the Redis channel layer to every websocket that
`hunter.consumers.LiveConsumer` holds open for that user, and the browser's htmx
swaps the HTML in (out-of-band swaps, keyed by element id).
"""

from __future__ import annotations

import logging
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

logger = logging.getLogger(__name__)

EVERYONE_GROUP = "live.everyone"


def user_group(user_id: Any) -> str:
    return f"live.user.{user_id}"


def event_message(*, event: str, html: str) -> dict[str, str]:
    # "type" names the consumer method that handles it: live.event -> live_event.
    return {"type": "live.event", "event": event, "html": html}


def push_event(*, event: str, html: str, user_id: Any = None) -> None:
    """Send `html` to the open pages of one user, or of every user when `user_id` is None.

    Never raises: a live update is a convenience, the page itself is the truth, so a
    Redis hiccup is logged and the caller's work goes on.
    """
    group = EVERYONE_GROUP if user_id is None else user_group(user_id)
    try:
        async_to_sync(get_channel_layer().group_send)(group, event_message(event=event, html=html))
    except Exception:
        logger.exception("live_event_not_sent", extra={"live_event": event, "group": group})
