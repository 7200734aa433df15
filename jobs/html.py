"""Postings' HTML: scraped descriptions are sanitised before they are stored or shown."""

from __future__ import annotations

import re

import nh3
from bs4 import BeautifulSoup

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "div", "dl", "dt", "em", "h1", "h2",
    "h3", "h4", "h5", "h6", "hr", "i", "li", "ol", "p", "pre", "s", "small", "span", "strong",
    "sub", "sup", "table", "tbody", "td", "th", "thead", "tr", "u", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "td": {"colspan"},
    "th": {"colspan"},
}

_BLANK_LINES = re.compile(r"\n\s*\n+")


def sanitize_description(html: str) -> str:
    """Keep the structure of a description (paragraphs, lists, links, tables) and drop
    everything that could run or load anything: scripts, styles, event handlers, images."""
    if not html:
        return ""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
        clean_content_tags={"script", "style", "noscript", "iframe", "object", "template"},
    ).strip()


def html_to_text(html: str) -> str:
    """The readable text of an HTML fragment, for matching and snippets."""
    if not html:
        return ""
    text = BeautifulSoup(html, "lxml").get_text("\n")
    return _BLANK_LINES.sub("\n\n", text).strip()
