from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

pytestmark = pytest.mark.django_db

PUBLIC = {"login", "logout"}


def _page_names(patterns: list, namespace: str = "") -> Iterator[str]:
    """Every named URL of the site that takes no arguments, admin excluded."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin":
                continue
            prefix = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _page_names(pattern.url_patterns, prefix)
        elif isinstance(pattern, URLPattern) and pattern.name and not pattern.pattern.converters:
            yield f"{namespace}{pattern.name}"


PAGES = sorted(set(_page_names(get_resolver().url_patterns)) - PUBLIC)
# Files, not pages: answered 404 until there is something to download.
DOWNLOADS = {"profiles:resume"}


def test_the_site_has_its_main_pages():
    assert {"dashboard", "jobs:list", "boards:list", "applications:list", "profiles:edit"} <= set(
        PAGES
    )


@pytest.mark.parametrize("name", PAGES)
def test_anonymous_visitor_is_sent_to_login(client, name):
    url = reverse(name)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={url}"


@pytest.mark.parametrize("name", sorted(set(PAGES) - DOWNLOADS))
def test_logged_in_user_sees_the_page(logged_in_client, name):
    response = logged_in_client.get(reverse(name))
    if response.status_code == 405:  # an action's URL, answering POST only
        assert "POST" in response["Allow"]
        return
    assert response.status_code == 200
    assert b'ws-connect="/ws/"' in response.content


def test_anonymous_visitor_cannot_open_the_admin(client):
    response = client.get("/admin/boards/jobboard/")
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_login_with_the_right_password_opens_the_dashboard(client, user):
    response = client.post(
        reverse("login"), {"username": "ana", "password": "a-long-password-1"}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("dashboard")
    assert b"Dashboard" in response.content


def test_login_with_a_wrong_password_says_so(client, user):
    response = client.post(reverse("login"), {"username": "ana", "password": "wrong"})
    assert response.status_code == 200
    assert b"do not match" in response.content


def test_logout_needs_a_post_and_ends_the_session(logged_in_client):
    assert logged_in_client.get(reverse("logout")).status_code == 405
    logged_in_client.post(reverse("logout"))
    assert logged_in_client.get(reverse("dashboard")).status_code == 302
