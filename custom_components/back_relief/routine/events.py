"""The session events, one frozen dataclass per kind, and their one public form.

Plain, typed Python with no Home Assistant imports. The routine builds these;
the house reads their fields; ``as_data`` is the one place where an event
becomes what the event entity and the bus ``back_relief_session`` show.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar

from ..const import (
    EVENT_CANCELLED,
    EVENT_CHECK_IN,
    EVENT_EXTENDED,
    EVENT_FINISHED,
    EVENT_OVERTIME,
    EVENT_PAUSED,
    EVENT_REMINDER,
    EVENT_RESUMED,
    EVENT_STARTED,
    EVENT_STEP,
)
from .day import Activity
from .guided import TimedStep
from .session import Session
from .source import Source
from .steps import step_ends_at


def _iso(instant: datetime | None) -> str | None:
    return instant.isoformat() if instant is not None else None


@dataclass(frozen=True, slots=True, kw_only=True)
class SessionFacts:
    """What every event of a session tells about it, and what caused the event.

    ``source`` is None only for a session stored before sources were kept.
    """

    activity: Activity
    planned_minutes: int
    started_at: datetime
    ends_at: datetime
    routine: str | None
    source: Source | None

    @classmethod
    def of(cls, session: Session, source: Source | None = None) -> SessionFacts:
        """Return a session's facts; without a source, the one that started the session.

        An event that comes from the session itself (its end, its next step)
        carries what started it.
        """
        return cls(
            activity=session.activity,
            planned_minutes=session.planned_minutes,
            started_at=session.started_at,
            ends_at=session.ends_at,
            routine=session.routine,
            source=source or session.source,
        )

    def as_data(self) -> dict[str, Any]:
        """Return the facts JSON-ready, as every session event and the summary show them."""
        return {
            "activity": str(self.activity),
            "planned_minutes": self.planned_minutes,
            "started_at": self.started_at.isoformat(),
            "ends_at": self.ends_at.isoformat(),
            "routine": self.routine,
            "source": str(self.source) if self.source else None,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class SessionEvent:
    """Something the event entity and the bus tell; ``type`` names the kind."""

    type: ClassVar[str]

    def as_data(self) -> dict[str, Any]:
        """Return the event's public form, without its type."""
        raise NotImplementedError


@dataclass(frozen=True, slots=True, kw_only=True)
class SessionChange(SessionEvent):
    """An event of the session itself: it started, paused, ended..."""

    session: SessionFacts

    @property
    def activity(self) -> Activity:
        """Return the session's activity."""
        return self.session.activity

    def as_data(self) -> dict[str, Any]:
        """Return the session's facts; kinds with more to tell add theirs."""
        return self.session.as_data()


@dataclass(frozen=True, slots=True, kw_only=True)
class Started(SessionChange):
    """A session started."""

    type: ClassVar[str] = EVENT_STARTED


@dataclass(frozen=True, slots=True, kw_only=True)
class Paused(SessionChange):
    """The session was paused."""

    type: ClassVar[str] = EVENT_PAUSED


@dataclass(frozen=True, slots=True, kw_only=True)
class Resumed(SessionChange):
    """The session was resumed; its end moved by the pause."""

    type: ClassVar[str] = EVENT_RESUMED


@dataclass(frozen=True, slots=True, kw_only=True)
class Undone(Resumed):
    """A session stopped or cancelled by mistake came back (see ``undo``): told as resumed."""

    def as_data(self) -> dict[str, Any]:
        """Return the session's facts, and that a stop was undone."""
        return {**self.session.as_data(), "undone": True}


@dataclass(frozen=True, slots=True, kw_only=True)
class Extended(SessionChange):
    """Minutes were added to the session."""

    type: ClassVar[str] = EVENT_EXTENDED
    added_minutes: int

    def as_data(self) -> dict[str, Any]:
        """Return the session's facts and the minutes added."""
        return {**self.session.as_data(), "added_minutes": self.added_minutes}


