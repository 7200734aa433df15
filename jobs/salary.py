"""Salaries: parse what postings say ("$120K", "£45k–£55k per annum") into numbers."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

Period = Literal["hour", "day", "week", "month", "year"]

# How many of each period make a year, for comparing pay across periods.
PERIODS_PER_YEAR: dict[str, int] = {"hour": 2080, "day": 260, "week": 52, "month": 12, "year": 1}


@dataclass(frozen=True)
class Salary:
    """Pay in the currency's units: `min`, and `max` (None for a single figure)."""

    min: Decimal
    max: Decimal | None
    currency: str | None
    period: Period = "year"

    @property
    def annual_min(self) -> int:
        return round(self.min * PERIODS_PER_YEAR[self.period])

    @property
    def annual_max(self) -> int | None:
        return None if self.max is None else round(self.max * PERIODS_PER_YEAR[self.period])


def parse_salary(text: str | None) -> Salary | None:
    """The salary a posting's text states, or None when it states none ("Competitive")."""
    raise NotImplementedError  # written in the next commit
