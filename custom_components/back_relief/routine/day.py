"""The routine itself: activities, daily logs, goals and streaks.

Plain, typed Python with no Home Assistant imports. Days are local calendar
dates handed in by the caller, so midnight and daylight saving time are the
caller's one conversion (see ``local_date``) and never a concern here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone, tzinfo
from enum import StrEnum
from functools import cache
import json
import math
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


def _whole_seconds(record: SessionRecord | None) -> int:
    """Return the whole seconds since the epoch of a session's start, 0 without one."""
    return math.floor(record.started_at.timestamp()) if record is not None else 0


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

    def as_times(self, previous: SessionRecord | None = None) -> list[Any]:
        """Return the shorter form kept in a closed day's text.

        [start, end, offset, activity, minutes, source, feedback, routine]: the
        start in seconds since the epoch (after the day's session before, when
        there is one), the end in seconds after the start, the start's offset
        from UTC in minutes; a time with microseconds, or an end in another
        offset, as its ISO text. Empty ends are left off.
        """
        offset = self.started_at.utcoffset()
        start: int | str = self.started_at.isoformat()
        end: int | str = self.ended_at.isoformat()
        if offset is not None and not self.started_at.microsecond:
            start = int(self.started_at.timestamp()) - _whole_seconds(previous)
            if not self.ended_at.microsecond and self.ended_at.utcoffset() == offset:
                end = int((self.ended_at - self.started_at).total_seconds())
        minutes_offset = int(offset.total_seconds() // 60) if offset is not None else 0
        stored = [start, end, minutes_offset, str(self.activity), self.minutes, self.source]
        stored += [self.feedback, self.routine]
        while stored[-1] is None:
            stored.pop()
        return stored

    @classmethod
    def from_times(cls, stored: list[Any], previous: SessionRecord | None = None) -> SessionRecord:
        """Rebuild a record from the form of ``as_times``."""
        start, end, minutes_offset, activity, minutes, *rest = stored
        source, feedback, routine = (*rest, None, None, None)[:3]
        zone = timezone(timedelta(minutes=int(minutes_offset)))
        started_at = (
            datetime.fromtimestamp(start + _whole_seconds(previous), zone)
            if isinstance(start, int)
            else datetime.fromisoformat(start)
        )
        ended_at = (
            started_at + timedelta(seconds=end)
            if isinstance(end, int)
            else datetime.fromisoformat(end)
        )
        return cls(
            started_at,
            ended_at,
            Activity(activity),
            int(minutes),
            routine,
            str(feedback) if feedback is not None else None,
            str(source) if source is not None else None,
        )

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
    # What a newer version stored that this one doesn't know: kept, and written back as it was.
    other_minutes: dict[str, int] = field(default_factory=dict)
    other_fields: dict[str, Any] = field(default_factory=dict)

    def goal_minutes(self, goal: Goal) -> int:
        """Return the minutes that count toward a goal on this day."""
        return sum(self.minutes.get(activity, 0) for activity in goal.activities)

    def set_minutes(self, activity: Activity, minutes: int) -> None:
        """Set the minutes of an activity; its sessions' records shrink to fit, latest first.

        The calendar shows a day's sessions and the minutes logged beside them,
        so fewer minutes than the sessions credited trim the records too.
        """
        if minutes > 0:
            self.minutes[activity] = minutes
        else:
            self.minutes.pop(activity, None)
        excess = sum(r.minutes for r in self.sessions if r.activity is activity) - minutes
        for record in reversed(list(self.sessions)):
            if excess <= 0:
                break
            if record.activity is activity:
                taken = min(record.minutes, excess)
                record.minutes -= taken
                excess -= taken
                if record.minutes == 0:
                    self.sessions.remove(record)

    @property
    def pain_levels(self) -> list[int]:
        """Return the pain levels logged on the day, in the order logged."""
        return [entry.level for entry in self.pain]

    def as_dict(self) -> dict[str, Any]:
        """Return the compact, JSON-ready form used for storage."""
        stored: dict[str, Any] = {}
        if self.minutes or self.other_minutes:
            stored["minutes"] = {str(key): value for key, value in self.minutes.items()}
            stored["minutes"] |= self.other_minutes
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
        return self.other_fields | stored

    def to_json(self) -> str:
        """Return the day as one JSON text that names every field (an open day, frozen)."""
        return json.dumps(self.as_dict(), separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> DayLog:
        """Rebuild a day from the text of ``to_json``."""
        return cls.from_dict(json.loads(text))

    @classmethod
    def from_dict(cls, stored: dict[str, Any]) -> DayLog:
        """Rebuild a day from its stored form; what this version doesn't know is kept aside."""
        minutes: dict[Activity, int] = {}
        other_minutes: dict[str, int] = {}
        for key, value in stored.get("minutes", {}).items():
            if key in Activity:
                minutes[Activity(key)] = int(value)
            else:
                other_minutes[str(key)] = int(value)
        return cls(
            minutes=minutes,
            other_minutes=other_minutes,
            other_fields={key: value for key, value in stored.items() if key not in DAY_KEYS},
            kinds={str(key): int(value) for key, value in stored.get("kinds", {}).items()},
            pain=[PainEntry.from_list(entry) for entry in stored.get("pain", [])],
            visits=[Visit.from_list(visit) for visit in stored.get("visits", [])],
            flare_up=bool(stored.get("flare_up", False)),
            checklist_done=[str(uid) for uid in stored.get("checklist_done", [])],
            sessions=[SessionRecord.from_list(record) for record in stored.get("sessions", [])],
            skipped=[str(kind) for kind in stored.get("skipped", [])],
        )


# What a day's stored form may hold, by name; anything else is a newer version's.
DAY_KEYS = frozenset(
    ("minutes", "kinds", "pain", "visits", "flare_up", "checklist_done", "sessions", "skipped")
)
# A day's fields beside its minutes, as a closed day's text holds them, and how each is empty.
DAY_FIELDS: dict[str, Any] = {
    "flare_up": 0,
    "kinds": {},
    "pain": [],
    "visits": [],
    "checklist_done": [],
    "sessions": [],
    "skipped": [],
    # Sessions with their times as seconds (see ``SessionRecord.as_times``), a third of the text.
    "session_times": [],
}
# The name of an activity's minutes in a closed day's text.
MINUTES = "minutes."
# The fields of a closed day's text as the first version to write one (format 2.1,
# a year's file 1.1) put them, unnamed: a file that names no layout holds them so.
# Each field added since goes after the fields of the file it joins, never between.
FIRST_LAYOUT: tuple[str, ...] = (
    "minutes.exercise",
    "minutes.stretch",
    "minutes.inversion",
    "minutes.rest",
    "flare_up",
    "kinds",
    "pain",
    "visits",
    "checklist_done",
    "sessions",
    "skipped",
)


def _activity(name: str) -> Activity | None:
    """Return the activity of a name, None for one this version doesn't know."""
    return Activity(name) if name in Activity else None


class DayLayout:
    """The names of the fields of a closed day's text, in their places.

    A year's file names its layout, so what a day's text means never depends
    on the order of ``Activity`` or on what this version knows: a field it
    doesn't know is kept aside in the day's log and written back in its place.
    """

    __slots__ = ("_at", "_goals", "names")

    def __init__(self, names: tuple[str, ...]) -> None:
        """Know where each field is; raise for a layout that names a field twice."""
        if len(set(names)) != len(names) or not all(isinstance(name, str) for name in names):
            raise ValueError(names)
        self.names = names
        self._at = {name: place for place, name in enumerate(names)}
        self._goals = tuple(
            (
                goal,
                tuple(
                    place
                    for activity in goal.activities
                    if (place := self._at.get(MINUTES + activity)) is not None
                ),
            )
            for goal in Goal
        )

    @staticmethod
    def of(names: tuple[str, ...]) -> DayLayout:
        """Return the layout of these names, made once."""
        return _layout(names)

    @classmethod
    def current(cls) -> DayLayout:
        """Return the layout of a new year: the first one, and this version's additions after it."""
        known = (*(MINUTES + activity for activity in Activity), *DAY_FIELDS)
        return cls.of((*FIRST_LAYOUT, *(name for name in known if name not in FIRST_LAYOUT)))

    def covering(self, logs: Iterable[DayLog]) -> DayLayout:
        """Return this layout with the fields these days hold and it lacks added at its end."""
        held = dict.fromkeys(name for log in logs for name in _held(log) if name not in self._at)
        return self.of((*self.names, *held)) if held else self

    def encode(self, log: DayLog) -> str:
        """Return a day as the short JSON text of this layout (which covers it); ASCII only."""
        stored = log.as_dict()
        parts: list[Any] = []
        for name in self.names:
            if name.startswith(MINUTES):
                activity = name.removeprefix(MINUTES)
                parts.append(log.minutes.get(activity, 0) or log.other_minutes.get(activity, 0))  # type: ignore[call-overload]
            elif name == "flare_up":
                parts.append(int(log.flare_up))
            elif name == "session_times":
                parts.append(
                    [
                        record.as_times(log.sessions[number - 1] if number else None)
                        for number, record in enumerate(log.sessions)
                    ]
                )
            elif name == "sessions" and "session_times" in self._at:
                parts.append([])
            elif name in DAY_FIELDS:
                parts.append(stored.get(name, DAY_FIELDS[name]))
            else:
                # A field of a newer version, empty or as it was read.
                parts.append(log.other_fields.get(name, 0))
        while parts and not parts[-1]:
            parts.pop()
        return json.dumps(parts, separators=(",", ":"))

    def decode(self, text: str) -> DayLog:
        """Rebuild a day from its text; raise for a text with more fields than are named."""
        stored: dict[str, Any] = {}
        times: list[SessionRecord] = []
        log = DayLog()
        for name, value in zip(self.names, self._parts(text), strict=False):
            if not value:
                continue
            if name.startswith(MINUTES):
                activity = name.removeprefix(MINUTES)
                if (known := _activity(activity)) is not None:
                    log.minutes[known] = int(value)
                else:
                    log.other_minutes[activity] = int(value)
            elif name == "flare_up":
                log.flare_up = True
            elif name == "session_times":
                for record in value:
                    times.append(SessionRecord.from_times(record, times[-1] if times else None))
            elif name in DAY_FIELDS:
                stored[name] = value
            else:
                log.other_fields[name] = value
        if stored:
            fields = DayLog.from_dict(stored)
            log.kinds, log.pain, log.visits = fields.kinds, fields.pain, fields.visits
            log.checklist_done, log.sessions = fields.checklist_done, fields.sessions
            log.skipped = fields.skipped
        log.sessions += times
        return log

    def facts(self, text: str) -> DayFacts:
        """Return what the index needs of a closed day's text, reading no more of it."""
        parts = self._parts(text)
        count = len(parts)

        def part(name: str) -> Any:
            place = self._at.get(name)
            return parts[place] if place is not None and place < count else None

        return DayFacts(
            tuple(
                (goal, sum(int(parts[place]) for place in places if place < count))
                for goal, places in self._goals
            ),
            bool(part("flare_up")),
            [PainEntry.from_list(entry) for entry in part("pain") or ()],
            [Visit.from_list(visit) for visit in part("visits") or ()],
        )

    def _parts(self, text: str) -> list[Any]:
        parts = json.loads(text)
        if not isinstance(parts, list):
            raise TypeError(text)
        if len(parts) > len(self.names):
            raise ValueError(text)
        return parts


@cache
def _layout(names: tuple[str, ...]) -> DayLayout:
    return DayLayout(names)


def _held(log: DayLog) -> Iterator[str]:
    """Yield the names of the fields a day holds: every one a layout must have to keep it."""
    yield from (MINUTES + activity for activity, minutes in log.minutes.items() if minutes)
    yield from (MINUTES + activity for activity, minutes in log.other_minutes.items() if minutes)
    stored = log.as_dict()
    yield from (name for name in DAY_FIELDS if stored.get(name) and name != "sessions")
    if log.sessions:
        # Sessions go where their times are short.
        yield "session_times"
    yield from (name for name, value in log.other_fields.items() if value)


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
