"""The gentle inversion plan: a short start, one step a day, a step back on a bad day.

Plain, typed Python with no Home Assistant imports. The plan does not keep
the number itself (that is the inversion duration the person sees and can
set); it keeps the local day it last turned to, and tells the caller what
the number becomes as each day closes.

How the plan day turns: at local midnight, and again at every start-up, the
caller hands in today's date. Every day from the plan's day up to yesterday
is then closed, one after the other, from what that day's record says:

- a flare-up day, or a day with a pain level of 7 or more: one step back,
  never below the start (or below a lower number set by hand);
- else a day whose inversion minutes reached that day's number (a session
  that ran to its end, or minutes logged): one step up, to the inversion
  goal at most;
- any other day leaves the number as it is.

The number never rises above the longest inversion session allowed. A day
already closed is never closed again, so turning twice to the same day
changes nothing, and several midnights missed while Home Assistant was down
are caught up in order. Nothing changes the number during the day: a value
set by hand holds for the rest of that day, and the next day the plan
carries on from it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from .day import ONE_DAY
from .goals import is_high_pain

# Days further back than this are not caught up: after a year away the
# record of those days says nothing about today.
MAX_CATCH_UP_DAYS = 366


@dataclass(frozen=True, slots=True)
class PlanSettings:
    """The person's options that shape the plan, in minutes."""

    start_minutes: int
    step_minutes: int
    goal_minutes: int
    max_minutes: int

    @property
    def start(self) -> int:
        """Return where a new person begins, within the cap."""
        return max(1, min(self.start_minutes, self.max_minutes))


@dataclass(frozen=True, slots=True)
class DayFacts:
    """What a closed day says to the plan."""

    inversion_minutes: int = 0
    highest_pain: int | None = None
    flare_up: bool = False

    @property
    def is_bad_day(self) -> bool:
        """Return whether the day asks for a step back."""
        return self.flare_up or (self.highest_pain is not None and is_high_pain(self.highest_pain))


def next_minutes(minutes: int, facts: DayFacts, settings: PlanSettings) -> int:
    """Return the number for the day after a day with these facts."""
    step = settings.step_minutes
    if facts.is_bad_day:
        # Never below the start, unless the person chose less by hand.
        following = max(minutes - step, min(settings.start, minutes), 1)
    elif facts.inversion_minutes >= min(minutes, settings.max_minutes) > 0:
        ceiling = min(settings.goal_minutes, settings.max_minutes)
        # A number set above the goal by hand is not pulled down by a good day.
        following = max(minutes, min(minutes + step, ceiling))
    else:
        following = minutes
    return min(following, settings.max_minutes)


@dataclass(frozen=True, slots=True)
class InversionPlan:
    """Where a person's plan stands. Immutable: each change returns a new one.

    ``day`` is the local day the current number is for; ``moved`` tells
    whether the number has left its start, by the plan or by hand.
    """

    day: date
    moved: bool = False

    @classmethod
    def begin(cls, today: date) -> InversionPlan:
        """Put a person new to the table on the plan."""
        return cls(day=today)

    def turn(
        self,
        minutes: int,
        today: date,
        facts_of: Callable[[date], DayFacts],
        settings: PlanSettings,
    ) -> tuple[InversionPlan, int]:
        """Close every day before today; return the plan and the number for today."""
        if today <= self.day:
            # Already turned (or the clock went back): nothing to close.
            return self, minutes
        day = max(self.day, today - timedelta(days=MAX_CATCH_UP_DAYS))
        following = minutes
        while day < today:
            following = next_minutes(following, facts_of(day), settings)
            day += ONE_DAY
        return replace(self, day=today, moved=self.moved or following != minutes), following

    def set_by_hand(self) -> InversionPlan:
        """Note that the person chose the number; it holds for the rest of the day."""
        return replace(self, moved=True)

    def minutes_for_new_settings(self, minutes: int, settings: PlanSettings) -> int:
        """Return the number after the options changed.

        A plan that hasn't moved yet begins at the new start at once; a
        number the plan or the person has moved stays where it is.
        """
        return minutes if self.moved else settings.start

    def as_dict(self) -> dict[str, Any]:
        """Return the JSON-ready form used for storage."""
        return {"day": self.day.isoformat(), "moved": self.moved}

    @classmethod
    def from_dict(cls, stored: dict[str, Any]) -> InversionPlan:
        """Rebuild the plan from its stored form."""
        return cls(day=date.fromisoformat(stored["day"]), moved=bool(stored.get("moved", False)))
