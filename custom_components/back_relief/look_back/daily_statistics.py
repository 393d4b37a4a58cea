"""The day-by-day figures behind the long-term statistics: one row per local day.

Plain, typed Python with no Home Assistant imports. Minutes are kept as Home
Assistant counts a sum: each day's row holds the day's minutes and the running
total through that day, so a day logged later changes that day's row and every
total after it. Pain keeps the mean, lowest and highest level of each day with
a report. ``DailyStatistics`` remembers the history as it last handed out its
rows (a frozen copy, which shares the years' texts with the history) and
returns only the rows that changed: after a change it reads the changed days,
the new ones and at most a year of texts, however long the history.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from itertools import accumulate

from ..routine.closed_days import ClosedYear
from ..routine.day import ONE_DAY, Activity, DayLog
from ..routine.goals import day_pain
from ..routine.history import FrozenHistory, History

PAIN = "pain"
# Pain is mostly logged for the current day: on resuming, the last two days are written
# again. A level logged or removed for an earlier day is a change like any other.
PAIN_WRITTEN_AGAIN = 2


@dataclass(frozen=True, slots=True)
class PainFigures:
    """The pain levels logged on one day."""

    mean: float
    minimum: int
    maximum: int


def pain_figures(log: DayLog) -> PainFigures | None:
    """Return a day's pain figures, or None when no level was logged."""
    levels = log.pain_levels
    if (mean := day_pain(levels)) is None:
        return None
    return PainFigures(round(mean, 2), min(levels), max(levels))


@dataclass(frozen=True, slots=True)
class MinutesRow:
    """One day of an activity: the day's minutes and the total through it."""

    start: datetime
    minutes: int
    total: int


@dataclass(frozen=True, slots=True)
class PainRow:
    """One day's pain figures; None for a day whose every level was removed."""

    start: datetime
    figures: PainFigures | None


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


class DayReader:
    """A frozen history read day by day: each day's text, and its log when asked."""

    def __init__(self, source: History | FrozenHistory) -> None:
        """Read a frozen history; a history is frozen first."""
        frozen = source if isinstance(source, FrozenHistory) else source.frozen()
        self.open = dict(frozen.open_days)
        self.snapshots = dict(frozen.years)
        self._years: dict[int, ClosedYear] = {}
        self._logs: dict[date, DayLog] = {}

    def closed(self, year: int) -> ClosedYear | None:
        """Return a year's closed days, None for a year without any."""
        if (closed := self._years.get(year)) is None and year in self.snapshots:
            closed = self._years[year] = ClosedYear.from_snapshot(year, self.snapshots[year])
        return closed

    def text(self, day: date) -> str | None:
        """Return a day's compact text, None for a day without records."""
        if (text := self.open.get(day)) is not None:
            return text
        closed = self.closed(day.year)
        return closed.get(day) if closed is not None else None

    def log(self, day: date) -> DayLog:
        """Return a day's log, read once."""
        if (log := self._logs.get(day)) is None:
            if (text := self.open.get(day)) is not None:
                log = DayLog.from_json(text)
            else:
                log = self.closed_log(day)
            self._logs[day] = log
        return log

    def closed_log(self, day: date) -> DayLog:
        """Return a day's log as it closed, whether or not it is open again."""
        closed = self.closed(day.year)
        return (closed.log(day) if closed is not None else None) or DayLog()

    def minutes(self, day: date, activity: Activity) -> int:
        """Return a day's minutes of an activity."""
        return self.log(day).minutes.get(activity, 0)

    def closed_days(self, year: int) -> Iterator[date]:
        """Go through a year's closed days that hold a record, oldest first."""
        closed = self.closed(year)
        for ordinal, _ in closed.by_ordinal() if closed is not None else ():
            yield date.fromordinal(ordinal)

    def span(self) -> tuple[date, date] | None:
        """Return the first and the last day with a record, or None for none."""
        days = set(self.open)
        years = sorted(self.snapshots)
        days.update(next((found for year in years if (found := [*self.closed_days(year)])), []))
        days.update(
            next((found for year in years[::-1] if (found := [*self.closed_days(year)])), [])
        )
        return (min(days), max(days)) if days else None

    def settled(self) -> DayReader:
        """Forget what was read, keeping only what the next call compares with."""
        self._logs.clear()
        self._years.clear()
        return self


