"""Scrapers: one module per source type, each exposing `SCRAPER`, its Scraper subclass."""

from __future__ import annotations

import importlib
from functools import cache
from typing import Any

from boards.scrapers.base import Scraper

# In the order URL detection tries them: the ATS APIs first, the generic ones last.
SCRAPER_TYPES = (
    "greenhouse",
    "lever",
    "ashby",
    "workable",
    "smartrecruiters",
    "recruitee",
    "personio",
    "workday",
    "remoteok",
    "remotive",
    "rss",
    "jsonld",
    "html",
    "browser",
)


@cache
def scraper_class(scraper_type: str) -> type[Scraper]:
    return importlib.import_module(f"boards.scrapers.{scraper_type}").SCRAPER


def scraper_classes() -> dict[str, type[Scraper]]:
    return {name: scraper_class(name) for name in SCRAPER_TYPES}


def config_from_known_url(url: str) -> dict[str, Any] | None:
    """The scraper_config for the careers URL of a known host, or None."""
    for cls in scraper_classes().values():
        if (config := cls.config_from_url(url)) is not None:
            return config
    return None


def config_problems(config: object) -> list[str]:
    """What is wrong with a scraper_config, in words a user understands."""
    if not isinstance(config, dict):
        return ['The scraper configuration must be an object, like {"type": "greenhouse"}.']
    scraper_type = config.get("type")
    if not scraper_type:
        return ['The scraper configuration needs a "type", such as "greenhouse" or "html".']
    if scraper_type not in SCRAPER_TYPES:
        known = ", ".join(SCRAPER_TYPES)
        return [f'Unknown scraper type "{scraper_type}". Known types: {known}.']
    problems = []
    for key in ("max_pages", "max_items"):
        if key in config and (not isinstance(config[key], int) or config[key] < 1):
            problems.append(f'"{key}" must be a whole number of at least 1.')
    return problems + scraper_class(scraper_type).validate_config(config)
