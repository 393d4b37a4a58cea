"""Closed days: one year of days that are over, kept as compact text.

Plain, typed Python with no Home Assistant imports. A day that is over is
kept as the short JSON text of ``DayLog.to_compact``, in memory as on disk,
so that nothing needs rebuilding to keep it or to write it again. Each year
is a store segment of its own, written when one of its days closes or is
changed (a visit or minutes logged for a past day).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date, timedelta
from typing import Any

DAYS_IN_A_YEAR = 366


class ClosedYear:
    """The closed days of one calendar year, by day of the year."""

    __slots__ = ("_days", "year")

    def __init__(self, year: int, days: list[str | None] | None = None) -> None:
        """Start a year with no days, or with the days given."""
        self.year = year
        self._days: list[str | None] = days or [None] * DAYS_IN_A_YEAR

    def get(self, day: date) -> str | None:
        """Return a day's compact text, None when nothing was recorded."""
        return self._days[day.timetuple().tm_yday - 1]

    def put(self, day: date, text: str) -> None:
        """Keep a closed day's compact text."""
        self._days[day.timetuple().tm_yday - 1] = text

    def __iter__(self) -> Iterator[tuple[date, str]]:
        """Go through the recorded days, oldest first."""
        first = date(self.year, 1, 1)
        for offset, text in enumerate(self._days):
            if text is not None:
                yield first + timedelta(days=offset), text

    def __len__(self) -> int:
        """Return how many days of the year hold a record."""
        return sum(text is not None for text in self._days)

    def snapshot(self) -> tuple[str | None, ...]:
        """Return the days as they are now, safe to write from another thread."""
        return tuple(self._days)

    @staticmethod
    def stored(year: int, days: tuple[str | None, ...]) -> dict[str, Any]:
        """Return the JSON-ready form of a snapshot: each day's text by its ISO date."""
        first = date(year, 1, 1)
        return {
            "days": {
                (first + timedelta(days=offset)).isoformat(): text
                for offset, text in enumerate(days)
                if text is not None
            }
        }

    @classmethod
    def from_stored(cls, year: int, stored: Mapping[str, Any]) -> ClosedYear:
        """Rebuild a year from its stored form; raise if any of it can't be read."""
        closed = cls(year)
        for iso_day, text in stored["days"].items():
            day = date.fromisoformat(iso_day)
            if day.year != year or not isinstance(text, str):
                raise ValueError(iso_day)
            closed.put(day, text)
        return closed
