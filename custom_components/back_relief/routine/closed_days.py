"""Closed days: one year of days that are over, kept as compact text.

Plain, typed Python with no Home Assistant imports. A day that is over is
kept as the short JSON text of its year's ``DayLayout`` (ASCII only), so that
nothing needs rebuilding to keep it or to write it again. In memory a year's
days are one text with where each day ends; on disk, each day's text by its
ISO date, beside the names of the layout's fields: what a day means never
depends on the order of the activities or on what a version knows. This
year and last year are store segments of their own, written when one of their
days closes or is changed (a visit or minutes logged for a past day); the
years before share one archive, so that a start reads the same few files in
year ten as in year two.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any
import zlib

from .day import FIRST_LAYOUT, DayFacts, DayLayout, DayLog

DAYS_IN_A_YEAR = 366

# A year's days as they are at one moment: the text, where each day ends, and the layout.
# The text is compressed (bytes) for a packed year.
type YearSnapshot = tuple[str | bytes, bytes, tuple[str, ...]]


def _position(day: date) -> int:
    return day.timetuple().tm_yday - 1


class ClosedYear:
    """The closed days of one calendar year, by day of the year.

    One text holds every day of the year back to back, and ``_ends`` where
    each day's text ends (a day without a record is empty): a few bytes a day
    beyond the text itself, however many days there are.
    """

    __slots__ = ("_ends", "_packed", "_text", "layout", "year")

    def __init__(self, year: int, layout: DayLayout | None = None) -> None:
        """Start a year with no days, in the layout given or this version's."""
        self.year = year
        self.layout = layout or DayLayout.current()
        self._text = ""
        # A settled year's text, compressed: read rarely, it is kept small (see ``pack``).
        self._packed: bytes | None = None
        self._ends = array("I", bytes(4 * DAYS_IN_A_YEAR))

    @property
    def text(self) -> str:
        """Return every day's text back to back."""
        if self._packed is not None:
            return zlib.decompress(self._packed).decode("ascii")
        return self._text

    def pack(self) -> None:
        """Keep the text compressed: for a settled year, which is read rarely and never grows."""
        if self._packed is None and self._text:
            self._packed = zlib.compress(self._text.encode("ascii"))
            self._text = ""

    def _span(self, position: int) -> tuple[int, int]:
        return (self._ends[position - 1] if position else 0), self._ends[position]

    def get(self, day: date) -> str | None:
        """Return a day's compact text, None when nothing was recorded."""
        start, end = self._span(_position(day))
        return self.text[start:end] or None

    def log(self, day: date) -> DayLog | None:
        """Return a day's log, None when nothing was recorded."""
        text = self.get(day)
        return self.layout.decode(text) if text is not None else None

    def logs(self) -> Iterator[tuple[date, DayLog]]:
        """Go through the recorded days with their logs, oldest first."""
        for day, text in self:
            yield day, self.layout.decode(text)

    def facts(self) -> Iterator[tuple[int, DayFacts]]:
        """Go through the recorded days by their ordinals with what the index needs of them."""
        for ordinal, text in self.by_ordinal():
            yield ordinal, self.layout.facts(text)

    def put(self, logs: Mapping[date, DayLog]) -> None:
        """Keep closed days, the year laid out again once; the layout grows to hold them."""
        # Growing at its end, the layout keeps the meaning of every text already kept.
        self.layout = self.layout.covering(logs.values())
        days = {_position(day): text for day, text in self}
        days.update({_position(day): self.layout.encode(log) for day, log in logs.items()})
        self._lay_out(days)

    def _lay_out(self, days: Mapping[int, str]) -> None:
        end = 0
        parts = []
        for position in range(DAYS_IN_A_YEAR):
            if (text := days.get(position)) is not None:
                parts.append(text)
                end += len(text)
            self._ends[position] = end
        self._text = "".join(parts)
        self._packed = None

    def __iter__(self) -> Iterator[tuple[date, str]]:
        """Go through the recorded days, oldest first."""
        for ordinal, text in self.by_ordinal():
            yield date.fromordinal(ordinal), text

    def by_ordinal(self) -> Iterator[tuple[int, str]]:
        """Go through the recorded days by their ordinals (``date.toordinal``), oldest first."""
        first = date(self.year, 1, 1).toordinal()
        text = self.text
        start = 0
        for position, end in enumerate(self._ends):
            if end > start:
                yield first + position, text[start:end]
            start = end

    def __len__(self) -> int:
        """Return how many days of the year hold a record."""
        return sum(1 for _ in self)

    def snapshot(self) -> YearSnapshot:
        """Return the days as they are now, safe to write from another thread."""
        kept = self._packed if self._packed is not None else self._text
        return kept, self._ends.tobytes(), self.layout.names

    @classmethod
    def from_snapshot(cls, year: int, snapshot: YearSnapshot) -> ClosedYear:
        """Return a year as it was in a snapshot (anywhere, an executor too)."""
        closed = cls(year, DayLayout.of(snapshot[2]))
        kept = snapshot[0]
        # A copy is read through (in an executor): unpacked once.
        closed._text = zlib.decompress(kept).decode("ascii") if isinstance(kept, bytes) else kept
        closed._ends = array("I", snapshot[1])
        return closed

    @classmethod
    def stored(cls, year: int, snapshot: YearSnapshot) -> dict[str, Any]:
        """Return the JSON-ready form of a snapshot: the layout, and each day's text by its date."""
        return {
            "layout": list(snapshot[2]),
            "days": {day.isoformat(): text for day, text in cls.from_snapshot(year, snapshot)},
        }

    @classmethod
    def from_stored(cls, year: int, stored: Mapping[str, Any]) -> ClosedYear:
        """Rebuild a year from its stored form; raise if any of it can't be read.

        A year that names no layout was written before layouts were named.
        """
        names = stored.get("layout", FIRST_LAYOUT)
        if not isinstance(names, list | tuple):
            raise TypeError("layout")
        days: dict[int, str] = {}
        for iso_day, text in stored["days"].items():
            day = date.fromisoformat(iso_day)
            if day.year != year or not isinstance(text, str) or not text or not text.isascii():
                raise ValueError(iso_day)
            days[_position(day)] = text
        closed = cls(year, DayLayout.of(tuple(names)))
        closed._lay_out(days)
        return closed


def settled(year: int, today: date) -> bool:
    """Return whether a year belongs in the archive: every year before last year."""
    return year < today.year - 1


def with_layout(stored: dict[str, Any]) -> dict[str, Any]:
    """Return a year as stored, naming its layout: the first, where it names none (1.1)."""
    return {"layout": list(FIRST_LAYOUT)} | stored


def archive_stored(snapshots: Mapping[int, YearSnapshot]) -> dict[str, Any]:
    """Return the JSON-ready form of the archive: each year as its own segment holds it."""
    return {
        "years": {
            str(year): ClosedYear.stored(year, snapshot)
            for year, snapshot in sorted(snapshots.items())
        }
    }


def archive_from_stored(stored: Mapping[str, Any]) -> dict[int, dict[str, Any]]:
    """Return the archive's years as their segments would hold them; raise if of the wrong shape.

    Each year is checked when it is taken in (``ClosedYear.from_stored``), so a
    bad year costs only that year.
    """
    years = stored["years"]
    if not isinstance(years, dict):
        raise TypeError("years")
    return {int(year): days for year, days in years.items()}
