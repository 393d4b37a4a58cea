"""The report as a printable page, and as CSV.

Plain, typed Python with no Home Assistant imports, so it can run in an
executor. Every text comes from the language files (``words``); every value,
the person's name and notes above all, is escaped where it is written.
"""

from __future__ import annotations

from collections.abc import Iterable
import csv
from datetime import date
import io

from ..language.texts import group
from ..routine.day import Activity, Goal
from .insights import Words
from .report import Report, csv_rows
from .report_chart import escaped, pain_chart

STYLE = """
@page { size: A4; margin: 12mm 13mm 13mm; }
* { box-sizing: border-box; }
body { font: 10.5pt/1.4 system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: #1c2430; margin: 0 auto; max-width: 190mm; padding: 8mm 6mm; }
header { border-bottom: 2px solid #2b6f77; margin-bottom: 4mm; padding-bottom: 2mm; }
h1 { font-size: 17pt; margin: 0 0 1mm; color: #1d4f55; }
h2 { font-size: 12pt; margin: 4mm 0 1.5mm; color: #1d4f55; break-after: avoid; }
p { margin: 1mm 0; }
.muted { color: #5b6673; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { padding: 1mm 2mm; border-bottom: 1px solid #d5dbe1; text-align: left;
  vertical-align: top; }
th { font-weight: 600; background: #eef3f4; }
td.n, th.n { text-align: right; }
tr { break-inside: avoid; }
.grid { display: grid; grid-template-columns: 1fr 1fr; gap: 0 8mm; }
svg { width: 100%; height: auto; display: block; }
.chart .axis { stroke: #9aa5b1; stroke-width: 0.6; }
.chart .line { fill: none; stroke: #2b6f77; stroke-width: 1.6; }
.chart .dot { fill: #2b6f77; }
.chart .faint { opacity: 0.35; }
.chart .band { fill: #2b6f77; opacity: 0.14; }
.chart .flare { fill: #e3a33b; opacity: 0.28; }
.chart .visit { fill: #7b4fa0; }
.chart text { font-size: 9px; fill: #5b6673; }
.legend span { margin-right: 5mm; white-space: nowrap; }
.key { display: inline-block; width: 3mm; height: 3mm; margin-right: 1mm;
  vertical-align: -0.3mm; }
.insight { margin: 1mm 0 1mm 0; padding-left: 3mm; border-left: 2px solid #2b6f77; }
footer { margin-top: 6mm; border-top: 1px solid #d5dbe1; padding-top: 2mm; font-size: 9pt; }
td:first-child { white-space: nowrap; }
@media print {
  body { padding: 0; max-width: none; font-size: 9.5pt; }
  h1 { font-size: 15pt; }
  h2 { font-size: 11pt; margin-top: 3mm; }
  th, td { padding: 0.6mm 2mm; }
  svg.chart { height: 36mm; }
  header { margin-bottom: 2mm; }
  footer { margin-top: 3mm; }
}
"""


