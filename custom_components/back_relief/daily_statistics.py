"""The day-by-day figures behind the long-term statistics: one row per local day.

Plain, typed Python with no Home Assistant imports. Minutes are kept as Home
Assistant counts a sum: each day's row holds the day's minutes and the running
total through that day, so a day logged later changes that day's row and every
total after it. Pain keeps the mean, lowest and highest level of each day with
a report. ``DailyStatistics`` remembers what it has handed out and returns only
the rows that changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from itertools import accumulate

from .history import FrozenHistory, History
from .routine import ONE_DAY, Activity, DayLog

PAIN = "pain"


@dataclass(frozen=True, slots=True)
class PainFigures:
    """The pain levels logged on one day."""

    mean: float
    minimum: int
    maximum: int


def pain_figures(log: DayLog) -> PainFigures | None:
    """Return a day's pain figures, or None when no level was logged."""
    levels = [entry.level for entry in log.pain]
    if not levels:
        return None
    return PainFigures(round(sum(levels) / len(levels), 2), min(levels), max(levels))


@dataclass(frozen=True, slots=True)
class MinutesRow:
    """One day of an activity: the day's minutes and the total through it."""

    start: datetime
    minutes: int
    total: int


@dataclass(frozen=True, slots=True)
class PainRow:
    """One day's pain figures."""

    start: datetime
    figures: PainFigures


@dataclass(slots=True)
class DailyRows:
    """The rows that bring the statistics up to date; empty when nothing changed."""

    minutes: dict[Activity, list[MinutesRow]] = field(default_factory=dict)
    pain: list[PainRow] = field(default_factory=list)

    def __bool__(self) -> bool:
        """Return whether there is anything to write."""
        return bool(self.pain) or any(self.minutes.values())

    @property
    def count(self) -> int:
        """Return how many rows there are in all."""
        return len(self.pain) + sum(len(rows) for rows in self.minutes.values())


def day_start(day: date, time_zone: tzinfo) -> datetime:
    """Return when a local day starts, in UTC, on the whole hour the recorder needs.

    Local midnight is a whole UTC hour in most time zones. Where the offset has
    half or quarter hours (India, Nepal, parts of Australia) the row starts at
    the next whole UTC hour, which still lies within the same local day.
    """
    start = datetime.combine(day, time.min, tzinfo=time_zone).astimezone(UTC)
    if start.minute or start.second or start.microsecond:
        start = start.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
    return start


@dataclass(slots=True)
class Figures:
    """Every day's minutes per activity and pain, for days that hold any."""

    minutes: dict[Activity, dict[date, int]]
    pain: dict[date, PainFigures]

    @classmethod
    def of(cls, history: History | FrozenHistory) -> Figures:
        """Return the figures of every day in a history."""
        minutes: dict[Activity, dict[date, int]] = {activity: {} for activity in Activity}
        pain: dict[date, PainFigures] = {}
        for day, log in history.items():
            for activity, credited in log.minutes.items():
                if credited:
                    minutes[activity][day] = credited
            if (figures := pain_figures(log)) is not None:
                pain[day] = figures
        return cls(minutes, pain)

    def span(self) -> tuple[date, date] | None:
        """Return the first and the last day with figures, or None for none."""
        days = {day for by_day in self.minutes.values() for day in by_day} | self.pain.keys()
        return (min(days), max(days)) if days else None

    def total_through(self, activity: Activity, day: date) -> int:
        """Return an activity's minutes of every day up to and including a day."""
        return sum(minutes for on, minutes in self.minutes[activity].items() if on <= day)


class DailyStatistics:
    """What the long-term statistics hold, and the rows that bring them up to date.

    Minutes get a row for every day from the person's first record on, zero
    days too, so that each day has its point in a graph. Pain gets a row for
    each day with a level. Rows start at local midnight, whatever the length
    of the day (23 or 25 hours when the clocks change).
    """

    def __init__(self, time_zone: tzinfo) -> None:
        """Start knowing of no rows: the first call writes the whole history."""
        self.time_zone = time_zone
        self._written = Figures({activity: {} for activity in Activity}, {})
        # Each activity holds a row for every day up to here.
        self._through: dict[Activity, date | None] = dict.fromkeys(Activity)

    def resume(
        self, current: Figures, last_rows: dict[str, tuple[date, float | None]]
    ) -> list[str]:
        """Take the rows a statistic already holds as written; return the series to rewrite.

        ``current`` are the figures of the history as it was when the rows
        were looked up; ``last_rows`` has each series' last row that the
        recorder holds: its day and, for minutes, its running total. A series
        whose total doesn't match (a restored backup, a write lost in a
        crash) is written again from the first day; so is one without rows.
        """
        rewrite: list[str] = []
        for activity in Activity:
            last = last_rows.get(activity)
            if last is None or last[1] != current.total_through(activity, last[0]):
                rewrite.append(activity)
                continue
            self._written.minutes[activity] = {
                day: minutes for day, minutes in current.minutes[activity].items() if day <= last[0]
            }
            self._through[activity] = last[0]
        if (last := last_rows.get(PAIN)) is None:
            rewrite.append(PAIN)
        else:
            # Pain is logged for the current day only: the last two days are written again.
            through = last[0] - ONE_DAY
            self._written.pain = {
                day: found for day, found in current.pain.items() if day < through
            }
        return rewrite

    def rows(self, source: History | FrozenHistory | Figures, today: date) -> DailyRows:
        """Return the rows that changed since the last call, and count them as written.

        Given the figures of a history (taken where the history changes), this
        can run anywhere, an executor included.
        """
        current = source if isinstance(source, Figures) else Figures.of(source)
        if (span := current.span()) is None:
            return DailyRows()
        first, last = span[0], max(today, span[1])
        rows = DailyRows()
        for activity in Activity:
            changed_from = self._first_changed(activity, current, first)
            if changed_from is not None and changed_from <= last:
                rows.minutes[activity] = self._minutes_rows(
                    current.minutes[activity], changed_from, last
                )
            self._through[activity] = last
        written_pain = self._written.pain
        rows.pain = [
            PainRow(day_start(day, self.time_zone), figures)
            for day, figures in sorted(current.pain.items())
            if written_pain.get(day) != figures
        ]
        self._written = current
        return rows

    def _first_changed(self, activity: Activity, current: Figures, first: date) -> date | None:
        """Return the first day whose row is missing or holds other minutes."""
        through = self._through[activity]
        if through is None:
            return first
        written = self._written.minutes[activity]
        now = current.minutes[activity]
        changed = [day for day in now.keys() | written.keys() if now.get(day) != written.get(day)]
        changed.append(through + ONE_DAY)
        return min(changed)

    def _minutes_rows(self, minutes: dict[date, int], first: date, last: date) -> list[MinutesRow]:
        """Return a row for every day from first to last, with the running totals."""
        before = sum(credited for day, credited in minutes.items() if day < first)
        days = [first + timedelta(days=offset) for offset in range((last - first).days + 1)]
        daily = [minutes.get(day, 0) for day in days]
        totals = accumulate(daily, initial=before)
        next(totals)  # the total before the first day
        return [
            MinutesRow(day_start(day, self.time_zone), credited, total)
            for day, credited, total in zip(days, daily, totals, strict=True)
        ]
