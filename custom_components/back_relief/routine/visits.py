"""Chiropractor visits: planned ones, and how they become visits made.

Plain, typed Python with no Home Assistant imports; the caller gives the
instant, today's date and the time zone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from ..const import SCHEDULE_DAYS_AHEAD, VISIT_DAYS_BACK
from .day import Visit, local_date
from .history import History
from .limits import check_date, date_refusal
from .session import RoutineError


@dataclass(slots=True)
class PlannedVisits:
    """The visits planned and not yet begun, soonest first."""

    scheduled: list[Visit] = field(default_factory=list)

    def next(self, now: datetime) -> Visit | None:
        """Return the next planned visit that hasn't begun."""
        return next((visit for visit in self.scheduled if visit.visited_at >= now), None)

    def first_on(self, day: date, time_zone: tzinfo) -> Visit | None:
        """Return the first planned visit on a local day, whatever comes before it."""
        return next(
            (visit for visit in self.scheduled if local_date(visit.visited_at, time_zone) == day),
            None,
        )

    def schedule(
        self, at: datetime, note: str | None, *, today: date, now: datetime, time_zone: tzinfo
    ) -> None:
        """Plan a visit from now up to a year ahead."""
        day = local_date(at, time_zone)
        latest = today + timedelta(days=SCHEDULE_DAYS_AHEAD)
        if not today <= day <= latest or at < now:
            raise date_refusal(day, today, latest)
        self.scheduled = sorted(
            [*self.scheduled, Visit(at, note)], key=lambda visit: visit.visited_at
        )

    def log(
        self,
        day: date,
        note: str | None,
        *,
        visited_at: datetime,
        history: History,
        today: date,
        time_zone: tzinfo,
    ) -> None:
        """Record a visit made on a day of the last year."""
        check_date(day, today - timedelta(days=VISIT_DAYS_BACK), today)
        history.edit(day).visits.append(Visit(visited_at, note))
        # A visit logged on the day of a planned one is that visit.
        self.scheduled = [
            visit for visit in self.scheduled if local_date(visit.visited_at, time_zone) != day
        ]

    def cancel(self, day: date, time_zone: tzinfo) -> None:
        """Cancel the visits planned on a local day; refuse a day with none."""
        kept = [visit for visit in self.scheduled if local_date(visit.visited_at, time_zone) != day]
        if len(kept) == len(self.scheduled):
            raise RoutineError("no_planned_visit", date=day.isoformat())
        self.scheduled = kept

    @staticmethod
    def remove_made(day: date, history: History, *, today: date) -> None:
        """Remove the latest visit made on a day of the last year; refuse a day with none."""
        check_date(day, today - timedelta(days=VISIT_DAYS_BACK), today)
        visits = history.get(day).visits
        if not visits:
            raise RoutineError("no_visit", date=day.isoformat())
        history.remove_visit(day, max(reversed(visits), key=lambda visit: visit.visited_at))

    def record_begun(self, now: datetime, history: History, time_zone: tzinfo) -> bool:
        """Move planned visits that have begun into the history; return whether any had."""
        begun = [visit for visit in self.scheduled if visit.visited_at <= now]
        for visit in begun:
            history.edit(local_date(visit.visited_at, time_zone)).visits.append(visit)
        self.scheduled = [visit for visit in self.scheduled if visit not in begun]
        return bool(begun)

    def as_list(self) -> list[list[Any]]:
        """Return the JSON-ready form used for storage."""
        return [[visit.visited_at.isoformat(), visit.note] for visit in self.scheduled]

    @classmethod
    def from_list(cls, stored: list[list[Any]]) -> PlannedVisits:
        """Rebuild the planned visits from their stored form."""
        return cls([Visit.from_list(visit) for visit in stored])
