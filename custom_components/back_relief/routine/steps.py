"""Step timing of a guided routine within its session.

Plain, typed Python with no Home Assistant imports: which step a session is
at, when that step ends, and moving on or back a step.
"""

from __future__ import annotations

from datetime import datetime

from .guided import Routine, TimedStep
from .session import RoutineError, Session


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
