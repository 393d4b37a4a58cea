"""What is kept of one person's routine, and its stored form.

Plain, typed Python with no Home Assistant imports. The rules that change it
live in ``person.PersonRoutine``, which builds on this.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Self

from ..const import DEFAULT_DURATIONS
from .checklist import Checklist
from .day import Activity
from .flare_ups import FlareUps
from .gentle import GentlePlan
from .history import History
from .plan import PlanSettings
from .session import Session
from .undo import EndedSession
from .visits import PlannedVisits


@dataclass(slots=True)
class PersonState:
    """Everything kept of one person's routine."""

    history: History = field(default_factory=History)
    session: Session | None = None
    durations: dict[Activity, int] = field(default_factory=lambda: dict(DEFAULT_DURATIONS))
    reminders_enabled: bool = True
    # The inversion plan, for someone new to the table.
    gentle: GentlePlan = field(default_factory=GentlePlan)
    # The flare-up ranges: every day in one is paused.
    flare_ups: FlareUps = field(default_factory=FlareUps)
    checklist: Checklist = field(default_factory=Checklist)
    visits: PlannedVisits = field(default_factory=PlannedVisits)
    # How each rest light was before a rest session dimmed it.
    rest_snapshot: dict[str, dict[str, Any]] | None = None
    # The routine the stretch button starts, None for a plain timer.
    stretch_routine: str | None = None
    # What a newer version stored that this one doesn't know: written back as it was.
    other_fields: dict[str, Any] = field(default_factory=dict)
    # The session last stopped or cancelled, while it may be undone; not stored: a
    # restart within the two minutes forgets it.
    ended: EndedSession | None = None

    # ----- stored form -----

    def as_stored(self) -> dict[str, Any]:
        """Return everything kept across restarts, JSON-ready."""
        return self.other_fields | {
            # Today and any past day still changing; closed days live in their years' stores,
            # which the store lists (``storage.YearFiles``).
            "days": self.history.open_days_as_dict(),
            "session": self.session.as_dict() if self.session else None,
            "durations": {str(key): value for key, value in self.durations.items()},
            "reminders": self.reminders_enabled,
            **self.gentle.as_dict(),
            **self.flare_ups.as_stored(),
            "checklist": self.checklist.as_list(),
            "rest_snapshot": self.rest_snapshot,
            "stretch_routine": self.stretch_routine,
            "scheduled_visits": self.visits.as_list(),
        }

    @classmethod
    def for_new_person(cls, checklist: Checklist, today: date, settings: PlanSettings) -> Self:
        """Return the routine of someone new: their inversion follows the gentle plan."""
        routine = cls(checklist=checklist)
        routine.gentle = GentlePlan.for_new_person(routine.durations, today, settings)
        return routine

    @classmethod
    def from_stored(
        cls, stored: dict[str, Any], default_checklist: Checklist, history: History, today: date
    ) -> Self:
        """Rebuild the routine from its stored form and history; raise if any can't be read."""
        durations = dict(DEFAULT_DURATIONS)
        durations.update(
            {Activity(key): int(value) for key, value in stored.get("durations", {}).items()}
        )
        rest_snapshot = stored.get("rest_snapshot")
        if rest_snapshot is not None and not isinstance(rest_snapshot, dict):
            raise TypeError("rest_snapshot")
        return cls(
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
