"""The report for the person and their chiropractor or doctor: what it holds.

Plain, typed Python with no Home Assistant imports. ``build_report`` reads the
days of the period once and keeps only what the report shows, so the page (or
the CSV) can be written from it anywhere, away from the event loop. How it
looks is ``report_html``'s concern.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..routine.day import Activity, DayLog, Goal
from ..routine.goals import DayGoals, pain_mean
from .daily_statistics import PainFigures, pain_figures
from .insights import Insight, Subject, find_insights

CSV_HEADER = (
    "date",
    *(f"{activity}_minutes" for activity in Activity),
    "pain_mean",
    "pain_max",
    "flare_up",
    *(f"{goal}_goal_met" for goal in Goal),
)


@dataclass(frozen=True, slots=True)
class ReportDay:
    """One day of the period."""

    day: date
    minutes: dict[Activity, int]
    pain: PainFigures | None
    flare_up: bool
    goals_met: frozenset[Goal]
    # False before the person's first day: neither met nor missed.
    counted: bool = True


@dataclass(frozen=True, slots=True)
class ReportWeek:
    """One ISO week, or the part of it within the period."""

    label: str
    first_day: date
    days: int
    minutes: dict[Activity, int]
    pain_mean: float | None
    goals_met: dict[Goal, int]


@dataclass(frozen=True, slots=True)
class ReportEntry:
    """A dated line from the person: a visit, a note or a session's feedback."""

    day: date
    text: str | None
    level: int | None = None
    activity: Activity | None = None
    minutes: int | None = None
    # A flare-up's note, given on the flare-up's first day.
    flare_up: bool = False


@dataclass(frozen=True, slots=True)
class SessionsFrom:
    """The period's sessions that started one way (a ``Source``; None: not recorded)."""

    source: str | None
    sessions: int
    minutes: int


@dataclass(frozen=True, slots=True)
class PainTrend:
    """Pain over the period: in all, and its first half against its second."""

    days: int
    mean: float | None
    lowest: int | None
    highest: int | None
    first_half: float | None
    second_half: float | None


@dataclass(frozen=True, slots=True)
class Report:
    """Everything the report shows, for one person and one period."""

    name: str
    first: date
    last: date
    goals: dict[Goal, int]
    days: list[ReportDay]
    weeks: list[ReportWeek]
    pain: PainTrend
    visits: list[ReportEntry]
    feedback: list[ReportEntry]
    notes: list[ReportEntry]
    insights: list[Insight]
    # How the sessions were started: the card, voice, a sign...; the most used first.
    sessions: list[SessionsFrom] = field(default_factory=list)

    @property
    def goal_days(self) -> dict[Goal, int]:
        """Return on how many days of the period each goal was met."""
        return {goal: sum(goal in day.goals_met for day in self.days) for goal in Goal}

    @property
    def counted_days(self) -> int:
        """Return how many days of the period count toward the goals: from the first day."""
        return sum(day.counted for day in self.days)

    @property
    def flare_up_days(self) -> list[date]:
        """Return the days of the period with a flare-up."""
        return [day.day for day in self.days if day.flare_up]


def _report_day(day: date, log: DayLog, goals: DayGoals) -> ReportDay:
    return ReportDay(
        day=day,
        minutes={activity: log.minutes.get(activity, 0) for activity in Activity},
        pain=pain_figures(log),
        flare_up=log.flare_up,
        goals_met=goals.goals_met(day, log) if goals.counts(day) else frozenset(),
        counted=goals.counts(day),
    )


def _weeks(
    days: Sequence[tuple[date, DayLog]], report_days: Sequence[ReportDay]
) -> list[ReportWeek]:
    by_week: dict[tuple[int, int], list[tuple[DayLog, ReportDay]]] = {}
    for (_, log), report_day in zip(days, report_days, strict=True):
        year, week, _ = report_day.day.isocalendar()
        by_week.setdefault((year, week), []).append((log, report_day))
    return [
        ReportWeek(
            label=f"{year}-W{week:02d}",
            first_day=week_days[0][1].day,
            days=len(week_days),
            minutes={
                activity: sum(day.minutes[activity] for _, day in week_days)
                for activity in Activity
            },
            pain_mean=pain_mean(log for log, _ in week_days),
            goals_met={goal: sum(goal in day.goals_met for _, day in week_days) for goal in Goal},
        )
        for (year, week), week_days in by_week.items()
    ]


