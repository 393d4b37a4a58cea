"""Step timing of a guided routine within its session.

Plain, typed Python with no Home Assistant imports: which step a session is
at, when that step ends, moving on or back a step, and what the step event tells.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from .guided import Routine, TimedStep
from .session import RoutineError, Session
from .source import Source


def session_event_data(session: Session, source: Source | None = None) -> dict[str, Any]:
    """Return what every session event tells about the session, and what caused it.

    Without a source, the event comes from the session itself (its end, its
    next step): it carries the source that started the session.
    """
    return {
        "activity": str(session.activity),
        "planned_minutes": session.planned_minutes,
        "started_at": session.started_at.isoformat(),
        "ends_at": session.ends_at.isoformat(),
        "routine": session.routine,
        "source": str(cause) if (cause := source or session.source) else None,
    }


def current_step(
    session: Session | None, routine: Routine | None, now: datetime
) -> TimedStep | None:
    """Return the step the session's guided routine is at, if any."""
    if session is None or routine is None:
        return None
    return routine.step_at(session.routine_time(now))


def step_ends_at(session: Session, step: TimedStep, now: datetime) -> datetime | None:
    """Return when a step of the session ends; None while paused."""
    if session.is_paused:
        return None
    return now + (step.ends_after - session.routine_time(now))


def step_count(routine: Routine | None) -> int:
    """Return how many steps a guided routine has, each side counted."""
    return len(routine.timeline()) if routine else 0


def move_in_routine(
    session: Session, routine: Routine | None, now: datetime, *, forward: bool
) -> Session:
    """Go on to the next step now, or start the current step again; refuse without a step.

    On from the last step, the routine is done, whatever minutes were left.
    """
    if (step := current_step(session, routine, now)) is None:
        raise RoutineError("no_guided_routine")
    position = session.routine_time(now)
    if not forward:
        return session.shift_routine(step.starts_after - position)
    if step.index + 1 < step_count(routine):
        return session.shift_routine(step.ends_after - position)
    return session.shift_routine(session.remaining(now))


def next_step_change(session: Session, routine: Routine | None, now: datetime) -> datetime | None:
    """Return when a running session moves on to its next step; None at the last one."""
    if (step := current_step(session, routine, now)) is None:
        return None
    step_ends = step_ends_at(session, step, now)
    return step_ends if step_ends is not None and step_ends < session.ends_at else None


def step_event_data(
    session: Session, step: TimedStep, now: datetime, source: Source | None = None
) -> dict[str, Any]:
    """Return what the step event tells: the session, and the step it is at."""
    step_ends = step_ends_at(session, step, now)
    return {
        **session_event_data(session, source),
        "step": step.index,
        "name": step.name,
        "side": step.side,
        "cue": step.cue,
        "step_ends_at": step_ends.isoformat() if step_ends else None,
    }
