from __future__ import annotations

from typing import Any

from channels.generic.websocket import AsyncWebsocketConsumer

from hunter.live import EVERYONE_GROUP, user_group


class LiveConsumer(AsyncWebsocketConsumer):
    """The browser's live channel: joins its user's group and relays rendered HTML."""

    groups_joined: tuple[str, ...] = ()

    async def connect(self) -> None:
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            await self.close(code=4401)  # before accept(): the handshake is refused
            return
        self.groups_joined = (user_group(user.pk), EVERYONE_GROUP)
        for group in self.groups_joined:
            await self.channel_layer.group_add(group, self.channel_name)
        await self.accept()

    async def disconnect(self, code: int) -> None:
        for group in self.groups_joined:
            await self.channel_layer.group_discard(group, self.channel_name)

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        """The browser has nothing to say on this channel; whatever it sends is ignored."""

    async def live_event(self, message: dict[str, Any]) -> None:
        await self.send(text_data=message["html"])