@dataclass(frozen=True, slots=True, kw_only=True)
class Finished(SessionChange):
    """The session ended with minutes credited: at its end time, or stopped early.

    ``late_seconds`` only for a session that reached its end time: how long
    after it the finish came (a restart, a host that slept).
    """

    type: ClassVar[str] = EVENT_FINISHED
    credited_minutes: int
    stopped_early: bool
    while_offline: bool = False
    late_seconds: int | None = None

    def as_data(self) -> dict[str, Any]:
        """Return the session's facts and how it ended."""
        data = {
            **self.session.as_data(),
            "credited_minutes": self.credited_minutes,
            "stopped_early": self.stopped_early,
            "while_offline": self.while_offline,
        }
        if self.late_seconds is not None:
            data["late_seconds"] = self.late_seconds
        return data


@dataclass(frozen=True, slots=True, kw_only=True)
class Cancelled(SessionChange):
    """The session ended with nothing credited."""

    type: ClassVar[str] = EVENT_CANCELLED

    def as_data(self) -> dict[str, Any]:
        """Return the session's facts; nothing was credited."""
        return {**self.session.as_data(), "credited_minutes": 0}


@dataclass(frozen=True, slots=True, kw_only=True)
class Step(SessionChange):
    """A guided routine is at a step: the first one, the next, or one again."""

    type: ClassVar[str] = EVENT_STEP
    step: int
    name: str
    side: str | None
    cue: str
    step_ends_at: datetime | None

    @classmethod
    def at(
        cls, session: Session, step: TimedStep, now: datetime, source: Source | None = None
    ) -> Step:
        """Return the event of a session at a step of its guided routine."""
        return cls(
            session=SessionFacts.of(session, source),
            step=step.index,
            name=step.name,
            side=step.side,
            cue=step.cue,
            step_ends_at=step_ends_at(session, step, now),
        )

    def as_data(self) -> dict[str, Any]:
        """Return the session's facts and the step it is at."""
        return {
            **self.session.as_data(),
            "step": self.step,
            "name": self.name,
            "side": self.side,
            "cue": self.cue,
            "step_ends_at": _iso(self.step_ends_at),
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Reminder(SessionEvent):
    """A reminder came due, spoken or not (``reason`` says why not).

    ``kind`` is a goal, "visit" or "sun"; a goal's reminder tells its minutes,
    a visit's when the visit is. The house's own doing: no source.
    """

    type: ClassVar[str] = EVENT_REMINDER
    kind: str
    spoken: bool
    reason: str | None
    minutes_today: int | None = None
    goal: int | None = None
    visit_at: datetime | None = None

    def as_data(self) -> dict[str, Any]:
        """Return the reminder as automations read it."""
        data: dict[str, Any] = {"activity": self.kind, "spoken": self.spoken, "reason": self.reason}
        if self.minutes_today is not None and self.goal is not None:
            data |= {"minutes_today": self.minutes_today, "goal": self.goal}
        if self.visit_at is not None:
            data["visit_at"] = self.visit_at.isoformat()
        return data | {"source": None}


@dataclass(frozen=True, slots=True, kw_only=True)
class CheckIn(SessionEvent):
    """A check-in ended: answered (on a satellite or a phone), or not, and why not.

    ``question`` is "pain" (the answer a level) or "session" (easier, same, harder).
    """

    type: ClassVar[str] = EVENT_CHECK_IN
    question: str
    answer: int | str | None
    channel: str
    reason: str | None = None
    satellite: str | None = None

    def as_data(self) -> dict[str, Any]:
        """Return the check-in as automations read it; the house's own doing, no source."""
        return {
            "question": self.question,
            "answer": self.answer,
            "channel": self.channel,
            "reason": self.reason,
            "satellite": self.satellite,
            "source": None,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Overtime(SessionEvent):
    """Someone is still on the inversion table two minutes past the longest session.

    ``minutes`` upside down, counted from the session's start; the sign told it.
    """

    type: ClassVar[str] = EVENT_OVERTIME
    started_at: datetime
    ended_at: datetime
    minutes: int
    max_inversion: int

    def as_data(self) -> dict[str, Any]:
        """Return the overtime as automations read it."""
        return {
            "activity": str(Activity.INVERSION),
            "started_at": self.started_at.isoformat(),
            "ended_at": self.ended_at.isoformat(),
            "minutes": self.minutes,
            "max_inversion": self.max_inversion,
            "source": str(Source.SIGN),
        }