class DailyStatistics:
    """What the long-term statistics hold, and the rows that bring them up to date.

    Minutes get a row for every day from the person's first record on, zero
    days too, so that each day has its point in a graph. Pain gets a row for
    each day with a level. Rows start at local midnight, whatever the length
    of the day (23 or 25 hours when the clocks change). Given a frozen history
    (``History.frozen``), it runs anywhere, an executor included.
    """

    def __init__(self, time_zone: tzinfo) -> None:
        """Start knowing of no rows: the first call writes the whole history."""
        self.time_zone = time_zone
        # The history as the rows last handed out knew it.
        self._seen: DayReader | None = None
        # Each series holds its rows up to here (pain: a row for every day with a level).
        self._through: dict[str, date | None] = dict.fromkeys([*Activity, PAIN])
        # Each closed year's minutes, with the text they were counted from.
        self._year_totals: dict[int, tuple[str | bytes, dict[Activity, int]]] = {}

    def resume(
        self, source: History | FrozenHistory, last_rows: dict[str, tuple[date, float | None]]
    ) -> list[str]:
        """Take the rows a statistic already holds as written; return the series to rewrite.

        ``source`` is the history as it was when the rows were looked up;
        ``last_rows`` has each series' last row that the recorder holds: its
        day and, for minutes, its running total. A series whose total doesn't
        match (a restored backup, a write lost in a crash) is written again
        from the first day; so is one without rows.
        """
        now = DayReader(source)
        rewrite: list[str] = []
        for activity in Activity:
            last = last_rows.get(activity)
            if last is None or last[1] != self._total_before(now, activity, last[0] + ONE_DAY):
                rewrite.append(activity)
            else:
                self._through[activity] = last[0]
        if (last := last_rows.get(PAIN)) is None:
            rewrite.append(PAIN)
        else:
            self._through[PAIN] = last[0] - PAIN_WRITTEN_AGAIN * ONE_DAY
        self._seen = now.settled()
        return rewrite

    def rows(self, source: History | FrozenHistory, today: date) -> DailyRows:
        """Return the rows that changed since the last call, and count them as written."""
        now = DayReader(source)
        rows = DailyRows()
        if (span := now.span()) is not None:
            first, last = span[0], max(today, span[1])
            changed = self._changed_days(now)
            for activity in Activity:
                start = self._first_row(now, activity, changed, first)
                if start <= last:
                    rows.minutes[activity] = self._minutes_rows(now, activity, start, last)
                self._through[activity] = last
            rows.pain = self._pain_rows(now, changed, first, last)
            self._through[PAIN] = last
        self._seen = now.settled()
        return rows

    def _changed_days(self, now: DayReader) -> list[date]:
        """Return the days whose records changed since the rows were last handed out.

        Only the open days and the years whose text changed are looked at.
        """
        if (seen := self._seen) is None:
            return []
        days = seen.open.keys() | now.open.keys()
        for year in seen.snapshots.keys() | now.snapshots.keys():
            if seen.snapshots.get(year) != now.snapshots.get(year):
                days |= {*seen.closed_days(year), *now.closed_days(year)}
        return sorted(day for day in days if seen.text(day) != now.text(day))

    def _first_row(
        self, now: DayReader, activity: Activity, changed: list[date], first: date
    ) -> date:
        """Return the first day whose row is missing or holds other minutes."""
        through = self._through[activity]
        if through is None or (seen := self._seen) is None:
            return first
        differ = [
            day for day in changed if seen.minutes(day, activity) != now.minutes(day, activity)
        ]
        return min([*differ, through + ONE_DAY])

    def _pain_rows(
        self, now: DayReader, changed: list[date], first: date, last: date
    ) -> list[PainRow]:
        """Return the rows of the days with a level that is new or changed."""
        through = self._through[PAIN]
        seen = self._seen
        if through is None or seen is None:
            days = [first + timedelta(days=offset) for offset in range((last - first).days + 1)]
        else:
            days = [
                *(
                    day
                    for day in changed
                    if day <= through and pain_figures(seen.log(day)) != pain_figures(now.log(day))
                ),
                *(
                    through + timedelta(days=offset)
                    for offset in range(1, (last - through).days + 1)
                ),
            ]
        # A day whose levels were all removed keeps a row without figures: the
        # recorder has no way to take one row back, and an empty row shows nothing.
        removed = (
            set()
            if seen is None
            else {
                day
                for day in changed
                if pain_figures(now.log(day)) is None and pain_figures(seen.log(day)) is not None
            }
        )
        return [
            PainRow(day_start(day, self.time_zone), figures)
            for day in sorted(set(days) | removed)
            if (figures := pain_figures(now.log(day))) is not None or day in removed
        ]

    def _total_before(self, now: DayReader, activity: Activity, day: date) -> int:
        """Return an activity's minutes of every day before a day.

        Whole years before it are counted once and kept, by their text; the
        days of its own year, and open days, are read.
        """
        total = 0
        for year in now.snapshots:
            if year < day.year:
                total += self._year_total(now, year)[activity]
        start = date(day.year, 1, 1)
        total += sum(
            now.minutes(on, activity)
            for on in (start + timedelta(days=offset) for offset in range((day - start).days))
            if now.text(on) is not None
        )
        # An open day of an earlier year counts as it is now, not as it closed.
        for on in now.open:
            if on.year < day.year:
                as_closed = now.closed_log(on).minutes.get(activity, 0)
                total += now.minutes(on, activity) - as_closed
        return total

    def _year_total(self, now: DayReader, year: int) -> dict[Activity, int]:
        """Return a closed year's minutes per activity, counted once for its text."""
        text = now.snapshots[year][0]
        cached = self._year_totals.get(year)
        if cached is None or cached[0] != text:
            totals = dict.fromkeys(Activity, 0)
            closed = now.closed(year)
            for _, log in closed.logs() if closed is not None else ():
                for activity, credited in log.minutes.items():
                    totals[activity] += credited
            cached = self._year_totals[year] = (text, totals)
        return cached[1]

    def _minutes_rows(
        self, now: DayReader, activity: Activity, first: date, last: date
    ) -> list[MinutesRow]:
        """Return a row for every day from first to last, with the running totals."""
        before = self._total_before(now, activity, first)
        days = [first + timedelta(days=offset) for offset in range((last - first).days + 1)]
        daily = [now.minutes(day, activity) for day in days]
        totals = accumulate(daily, initial=before)
        next(totals)  # the total before the first day
        return [
            MinutesRow(day_start(day, self.time_zone), credited, total)
            for day, credited, total in zip(days, daily, totals, strict=True)
        ]
