"""Small SVG charts drawn on the server: the geometry here, the markup in templates.

No charting library: a bar per board and a column per day are a few rectangles, and
SVG rendered with the page needs no script, prints, and scales to any screen."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    x: float
    y: float
    width: float
    height: float
    tip: str = ""


@dataclass
class Chart:
    width: int
    height: int
    bars: list[Bar] = field(default_factory=list)
    # (x, text) under the columns of a column chart.
    ticks: list[tuple[float, str]] = field(default_factory=list)
    maximum: int = 0
    summary: str = ""


def bar_chart(items: list[tuple[str, int]], *, width: int = 420, bar: int = 18) -> Chart:
    """Horizontal bars, one per (label, value), longest for the largest value. The
    labels are drawn above their bars, so long board names need no margin."""
    gap, label = 8, 18
    height = len(items) * (label + bar + gap)
    largest = max((value for _, value in items), default=0)
    chart = Chart(width=width, height=max(height, 1), maximum=largest)
    for index, (name, value) in enumerate(items):
        top = index * (label + bar + gap) + label
        length = width * value / largest if largest else 0
        chart.bars.append(Bar(name, value, 0, top, max(length, 1 if value else 0), bar))
    chart.summary = ", ".join(f"{name}: {value}" for name, value in items)
    return chart


def column_chart(
    days: list[tuple[date, int, int]], *, width: int = 420, height: int = 140
) -> Chart:
    """A column per (day, total, highlighted), the highlighted part drawn over the total
    (submitted applications over all started). Dates are labelled weekly."""
    axis = 20
    plot = height - axis
    largest = max((total for _, total, _ in days), default=0)
    step = width / max(len(days), 1)
    chart = Chart(width=width, height=height, maximum=largest)
    for index, (day, total, part) in enumerate(days):
        x = index * step + step * 0.15
        for value, tip in ((total, "started"), (part, "submitted")):
            size = plot * value / largest if largest else 0
            chart.bars.append(Bar(day.isoformat(), value, x, plot - size, step * 0.7, size, tip))
        if index % 7 == 0:
            chart.ticks.append((x, day.strftime("%b %-d")))
    busy = [(day, total, part) for day, total, part in days if total]
    chart.summary = (
        "; ".join(f"{day:%b %-d}: {total} started, {part} submitted" for day, total, part in busy)
        or "No applications in this period."
    )
    return chart