class _Page:
    """Writes the page's parts from the report and the texts."""

    def __init__(self, report: Report, words: Words, insight_words: Words) -> None:
        self.report = report
        self.words = words
        # The insights' sentences, and the language's decimal mark.
        self.insight_words = insight_words

    def text(self, key: str, **values: object) -> str:
        """Return one text, its values filled in, escaped."""
        return escaped(self.words.say(key, **values))

    def number(self, value: float | None) -> str:
        """Return a number with one decimal in the page's language; nothing for none."""
        return "" if value is None else escaped(self.insight_words.number(value))

    def label(self, activity: Activity | Goal) -> str:
        """Return an activity's or goal's name."""
        return self.text(f"activity_{activity}")

    @staticmethod
    def table(head: Iterable[tuple[str, bool]], rows: Iterable[Iterable[tuple[str, bool]]]) -> str:
        """Return a table; each cell is (escaped html, right-aligned)."""
        cells = "".join(f"<th{' class=n' if right else ''}>{cell}</th>" for cell, right in head)
        body = "".join(
            "<tr>"
            + "".join(f"<td{' class=n' if right else ''}>{cell}</td>" for cell, right in row)
            + "</tr>"
            for row in rows
        )
        return f"<table><thead><tr>{cells}</tr></thead><tbody>{body}</tbody></table>"

    def goals(self) -> str:
        report = self.report
        rows = [
            (
                (self.label(goal), False),
                (self.text("goal_minutes", minutes=report.goals[goal]), True),
                (
                    self.text(
                        "days_met_value", met=report.goal_days[goal], days=report.counted_days
                    ),
                    True,
                ),
            )
            for goal in Goal
        ]
        head = (
            (self.text("goal"), False),
            (self.text("daily_goal"), True),
            (self.text("days_met"), True),
        )
        return f"<h2>{self.text('goals')}</h2>{self.table(head, rows)}"

    def flare_ups(self) -> str:
        days = self.report.flare_up_days
        body = (
            f"<p>{self.text('flare_up_count', days=len(days))} "
            f"{escaped(', '.join(day.isoformat() for day in days))}</p>"
            if days
            else f"<p class=muted>{self.text('no_flare_up')}</p>"
        )
        return f"<h2>{self.text('flare_up_days')}</h2>{body}"

    def pain(self) -> str:
        trend = self.report.pain
        if trend.days == 0:
            return f"<h2>{self.text('pain')}</h2><p class=muted>{self.text('no_pain')}</p>"
        summary = self.text(
            "pain_summary",
            mean=self.number(trend.mean),
            days=trend.days,
            lowest=trend.lowest,
            highest=trend.highest,
        )
        halves = (
            f"<p>{self.text('pain_halves', first=self.number(trend.first_half), second=self.number(trend.second_half))}</p>"  # noqa: E501
            if trend.first_half is not None and trend.second_half is not None
            else ""
        )
        chart = pain_chart(self.report, self.text)
        return f"<h2>{self.text('pain')}</h2><p>{summary}</p>{halves}{chart}"

    def weeks(self) -> str:
        head = (
            (self.text("week"), False),
            (self.text("from"), False),
            *((self.label(activity), True) for activity in Activity),
            (self.text("pain_mean"), True),
        )
        rows = [
            (
                (escaped(week.label), False),
                (escaped(week.first_day.isoformat()), False),
                *((escaped(week.minutes[activity]), True) for activity in Activity),
                (self.number(week.pain_mean), True),
            )
            for week in self.report.weeks
        ]
        return f"<h2>{self.text('weeks')}</h2>{self.table(head, rows)}"

    def visits(self) -> str:
        visits = self.report.visits
        if not visits:
            return f"<h2>{self.text('visits')}</h2><p class=muted>{self.text('no_visits')}</p>"
        head = ((self.text("date"), False), (self.text("note"), False))
        rows = [
            ((escaped(entry.day.isoformat()), False), (escaped(entry.text or ""), False))
            for entry in visits
        ]
        return f"<h2>{self.text('visits')}</h2>{self.table(head, rows)}"

    def feedback(self) -> str:
        """Return how sessions felt; nothing at all when no session has feedback."""
        if not self.report.feedback:
            return ""
        head = (
            (self.text("date"), False),
            (self.text("activity"), False),
            (self.text("minutes"), True),
            (self.text("felt"), False),
        )
        rows = [
            (
                (escaped(entry.day.isoformat()), False),
                (self.label(entry.activity) if entry.activity else "", False),
                (escaped(entry.minutes), True),
                (
                    self.text(f"feedback_{entry.text}")
                    if f"feedback_{entry.text}" in self.words.texts
                    else escaped(entry.text),
                    False,
                ),
            )
            for entry in self.report.feedback
        ]
        return f"<section><h2>{self.text('feedback')}</h2>{self.table(head, rows)}</section>"

    def sessions(self) -> str:
        """Return how the sessions were started; nothing at all without a session."""
        if not self.report.sessions:
            return ""
        head = (
            (self.text("started_from"), False),
            (self.text("sessions_count"), True),
            (self.text("minutes"), True),
        )
        rows = [
            (
                (self.text(key) if key in self.words.texts else escaped(found.source), False),
                (escaped(found.sessions), True),
                (escaped(found.minutes), True),
            )
            for found in self.report.sessions
            for key in (f"source_{found.source or 'unknown'}",)
        ]
        return f"<section><h2>{self.text('sessions')}</h2>{self.table(head, rows)}</section>"

    def notes(self) -> str:
        notes = self.report.notes
        if not notes:
            return f"<h2>{self.text('notes')}</h2><p class=muted>{self.text('no_notes')}</p>"
        head = (
            (self.text("date"), False),
            (self.text("level"), True),
            (self.text("note"), False),
        )
        rows = [
            (
                (escaped(entry.day.isoformat()), False),
                ("" if entry.level is None else escaped(entry.level), True),
                (
                    self.text("flare_up_note", note=entry.text)
                    if entry.flare_up
                    else escaped(entry.text),
                    False,
                ),
            )
            for entry in notes
        ]
        return f"<h2>{self.text('notes')}</h2>{self.table(head, rows)}"

    def insights(self) -> str:
        found = self.report.insights
        if not found:
            body = f"<p class=muted>{self.text('no_insights')}</p>"
        else:
            body = "".join(
                f"<p class=insight>{escaped(insight.text(self.insight_words))}</p>"
                for insight in found
            )
            body += f"<p class=muted>{self.text('insights_note')}</p>"
        return f"<h2>{self.text('insights')}</h2>{body}"


def report_words(language: str) -> tuple[Words, Words]:
    """Return the page's words in a language, with the activities' names, and the insights'."""
    activities = {
        key: text for key, text in group(language, "calendar").items() if key.startswith("activ")
    }
    return (
        Words(language, {**group(language, "report"), **activities}),
        Words(language, group(language, "insights")),
    )


def render_html(report: Report, words: Words, insight_words: Words) -> str:
    """Return the report as a complete, printable HTML page in the words' language."""
    page = _Page(report, words, insight_words)
    period = page.text(
        "period",
        first=report.first.isoformat(),
        last=report.last.isoformat(),
        days=len(report.days),
    )
    title = page.text("title", name=report.name)
    return (
        f"<!doctype html><html lang={escaped(words.language)}><head><meta charset=utf-8>"
        f"<meta name=viewport content='width=device-width, initial-scale=1'>"
        f"<title>{title}</title><style>{STYLE}</style></head><body>"
        f"<header><h1>{title}</h1><p class=muted>{period}</p></header>"
        f"<div class=grid><section>{page.goals()}</section>"
        f"<section>{page.flare_ups()}</section></div>"
        f"<section>{page.pain()}</section>"
        f"<section>{page.insights()}</section>"
        f"<section>{page.weeks()}</section>"
        f"<div class=grid><section>{page.visits()}</section>"
        f"<section>{page.notes()}</section></div>"
        f"{page.feedback()}"
        f"{page.sessions()}"
        f"<footer class=muted>{page.text('footer')}</footer>"
        "</body></html>"
    )


def render_csv(report: Report) -> str:
    """Return the report's days as CSV: a header, then one row a day."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(csv_rows(report))
    return buffer.getvalue()


def report_filename(name: str, last: date, extension: str) -> str:
    """Return a file name for a download, made of safe characters only."""
    safe = "".join(char if char.isascii() and char.isalnum() else "-" for char in name.lower())
    return f"back-relief-{safe.strip('-') or 'report'}-{last.isoformat()}.{extension}"
