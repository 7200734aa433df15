from __future__ import annotations

from collections.abc import Iterator

import pytest
from channels.layers import channel_layers


@pytest.fixture
def user(django_user_model):
    return django_user_model.objects.create_user(username="ana", password="a-long-password-1")


@pytest.fixture
def logged_in_client(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def fresh_channel_layer() -> Iterator[None]:
    """Channel layers hold connections bound to the event loop that opened them; each
    test runs its own loop, so it gets its own layer."""
    channel_layers.backends.clear()
    yield
    channel_layers.backends.clear()
