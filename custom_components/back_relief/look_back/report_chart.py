"""The report's pain chart, drawn as SVG.

Plain, typed Python with no Home Assistant imports; every value is escaped
where it is written.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from .report import Report, ReportDay

# The pain chart, in its own units (the page scales it to the width).
CHART_WIDTH = 700
CHART_HEIGHT = 170
CHART_LEFT = 28
CHART_TOP = 8
CHART_BOTTOM = 22
MAX_PAIN = 10
# Up to this many days the chart's line joins the days; over more, the weeks.
DAILY_LINE_DAYS = 120


def escaped(value: object) -> str:
    """Return a value as text that can stand anywhere in the page."""
    return escape(str(value), quote=True)


def pain_chart(report: Report, text: Callable[[str], str]) -> str:
    """Return the day-by-day pain chart: mean line, lowest-to-highest band, marks.

    ``text`` gives a label of the language files, already escaped.
    """
    days = report.days
    width = CHART_WIDTH - CHART_LEFT
    height = CHART_HEIGHT - CHART_TOP - CHART_BOTTOM
    step = width / len(days)

    def x(index: float) -> float:
        return CHART_LEFT + (index + 0.5) * step

    def y(level: float) -> float:
        return CHART_TOP + height * (1 - level / MAX_PAIN)

    parts = [
        f'<rect class=flare x="{CHART_LEFT + index * step:.1f}" y="{CHART_TOP}" '
        f'width="{max(step, 1):.1f}" height="{height}"/>'
        for index, day in enumerate(days)
        if day.flare_up
    ]
    parts.extend(
        f'<line class=axis x1="{CHART_LEFT}" x2="{CHART_WIDTH}" '
        f'y1="{y(level):.1f}" y2="{y(level):.1f}"/>'
        f'<text x="{CHART_LEFT - 4}" y="{y(level) + 3:.1f}" text-anchor=end>{level}</text>'
        for level in (0, 5, 10)
    )
    parts.extend(_pain_marks(report, days, x, y))
    visit_days = {entry.day for entry in report.visits}
    parts.extend(
        f'<path class=visit d="M{x(index):.1f} {CHART_HEIGHT - CHART_BOTTOM + 3} l3 6 h-6 z"/>'
        for index, day in enumerate(days)
        if day.day in visit_days
    )
    parts.append(
        f'<text x="{CHART_LEFT}" y="{CHART_HEIGHT - 2}">{escaped(days[0].day.isoformat())}</text>'
        f'<text x="{CHART_WIDTH}" y="{CHART_HEIGHT - 2}" text-anchor=end>'
        f"{escaped(days[-1].day.isoformat())}</text>"
    )
    line = "legend_mean" if len(days) <= DAILY_LINE_DAYS else "legend_week"
    legend = "".join(
        f"<span><i class=key style='background:{colour}'></i>{text(key)}</span>"
        for key, colour in (
            (line, "#2b6f77"),
            ("legend_flare_up", "#e3a33b"),
            ("legend_visit", "#7b4fa0"),
        )
    )
    return (
        f'<svg class=chart viewBox="0 0 {CHART_WIDTH} {CHART_HEIGHT}" role=img '
        f'aria-label="{text("chart_label")}">{"".join(parts)}</svg>'
        f"<p class='legend muted'>{legend}</p>"
    )


def _pain_marks(
    report: Report, days: list[ReportDay], x: Callable[[float], float], y: Callable[[float], float]
) -> list[str]:
    """Return each day's band from lowest to highest, its mean, and the line.

    Up to ``DAILY_LINE_DAYS`` the line joins the days; over a longer period
    it joins the weeks' means, over faint daily points, to stay readable.
    """
    daily = len(days) <= DAILY_LINE_DAYS
    marks: list[str] = []
    segment: list[str] = []
    for index, day in enumerate(days):
        if day.pain is None:
            if daily and len(segment) > 1:
                marks.append(f'<polyline class=line points="{" ".join(segment)}"/>')
            segment = []
            continue
        top, bottom = y(day.pain.maximum), y(day.pain.minimum)
        marks.append(
            f'<rect class=band x="{x(index) - 1.5:.1f}" y="{top:.1f}" width="3" '
            f'height="{max(bottom - top, 0.5):.1f}"/>'
            f'<circle class="dot{"" if daily else " faint"}" cx="{x(index):.1f}" '
            f'cy="{y(day.pain.mean):.1f}" r="{1.8 if daily else 1.2}"/>'
        )
        segment.append(f"{x(index):.1f},{y(day.pain.mean):.1f}")
    if not daily:
        first = days[0].day
        segment = [
            f"{x((week.first_day - first).days + (week.days - 1) / 2):.1f},{y(week.pain_mean):.1f}"
            for week in report.weeks
            if week.pain_mean is not None
        ]
    if len(segment) > 1:
        marks.append(f'<polyline class=line points="{" ".join(segment)}"/>')
    return marks