def _pain_trend(days: Sequence[tuple[date, DayLog]], report_days: Sequence[ReportDay]) -> PainTrend:
    with_pain = [day.pain for day in report_days if day.pain is not None]
    half = days[len(days) // 2][0]
    return PainTrend(
        days=len(with_pain),
        mean=pain_mean(log for _, log in days),
        lowest=min((pain.minimum for pain in with_pain), default=None),
        highest=max((pain.maximum for pain in with_pain), default=None),
        first_half=pain_mean(log for day, log in days if day < half),
        second_half=pain_mean(log for day, log in days if day >= half),
    )


def _entries(days: Sequence[tuple[date, DayLog]]) -> tuple[list[ReportEntry], ...]:
    """Return the visits, the sessions' feedback and the pain notes, oldest first."""
    visits: list[ReportEntry] = []
    feedback: list[ReportEntry] = []
    notes: list[ReportEntry] = []
    for day, log in days:
        visits.extend(ReportEntry(day, visit.note) for visit in log.visits)
        # A session's feedback ("easier", "same", "harder") where it was given.
        feedback.extend(
            ReportEntry(day, str(answer), activity=record.activity, minutes=record.minutes)
            for record in log.sessions
            if (answer := record.feedback) is not None
        )
        notes.extend(
            ReportEntry(day, entry.note, level=entry.level) for entry in log.pain if entry.note
        )
    return visits, feedback, notes


def _sessions_by_source(days: Sequence[tuple[date, DayLog]]) -> list[SessionsFrom]:
    """Return the sessions of the days by how they were started, the most used first."""
    counted: dict[str | None, tuple[int, int]] = {}
    for _, log in days:
        for record in log.sessions:
            sessions, minutes = counted.get(record.source, (0, 0))
            counted[record.source] = (sessions + 1, minutes + record.minutes)
    return sorted(
        (SessionsFrom(source, *figures) for source, figures in counted.items()),
        key=lambda found: (-found.sessions, found.source or "~"),
    )


def build_report(
    name: str,
    days: Sequence[tuple[date, DayLog]],
    goals: DayGoals,
    insight_minutes: Mapping[Subject, int],
    flare_up_notes: Sequence[tuple[date, str]] = (),
) -> Report:
    """Return the report over the days given, oldest first, the last being today.

    Goals count from the person's first day (``goals.first_day``): days before it
    are neither met nor missed. ``flare_up_notes`` are the notes of
    the flare-ups that touch the period, by their first day. Insights leave today
    out: its minutes may not be done yet.
    """
    report_days = [_report_day(day, log, goals) for day, log in days]
    visits, feedback, notes = _entries(days)
    notes = sorted(
        [*notes, *(ReportEntry(day, note, flare_up=True) for day, note in flare_up_notes)],
        key=lambda entry: entry.day,
    )
    return Report(
        name=name,
        first=days[0][0],
        last=days[-1][0],
        goals=dict(goals.configured),
        days=report_days,
        weeks=_weeks(days, report_days),
        pain=_pain_trend(days, report_days),
        visits=visits,
        feedback=feedback,
        notes=notes,
        insights=find_insights(days[:-1], insight_minutes),
        sessions=_sessions_by_source(days),
    )


def csv_rows(report: Report) -> list[tuple[str, ...]]:
    """Return the CSV's header and one row a day: ISO dates, numbers, 1 or 0.

    A goal's column is empty before the person's first day: neither met nor missed.
    """
    return [
        CSV_HEADER,
        *(
            (
                day.day.isoformat(),
                *(str(day.minutes[activity]) for activity in Activity),
                f"{day.pain.mean:.1f}" if day.pain else "",
                str(day.pain.maximum) if day.pain else "",
                str(int(day.flare_up)),
                *(str(int(goal in day.goals_met)) if day.counted else "" for goal in Goal),
            )
            for day in report.days
        ),
    ]


def period(last: date, days: int) -> tuple[date, date]:
    """Return the first and last day of a period of some days ending on a day."""
    return last - timedelta(days=days - 1), last
