"""The stored form of one person's routine: what is kept across restarts, and reading it back.

Plain, typed Python with no Home Assistant imports. ``storage`` writes what
``as_stored`` returns into the person's file and gives ``from_stored`` what it
read; the routine itself (``person.PersonRoutine``) knows nothing of files.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..const import DEFAULT_DURATIONS
from .checklist import Checklist
from .day import Activity
from .flare_ups import FlareUps
from .gentle import GentlePlan
from .history import History
from .person import PersonRoutine
from .session import Session
from .visits import PlannedVisits


def as_stored(routine: PersonRoutine) -> dict[str, Any]:
    """Return everything kept of a routine across restarts, JSON-ready."""
    return routine.other_fields | {
        # Today and any past day still changing; closed days live in their years' stores,
        # which the store lists (``storage.YearFiles``).
        "days": routine.history.open_days_as_dict(),
        "session": routine.session.as_dict() if routine.session else None,
        "durations": {str(key): value for key, value in routine.durations.items()},
        "reminders": routine.reminders_enabled,
        **routine.gentle.as_dict(),
        **routine.flare_ups.as_stored(),
        "checklist": routine.checklist.as_list(),
        "rest_snapshot": routine.rest_snapshot,
        "stretch_routine": routine.stretch_routine,
        "scheduled_visits": routine.visits.as_list(),
    }


def from_stored(
    stored: dict[str, Any], default_checklist: Checklist, history: History, today: date
) -> PersonRoutine:
    """Rebuild a routine from its stored form and history; raise if any can't be read."""
    durations = dict(DEFAULT_DURATIONS)
    durations.update(
        {Activity(key): int(value) for key, value in stored.get("durations", {}).items()}
    )
    rest_snapshot = stored.get("rest_snapshot")
    if rest_snapshot is not None and not isinstance(rest_snapshot, dict):
        raise TypeError("rest_snapshot")
    return PersonRoutine(
        history=history,
        session=Session.from_dict(stored["session"]) if stored.get("session") else None,
        durations=durations,
        reminders_enabled=bool(stored.get("reminders", True)),
        gentle=GentlePlan.from_stored(stored),
        flare_ups=FlareUps.from_stored(stored, history, today),
        checklist=Checklist.from_list(stored["checklist"])
        if stored.get("checklist")
        else default_checklist,
        visits=PlannedVisits.from_list(stored.get("scheduled_visits", [])),
        rest_snapshot=rest_snapshot,
        stretch_routine=stored.get("stretch_routine"),
    )
