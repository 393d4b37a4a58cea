"""The routine itself: activities, daily logs, goals and streaks.

Plain, typed Python with no Home Assistant imports. Days are local calendar
dates handed in by the caller, so midnight and daylight saving time are the
caller's one conversion (see ``local_date``) and never a concern here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from enum import StrEnum
import json
from typing import Any, NamedTuple


class Activity(StrEnum):
    """What a session or a logged entry is about."""

    EXERCISE = "exercise"
    STRETCH = "stretch"
    INVERSION = "inversion"
    REST = "rest"

    @property
    def default_minutes(self) -> int:
        """Return the default length of the activity's sessions (its duration number's start)."""
        return 20 if self is Activity.EXERCISE else 15


class Goal(StrEnum):
    """A daily goal; each counts the minutes of one or more activities."""

    EXERCISE = "exercise"
    REST = "rest"
    INVERSION = "inversion"

    @property
    def activities(self) -> tuple[Activity, ...]:
        """Return the activities whose minutes count toward this goal."""
        if self is Goal.EXERCISE:
            # Stretching is exercise too.
            return (Activity.EXERCISE, Activity.STRETCH)
        return (Activity(self.value),)


ONE_DAY = timedelta(days=1)


def local_date(instant: datetime, time_zone: tzinfo) -> date:
    """Return the local calendar date of an aware instant."""
    return instant.astimezone(time_zone).date()


class DayFacts(NamedTuple):
    """What the streak index and the latest entries need of a closed day."""

    minutes: tuple[tuple[Goal, int], ...]
    paused: bool
    pain: list[PainEntry]
    visits: list[Visit]


@dataclass(slots=True)
class PainEntry:
    """One pain report."""

    logged_at: datetime
    level: int
    note: str | None = None

    @classmethod
    def from_list(cls, stored: list[Any]) -> PainEntry:
        """Rebuild a report from its stored form, [when, level, note]."""
        logged_at, level, note = stored
        return cls(datetime.fromisoformat(logged_at), int(level), note)


@dataclass(slots=True)
class Visit:
    """One chiropractor visit."""

    visited_at: datetime
    note: str | None = None

    @classmethod
    def from_list(cls, stored: list[Any]) -> Visit:
        """Rebuild a visit from its stored form, [when, note]."""
        visited_at, note = stored
        return cls(datetime.fromisoformat(visited_at), note)


@dataclass(slots=True)
class SessionRecord:
    """A session as it was done: for the calendar, not for the totals."""

    started_at: datetime
    ended_at: datetime
    activity: Activity
    minutes: int
    routine: str | None = None
    # How it felt, as the person answered afterwards: "easier", "same" or "harder".
    feedback: str | None = None
    # What started it (a ``Source``: "card", "voice", "sign"...); None in older records.
    source: str | None = None

    def as_list(self) -> list[Any]:
        """Return the compact, JSON-ready form used for storage."""
        stored: list[Any] = [
            self.started_at.isoformat(),
            self.ended_at.isoformat(),
            str(self.activity),
            self.minutes,
            self.routine,
        ]
        if self.feedback is not None or self.source is not None:
            stored.append(self.feedback)
        if self.source is not None:
            stored.append(self.source)
        return stored

    @classmethod
    def from_list(cls, stored: list[Any]) -> SessionRecord:
        """Rebuild a record from its stored form; feedback and source came later, may be absent."""
        started_at, ended_at, activity, minutes, routine, *rest = stored
        feedback, source = (*rest, None, None)[:2]
        return cls(
            datetime.fromisoformat(started_at),
            datetime.fromisoformat(ended_at),
            Activity(activity),
            int(minutes),
            routine,
            str(feedback) if feedback is not None else None,
            str(source) if source is not None else None,
        )


@dataclass(slots=True)
class DayLog:
    """Everything recorded for one local date."""

    minutes: dict[Activity, int] = field(default_factory=dict)
    kinds: dict[str, int] = field(default_factory=dict)
    pain: list[PainEntry] = field(default_factory=list)
    visits: list[Visit] = field(default_factory=list)
    flare_up: bool = False
    checklist_done: list[str] = field(default_factory=list)
    sessions: list[SessionRecord] = field(default_factory=list)
    # Reminders the person chose to skip that day (their kinds).
    skipped: list[str] = field(default_factory=list)

    def goal_minutes(self, goal: Goal) -> int:
        """Return the minutes that count toward a goal on this day."""
        return sum(self.minutes.get(activity, 0) for activity in goal.activities)

    @property
    def pain_levels(self) -> list[int]:
        """Return the pain levels logged on the day, in the order logged."""
        return [entry.level for entry in self.pain]

    def as_dict(self) -> dict[str, Any]:
        """Return the compact, JSON-ready form used for storage."""
        stored: dict[str, Any] = {}
        if self.minutes:
            stored["minutes"] = {str(key): value for key, value in self.minutes.items()}
        if self.kinds:
            stored["kinds"] = dict(self.kinds)
        if self.pain:
            stored["pain"] = [
                [entry.logged_at.isoformat(), entry.level, entry.note] for entry in self.pain
            ]
        if self.visits:
            stored["visits"] = [[visit.visited_at.isoformat(), visit.note] for visit in self.visits]
        if self.flare_up:
            stored["flare_up"] = True
        if self.checklist_done:
            stored["checklist_done"] = list(self.checklist_done)
        if self.sessions:
            stored["sessions"] = [record.as_list() for record in self.sessions]
        if self.skipped:
            stored["skipped"] = list(self.skipped)
        return stored

    def to_compact(self) -> str:
        """Return the day as one short JSON text: how a closed day is kept.

        A list of minutes per activity (in ``Activity`` order), flare-up (0 or
        1), kinds, pain, visits, checklist done, sessions and skipped reminders,
        in the shapes of ``as_dict``; empty ends are left off.
        """
        stored = self.as_dict()
        parts: list[Any] = [self.minutes.get(activity, 0) for activity in Activity]
        parts.append(int(self.flare_up))
        parts.extend(
            stored.get(key, empty)
            for key, empty in (
                ("kinds", {}),
                ("pain", []),
                ("visits", []),
                ("checklist_done", []),
                ("sessions", []),
                ("skipped", []),
            )
        )
        while parts and not parts[-1]:
            parts.pop()
        return json.dumps(parts, separators=(",", ":"))

    @classmethod
    def from_compact(cls, text: str) -> DayLog:
        """Rebuild a day from the text of ``to_compact``."""
        parts = json.loads(text)
        if not isinstance(parts, list):
            raise TypeError(text)
        parts += [0] * (len(Activity) + 1 - len(parts))
        minutes = {
            activity: int(value)
            for activity, value in zip(Activity, parts[: len(Activity)], strict=True)
            if value
        }
        keys = ("kinds", "pain", "visits", "checklist_done", "sessions", "skipped")
        stored: dict[str, Any] = dict(zip(keys, parts[len(Activity) + 1 :], strict=False))
        log = cls.from_dict(stored)
        log.minutes = minutes
        log.flare_up = bool(parts[len(Activity)])
        return log

    @staticmethod
    def index_facts(text: str) -> DayFacts:
        """Return what the index needs of a closed day's text, reading no more of it.

        The goals' minutes and flare-up, and the pain reports and visits (of which
        the latest of all days is kept); no log is built.
        """
        parts = json.loads(text)
        if not isinstance(parts, list):
            raise TypeError(text)
        # The minutes of each activity come first, in the order of Activity.
        count = len(Activity)
        minutes = dict(zip(Activity, [*map(int, parts[:count]), *[0] * count], strict=False))
        pain = parts[count + 2] if len(parts) > count + 2 else []
        visits = parts[count + 3] if len(parts) > count + 3 else []
        return DayFacts(
            tuple((goal, sum(minutes[activity] for activity in goal.activities)) for goal in Goal),
            bool(len(parts) > count and parts[count]),
            [PainEntry.from_list(entry) for entry in pain],
            [Visit.from_list(visit) for visit in visits],
        )

    @classmethod
    def from_dict(cls, stored: dict[str, Any]) -> DayLog:
        """Rebuild a day from its stored form."""
        return cls(
            minutes={Activity(key): int(value) for key, value in stored.get("minutes", {}).items()},
            kinds={str(key): int(value) for key, value in stored.get("kinds", {}).items()},
            pain=[PainEntry.from_list(entry) for entry in stored.get("pain", [])],
            visits=[Visit.from_list(visit) for visit in stored.get("visits", [])],
            flare_up=bool(stored.get("flare_up", False)),
            checklist_done=[str(uid) for uid in stored.get("checklist_done", [])],
            sessions=[SessionRecord.from_list(record) for record in stored.get("sessions", [])],
            skipped=[str(kind) for kind in stored.get("skipped", [])],
        )


@dataclass(frozen=True, slots=True)
class PainInsights:
    """What the pain log says over the last weeks; None where nothing was logged.

    The exercise comparison covers the last 30 days.
    """

    average_7_days: float | None
    average_previous_7_days: float | None
    average_30_days: float | None
    average_exercise_days: float | None
    average_other_days: float | None
