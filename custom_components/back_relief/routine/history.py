"""The history: every day's log, kept indefinitely, with goals and streaks over it.

Plain, typed Python with no Home Assistant imports. Days are local calendar
dates handed in by the caller (see ``routine.local_date``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Protocol

from .closed_days import ClosedYear, YearSnapshot, settled
from .day import Activity, DayLog, Goal, PainEntry, SessionRecord, Visit
from .streaks import Streak, StreakIndex


@dataclass(frozen=True, slots=True)
class FrozenHistory:
    """Every day of a history as it was at one moment, to read away from the event loop."""

    open_days: tuple[tuple[date, str], ...]
    years: tuple[tuple[int, YearSnapshot], ...]

    def thaw(self) -> History:
        """Return a history to read the copy with (anywhere, an executor too); not to change."""
        history = History({day: DayLog.from_json(text) for day, text in self.open_days})
        history._years = {  # noqa: SLF001 - the history's own copy
            year: ClosedYear.from_snapshot(year, snapshot) for year, snapshot in self.years
        }
        return history

    def items(self) -> list[tuple[date, DayLog]]:
        """Return every day that holds a record, with its log, oldest first."""
        return self.thaw().items()


class PausedDays(Protocol):
    """Flare-up days as a streak reads them, marked in the history yet or not."""

    def covers(self, day: date) -> bool:
        """Return whether a day is a flare-up day."""


class History:
    """Every day's log, kept indefinitely, with goals and streaks over it.

    Days still changing are ``DayLog``s ("open": today, and a past day while
    something is logged for it); days that are over are closed into compact
    text, a ``ClosedYear`` per year (see ``closed_days``). Streaks are kept day
    by day in a ``StreakIndex`` and the latest pain report and visit are kept
    as days change, so no read walks the whole history.
    """

    def __init__(self, days: dict[date, DayLog] | None = None) -> None:
        """Start from days as logs (all open), or from nothing."""
        self._open: dict[date, DayLog] = {}
        self._years: dict[int, ClosedYear] = {}
        self._index = StreakIndex()
        # Open days changed since the index and the latest entries last saw them.
        self._stale: set[date] = set()
        self._latest_pain: tuple[date, PainEntry] | None = None
        self._latest_visit: tuple[date, Visit] | None = None
        # Years whose closed days changed since they were last handed out for saving.
        self._changed_years: set[int] = set()
        self.revision = 0
        for day, log in (days or {}).items():
            self._open[day] = log
            self._stale.add(day)

    def __len__(self) -> int:
        """Return how many days hold a record."""
        closed = sum(len(year) for year in self._years.values())
        return closed + sum(1 for day in self._open if self._closed_text(day) is None)

    # ----- days -----

    def _closed_text(self, day: date) -> str | None:
        year = self._years.get(day.year)
        return year.get(day) if year is not None else None

    def get(self, day: date) -> DayLog:
        """Return a day's log; an empty one for a day without records."""
        if (log := self._open.get(day)) is not None:
            return log
        if (year := self._years.get(day.year)) is not None and (log := year.log(day)) is not None:
            return log
        return DayLog()

    def edit(self, day: date) -> DayLog:
        """Return a day's log for changing it, created (or opened again) when needed."""
        self.revision += 1
        self._stale.add(day)
        if (log := self._open.get(day)) is None:
            log = self._open[day] = self.get(day)
        return log

    def add_minutes(
        self, day: date, activity: Activity, minutes: int, kind: str | None = None
    ) -> None:
        """Credit minutes of an activity to a day."""
        if minutes <= 0:
            return
        log = self.edit(day)
        log.minutes[activity] = log.minutes.get(activity, 0) + minutes
        if kind:
            log.kinds[kind] = log.kinds.get(kind, 0) + minutes

    # ----- corrections -----

    def set_minutes(self, day: date, activity: Activity, minutes: int) -> None:
        """Set a day's minutes of an activity, fewer than logged too (see ``DayLog``)."""
        if self.get(day).minutes.get(activity, 0) != minutes:
            self.edit(day).set_minutes(activity, minutes)

    def take_back_session(self, day: date, record: SessionRecord) -> None:
        """Take back what a session credited to a day, and its record."""
        log = self.edit(day)
        left = log.minutes.get(record.activity, 0) - record.minutes
        if left > 0:
            log.minutes[record.activity] = left
        else:
            log.minutes.pop(record.activity, None)
        log.sessions = [found for found in log.sessions if found.started_at != record.started_at]

    def remove_pain(self, day: date, entry: PainEntry) -> None:
        """Remove one pain report of a day; the latest of all days follows."""
        self.edit(day).pain.remove(entry)
        self._catch_up()
        if self._latest_pain is not None and self._latest_pain[0] == day and not self.get(day).pain:
            self._latest_pain = self._newest(
                lambda log: (
                    max(reversed(log.pain), key=lambda found: found.logged_at) if log.pain else None
                )
            )

    def remove_visit(self, day: date, visit: Visit) -> None:
        """Remove one visit made on a day; the latest of all days follows."""
        self.edit(day).visits.remove(visit)
        self._catch_up()
        if (
            self._latest_visit is not None
            and self._latest_visit[0] == day
            and not self.get(day).visits
        ):
            self._latest_visit = self._newest(
                lambda log: (
                    max(reversed(log.visits), key=lambda found: found.visited_at)
                    if log.visits
                    else None
                )
            )

    def _newest[T](self, entry_of: Callable[[DayLog], T | None]) -> tuple[date, T] | None:
        """Return the newest day holding an entry, with it: after a removal, which is rare."""
        days = set(self._open) | {day for year in self._years.values() for day, _ in year}
        for day in sorted(days, reverse=True):
            if (found := entry_of(self.get(day))) is not None:
                return day, found
        return None

    def items(self) -> list[tuple[date, DayLog]]:
        """Return every day that holds a record, with its log, oldest first.

        This reads every day: for work done away from the event loop.
        """
        days = {day: log for year in self._years.values() for day, log in year.logs()}
        days.update(self._open)
        return sorted(days.items())

    def frozen(self) -> FrozenHistory:
        """Return every day as it is now, cheaply, to read in an executor (see ``items``)."""
        return FrozenHistory(
            tuple((day, log.to_json()) for day, log in self._open.items()),
            tuple((year, closed.snapshot()) for year, closed in self._years.items()),
        )

    def days_between(self, first: date, last: date) -> list[tuple[date, DayLog]]:
        """Return each date from first to last, inclusive, with its log."""
        count = (last - first).days + 1
        return [
            (first + timedelta(days=offset), self.get(first + timedelta(days=offset)))
            for offset in range(count)
        ]

    # ----- what changed -----

    def _catch_up(self) -> None:
        """Bring the streak index and the latest entries up to the open days' changes."""
        for day in self._stale:
            self._index_day(day, self._open.get(day) or self.get(day))
        self._stale.clear()

    def _index_day(self, day: date, log: DayLog) -> None:
        self._index.set_day(
            day.toordinal(),
            [(goal, log.goal_minutes(goal)) for goal in Goal],
            paused=log.flare_up,
        )
        self._note_latest(day, log.pain, log.visits)

    def _note_latest(self, day: date, pain: list[PainEntry], visits: list[Visit]) -> None:
        # Entries are added here; a removal looks for the latest again (``_newest``).
        if pain and (self._latest_pain is None or day >= self._latest_pain[0]):
            # The later of two reports logged in the same instant wins.
            self._latest_pain = (day, max(reversed(pain), key=lambda entry: entry.logged_at))
        if visits and (self._latest_visit is None or day >= self._latest_visit[0]):
            self._latest_visit = (day, max(reversed(visits), key=lambda visit: visit.visited_at))

    def forget_open(self, days: list[date]) -> None:
        """Let go of open copies of days: their closed copies are newer (read at a start)."""
        for day in days:
            if self._open.pop(day, None) is not None:
                self._stale.discard(day)

    def close_days(self, today: date) -> list[date]:
        """Close every open day before today into its year's compact text; return them."""
        self._catch_up()
        by_year: dict[int, dict[date, DayLog]] = {}
        for day in [day for day in self._open if day < today]:
            by_year.setdefault(day.year, {})[day] = self._open.pop(day)
        for year, texts in by_year.items():
            if (closed := self._years.get(year)) is None:
                closed = self._years[year] = ClosedYear(year)
            closed.put(texts)
            self._changed_years.add(year)
        return [day for days in by_year.values() for day in days]

    def add_stored_years(
        self, years: dict[int, dict[str, Any]], goals: dict[Goal, int], today: date
    ) -> dict[int, Exception]:
        """Take in years of closed days as stored; return those that can't be read, and why.

        An open day stays as it is. Every closed day is read once to index it,
        and the streaks of the goals given are counted: run this away from the
        event loop, before the history is shared.
        """
        unreadable: dict[int, Exception] = {}
        if years:
            self._index.reserve(
                date(min(years), 1, 1).toordinal(), date(max(years), 12, 31).toordinal()
            )
        open_days = {day.toordinal() for day in self._open}
        for year, stored in years.items():
            try:
                closed = ClosedYear.from_stored(year, stored)
                days = list(closed.facts())
            except (KeyError, TypeError, ValueError, AttributeError, IndexError) as err:
                unreadable[year] = err
                continue
            self._years[year] = closed
            if settled(year, today):
                closed.pack()
            for ordinal, facts in days:
                if ordinal not in open_days:
                    self._index.set_day(ordinal, facts.minutes, paused=facts.paused)
                    if facts.pain or facts.visits:
                        self._note_latest(date.fromordinal(ordinal), facts.pain, facts.visits)
        for goal, goal_minutes in goals.items():
            self.streak(goal, goal_minutes, today)
        return unreadable

    def take_changed_years(self) -> dict[int, YearSnapshot]:
        """Return the closed years changed since last asked, as snapshots to save."""
        changed = {year: self._years[year].snapshot() for year in sorted(self._changed_years)}
        self._changed_years.clear()
        return changed

    def year_snapshot(self, year: int) -> YearSnapshot:
        """Return one year's closed days as they are now, to save."""
        return (self._years.get(year) or ClosedYear(year)).snapshot()

    @property
    def years(self) -> list[int]:
        """Return the years that hold closed days."""
        return sorted(self._years)

    def latest_pain(self) -> PainEntry | None:
        """Return the most recent pain report of all days."""
        self._catch_up()
        return self._latest_pain[1] if self._latest_pain else None

    def latest_visit(self) -> Visit | None:
        """Return the most recent chiropractor visit of all days."""
        self._catch_up()
        return self._latest_visit[1] if self._latest_visit else None

    def streak(
        self,
        goal: Goal,
        goal_minutes: int,
        today: date,
        *,
        paused: PausedDays | None = None,
        lowered: Mapping[date, int] | None = None,
    ) -> Streak:
        """Return a goal's streak as of today (see ``StreakIndex.streak``).

        ``paused`` tells the flare-up days that may not be marked yet (after a
        clock jump, before the next tick marks them); ``lowered`` the days that
        asked less than the goal, with what they asked (see ``goals.DayGoals``).
        """
        self._catch_up()
        covers = (
            None if paused is None else lambda ordinal: paused.covers(date.fromordinal(ordinal))
        )
        by_ordinal = {day.toordinal(): minutes for day, minutes in (lowered or {}).items()}
        return self._index.streak(
            goal, goal_minutes, today.toordinal(), paused=covers, lowered=by_ordinal
        )

    def first_day(self) -> date | None:
        """Return the earliest day that holds a record, if any."""
        earliest = min(self._open, default=None)
        if self._years:
            closed = next(iter(self._years[min(self._years)]), None)
            if closed is not None and (earliest is None or closed[0] < earliest):
                earliest = closed[0]
        return earliest

    def as_dict(self) -> dict[str, Any]:
        """Return every day in the JSON-ready form of format 1 (reads every day)."""
        return {day.isoformat(): log.as_dict() for day, log in self.items()}

    def recent_as_dict(self, first: date, last: date) -> dict[str, Any]:
        """Return the days from first to last that hold anything, JSON-ready."""
        return {
            day.isoformat(): stored
            for day, log in self.days_between(first, last)
            if (stored := log.as_dict())
        }

    def open_days_as_dict(self) -> dict[str, Any]:
        """Return the open days, JSON-ready, for the person's own store."""
        return {day.isoformat(): log.as_dict() for day, log in sorted(self._open.items())}

    @classmethod
    def from_dict(cls, stored: dict[str, Any]) -> History:
        """Rebuild the history from days in the form of ``as_dict``."""
        return cls({date.fromisoformat(day): DayLog.from_dict(log) for day, log in stored.items()})
