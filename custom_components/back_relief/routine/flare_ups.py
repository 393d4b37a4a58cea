"""Flare-ups over ranges of days: every day in a range is paused.

Plain, typed Python with no Home Assistant imports; today's local date is
handed in by the caller. A range has a first day and a last day, or no last
day while it lasts "until turned off". The flare-up switch stands for the
range covering today: turning it on opens a range from today, turning it off
ends the range with today (today stays paused: the switch was on during it,
but the switch shows off).

A new range wins over the days it shares with older ones: an older range is
cut to the days outside the new one, so each day belongs to one range and
carries that range's note.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from .day import ONE_DAY
from .history import History
from .session import RoutineError

# Days further back than this are not marked: after a year away they say nothing of today.
MAX_MARK_DAYS = 366

# As far back as minutes can be logged; as far ahead as a visit can be planned.
FLARE_UP_DAYS_BACK = 60
FLARE_UP_DAYS_AHEAD = 365


@dataclass(frozen=True, slots=True)
class FlareUp:
    """One range of flare-up days."""

    start: date
    end: date | None = None
    note: str | None = None
    # Ended by turning the switch off on its last day.
    turned_off: bool = False

    def covers(self, day: date) -> bool:
        """Return whether a day lies in the range."""
        return self.start <= day and (self.end is None or day <= self.end)

    def is_on(self, today: date) -> bool:
        """Return whether the range holds the switch on today."""
        return self.covers(today) and not (self.turned_off and self.end == today)

    def outside(self, other: FlareUp) -> list[FlareUp]:
        """Return what is left of this range on the days another doesn't cover."""
        if (other.end is not None and self.start > other.end) or (
            self.end is not None and self.end < other.start
        ):
            return [self]
        left: list[FlareUp] = []
        if self.start < other.start:
            left.append(replace(self, end=other.start - ONE_DAY, turned_off=False))
        if other.end is not None and (self.end is None or self.end > other.end):
            left.append(replace(self, start=other.end + ONE_DAY))
        return left

    def as_list(self) -> list[Any]:
        """Return the JSON-ready form used for storage."""
        return [
            self.start.isoformat(),
            self.end.isoformat() if self.end else None,
            self.note,
            self.turned_off,
        ]

    @classmethod
    def from_list(cls, stored: list[Any]) -> FlareUp:
        """Rebuild a range from its stored form."""
        start, end, note, turned_off = stored
        return cls(
            start=date.fromisoformat(start),
            end=date.fromisoformat(end) if end else None,
            note=note,
            turned_off=bool(turned_off),
        )


def check_range(start: date, end: date | None, today: date) -> None:
    """Refuse a range that is reversed, reaches too far back or too far ahead."""
    earliest = today - timedelta(days=FLARE_UP_DAYS_BACK)
    latest = today + timedelta(days=FLARE_UP_DAYS_AHEAD)
    for day in (start, end):
        if day is not None and not earliest <= day <= latest:
            raise RoutineError(
                "date_out_of_range",
                date=day.isoformat(),
                earliest=earliest.isoformat(),
                latest=latest.isoformat(),
            )
    if end is not None and end < start:
        raise RoutineError("flare_up_dates_reversed", start=start.isoformat(), end=end.isoformat())


@dataclass(frozen=True, slots=True)
class FlareUps:
    """A person's flare-up ranges, by first day. Immutable: each change returns a new one."""

    ranges: tuple[FlareUp, ...] = ()

    def covers(self, day: date) -> bool:
        """Return whether a day is a flare-up day."""
        return any(flare_up.covers(day) for flare_up in self.ranges)

    def is_on(self, today: date) -> bool:
        """Return what the flare-up switch shows today."""
        return any(flare_up.is_on(today) for flare_up in self.ranges)

    def covering(self, day: date) -> FlareUp | None:
        """Return the range a day belongs to, if any."""
        return next((flare_up for flare_up in self.ranges if flare_up.covers(day)), None)

    def days_covered(self, first: date, last: date) -> list[date]:
        """Return every flare-up day from first to last, inclusive."""
        days: set[date] = set()
        for flare_up in self.ranges:
            day = max(first, flare_up.start)
            until = last if flare_up.end is None else min(last, flare_up.end)
            while day <= until:
                days.add(day)
                day += ONE_DAY
        return sorted(days)

    def add(self, start: date, end: date | None, note: str | None, today: date) -> FlareUps:
        """Mark a range of days, after checking it; the new range wins where they meet."""
        check_range(start, end, today)
        return self._with(FlareUp(start, end, note or None))

    def turn_on(self, today: date) -> FlareUps:
        """Open a range from today, or reopen the one turned off today."""
        if self.is_on(today):
            return self
        turned_off = self.covering(today)
        if turned_off is not None and turned_off.turned_off:
            return self._with(replace(turned_off, end=None, turned_off=False), turned_off)
        return self._with(FlareUp(today))

    def turn_off(self, today: date) -> FlareUps:
        """End the range holding today with today; later days are no longer paused."""
        current = next((flare_up for flare_up in self.ranges if flare_up.is_on(today)), None)
        if current is None:
            return self
        return self._with(replace(current, end=today, turned_off=True), current)

    def _with(self, new: FlareUp, replacing: FlareUp | None = None) -> FlareUps:
        kept = [
            part
            for flare_up in self.ranges
            if flare_up is not replacing
            for part in flare_up.outside(new)
        ]
        return FlareUps(tuple(sorted([*kept, new], key=lambda flare_up: flare_up.start)))

    def notes_between(self, first: date, last: date) -> list[tuple[date, str]]:
        """Return the notes of the ranges that touch the days from first to last, by first day."""
        return [
            (flare_up.start, flare_up.note)
            for flare_up in self.ranges
            if flare_up.note
            and flare_up.start <= last
            and (flare_up.end is None or flare_up.end >= first)
        ]

    def mark(self, history: History, today: date) -> bool:
        """Pause each flare-up day up to today in the history; return whether any was new.

        Later days are paused as they come.
        """
        first = today - timedelta(days=MAX_MARK_DAYS)
        unmarked = [day for day in self.days_covered(first, today) if not history.get(day).flare_up]
        for day in unmarked:
            history.edit(day).flare_up = True
        return bool(unmarked)

    def as_list(self) -> list[list[Any]]:
        """Return the JSON-ready form used for storage."""
        return [flare_up.as_list() for flare_up in self.ranges]

    def as_stored(self) -> dict[str, Any]:
        """Return the ranges as the person's store keeps them."""
        return {
            "flare_ups": self.as_list(),
            # The switch as a version without ranges reads it, should one be put back.
            "flare_up": any(flare_up.end is None for flare_up in self.ranges),
        }

    @classmethod
    def from_list(cls, stored: list[list[Any]]) -> FlareUps:
        """Rebuild the ranges from their stored form."""
        return cls(tuple(FlareUp.from_list(item) for item in stored))

    @classmethod
    def from_stored(cls, stored: dict[str, Any], history: History, today: date) -> FlareUps:
        """Rebuild the ranges from the person's store, one of a version with only the switch too."""
        if "flare_ups" in stored:
            return cls.from_list(stored["flare_ups"])
        if not stored.get("flare_up"):
            return cls()
        # Stored by a version with only the switch: it was on since the last day it marked.
        marked = [
            day
            for day, log in history.days_between(today - timedelta(days=MAX_MARK_DAYS), today)
            if log.flare_up
        ]
        return cls().turn_on(marked[-1] if marked else today)
