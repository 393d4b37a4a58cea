"""The session state machine: one timed activity at a time.

Plain, typed Python with no Home Assistant imports. Every method takes the
current instant from its caller, so a test can walk a session through
midnight, a pause or a restart with nothing but datetimes.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

from .day import Activity
from .source import Source, source_or_none

MIN_SESSION_MINUTES = 1
MAX_SESSION_MINUTES = 120
MAX_EXTEND_MINUTES = 60


class SessionStatus(StrEnum):
    """Where a session stands."""

    RUNNING = "running"
    PAUSED = "paused"


class RoutineError(Exception):
    """A request the routine refuses; the key names the reason."""

    def __init__(self, key: str, **placeholders: str) -> None:
        """Name the reason and the values that explain it."""
        super().__init__(key)
        self.key = key
        self.placeholders = placeholders


def check_session_minutes(activity: Activity, minutes: int, max_inversion: int) -> None:
    """Refuse a planned length outside what a session of this activity allows."""
    maximum = max_inversion if activity is Activity.INVERSION else MAX_SESSION_MINUTES
    if not MIN_SESSION_MINUTES <= minutes <= maximum:
        raise RoutineError(
            "duration_out_of_range",
            minutes=str(minutes),
            minimum=str(MIN_SESSION_MINUTES),
            maximum=str(maximum),
        )


def _whole_minutes(length: timedelta) -> int:
    """Return a length in whole minutes, rounded to the nearest minute, halves up."""
    # Not round(): it rounds halves to even, so 2:30 would be 2 but 3:30 would be 4.
    return max(length + timedelta(seconds=30), timedelta(0)) // timedelta(minutes=1)


@dataclass(frozen=True, slots=True)
class Session:
    """A running or paused session. Immutable: each change returns a new one."""

    activity: Activity
    planned_minutes: int
    started_at: datetime
    ends_at: datetime
    paused_at: datetime | None = None
    routine: str | None = None
    # A guided routine's steps skipped (positive) or done again (negative): the
    # routine stands this far from the time actually run.
    routine_shift: timedelta = timedelta(0)
    # What started it; None for a session stored before sources were kept.
    source: Source | None = None

    @classmethod
    def start(
        cls,
        activity: Activity,
        minutes: int,
        now: datetime,
        *,
        max_inversion: int,
        routine: str | None = None,
        source: Source = Source.ACTION,
    ) -> Session:
        """Begin a session of the given length now."""
        check_session_minutes(activity, minutes, max_inversion)
        # Kept in UTC: arithmetic on local times follows the clock face and
        # goes wrong across a daylight saving change.
        now = now.astimezone(UTC)
        return cls(
            activity=activity,
            planned_minutes=minutes,
            started_at=now,
            ends_at=now + timedelta(minutes=minutes),
            routine=routine,
            source=source,
        )

    @property
    def status(self) -> SessionStatus:
        """Return whether the session is running or paused."""
        return SessionStatus.PAUSED if self.paused_at is not None else SessionStatus.RUNNING

    @property
    def is_paused(self) -> bool:
        """Return whether the session is paused."""
        return self.paused_at is not None

    def remaining(self, now: datetime) -> timedelta:
        """Return the running time still to go; frozen while paused."""
        reference = self.paused_at or now
        return max(self.ends_at - reference, timedelta(0))

    def routine_time(self, now: datetime) -> timedelta:
        """Return where a guided routine stands: the time run, with skips and repeats."""
        planned = timedelta(minutes=self.planned_minutes)
        return min(max(planned - self.remaining(now), timedelta(0)), planned)

    def run_time(self, now: datetime) -> timedelta:
        """Return the time actually run so far; paused time is not counted."""
        return max(self.routine_time(now) - self.routine_shift, timedelta(0))

    def minutes_run(self, now: datetime) -> int:
        """Return the whole minutes run so far, rounded to the nearest minute, halves up."""
        return _whole_minutes(self.run_time(now))

    @property
    def full_minutes(self) -> int:
        """Return the minutes a session that reaches its end time has run."""
        return _whole_minutes(timedelta(minutes=self.planned_minutes) - self.routine_shift)

    def shift_routine(self, by: timedelta) -> Session:
        """Move a guided routine on (positive) or back (negative); the end time follows."""
        return replace(self, ends_at=self.ends_at - by, routine_shift=self.routine_shift + by)

    def is_due(self, now: datetime) -> bool:
        """Return whether a running session has reached its end time."""
        return self.paused_at is None and now >= self.ends_at

    def pause(self, now: datetime) -> Session:
        """Pause the countdown."""
        if self.paused_at is not None:
            raise RoutineError("not_running")
        return replace(self, paused_at=now.astimezone(UTC))

    def resume(self, now: datetime) -> Session:
        """Resume the countdown; the end time moves by the time spent paused."""
        if self.paused_at is None:
            raise RoutineError("not_paused")
        return replace(self, ends_at=self.ends_at + (now - self.paused_at), paused_at=None)

    def extend(self, minutes: int, *, max_inversion: int) -> Session:
        """Add minutes to the plan; the inversion cap still holds."""
        if not MIN_SESSION_MINUTES <= minutes <= MAX_EXTEND_MINUTES:
            raise RoutineError(
                "duration_out_of_range",
                minutes=str(minutes),
                minimum=str(MIN_SESSION_MINUTES),
                maximum=str(MAX_EXTEND_MINUTES),
            )
        if self.activity is Activity.INVERSION and self.planned_minutes + minutes > max_inversion:
            raise RoutineError(
                "duration_out_of_range",
                minutes=str(self.planned_minutes + minutes),
                minimum=str(MIN_SESSION_MINUTES),
                maximum=str(max_inversion),
            )
        return replace(
            self,
            planned_minutes=self.planned_minutes + minutes,
            ends_at=self.ends_at + timedelta(minutes=minutes),
        )

    def as_dict(self) -> dict[str, Any]:
        """Return the JSON-ready form used for storage."""
        stored: dict[str, Any] = {
            "activity": str(self.activity),
            "planned_minutes": self.planned_minutes,
            "started_at": self.started_at.isoformat(),
            "ends_at": self.ends_at.isoformat(),
            "paused_at": self.paused_at.isoformat() if self.paused_at else None,
            "routine": self.routine,
        }
        if self.routine_shift:
            stored["routine_shift"] = self.routine_shift.total_seconds()
        if self.source is not None:
            stored["source"] = str(self.source)
        return stored

    @classmethod
    def from_dict(cls, stored: dict[str, Any]) -> Session:
        """Rebuild a session from its stored form."""
        paused_at = stored.get("paused_at")
        return cls(
            activity=Activity(stored["activity"]),
            planned_minutes=int(stored["planned_minutes"]),
            started_at=datetime.fromisoformat(stored["started_at"]),
            ends_at=datetime.fromisoformat(stored["ends_at"]),
            paused_at=datetime.fromisoformat(paused_at) if paused_at else None,
            routine=stored.get("routine"),
            routine_shift=timedelta(seconds=float(stored.get("routine_shift", 0))),
            source=source_or_none(stored.get("source")),
        )
