"""A person's gentle plan: the inversion plan and the flare-up ranges, kept with the history.

Plain, typed Python with no Home Assistant imports. The caller hands in the
history, the duration numbers, today's local date and the settings; this
keeps the flare-up marks of the history and the inversion number in step
with the plan's rules (see ``plan`` and ``flare_ups``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from .day import Activity, Goal
from .flare_ups import FlareUps
from .history import History
from .plan import MAX_CATCH_UP_DAYS, DayFacts, InversionPlan, PlanSettings, next_minutes


@dataclass(slots=True)
class GentlePlan:
    """One person's inversion plan (None when they aren't on it) and flare-up ranges."""

    plan: InversionPlan | None = None
    flare_ups: FlareUps = field(default_factory=FlareUps)

    @classmethod
    def for_new_person(
        cls, durations: dict[Activity, int], today: date, settings: PlanSettings
    ) -> GentlePlan:
        """Put a person new to the table on the plan: the number begins at the start."""
        durations[Activity.INVERSION] = settings.start
        return cls(plan=InversionPlan.begin(today))

    @classmethod
    def from_stored(cls, stored: dict[str, Any], history: History, today: date) -> GentlePlan:
        """Rebuild from the stored routine; a person stored without a plan stays off it."""
        plan = InversionPlan.from_dict(stored["plan"]) if stored.get("plan") else None
        if "flare_ups" in stored:
            return cls(plan, FlareUps.from_list(stored["flare_ups"]))
        flare_ups = FlareUps()
        if stored.get("flare_up"):
            # Stored by a version with only the switch: it was on since the
            # last day it marked.
            marked = [
                day
                for day, log in history.days_between(
                    today - timedelta(days=MAX_CATCH_UP_DAYS), today
                )
                if log.flare_up
            ]
            flare_ups = FlareUps().turn_on(marked[-1] if marked else today)
        return cls(plan, flare_ups)

    def as_dict(self) -> dict[str, Any]:
        """Return the JSON-ready form, stored beside the rest of the routine."""
        return {
            "plan": self.plan.as_dict() if self.plan else None,
            "flare_ups": self.flare_ups.as_list(),
            # The switch as a version without ranges reads it, should one be put back.
            "flare_up": any(flare_up.end is None for flare_up in self.flare_ups.ranges),
        }

    # ----- the day -----

    def facts(self, history: History, day: date) -> DayFacts:
        """Return what a day's record says to the plan."""
        log = history.get(day)
        return DayFacts(
            inversion_minutes=log.minutes.get(Activity.INVERSION, 0),
            highest_pain=max((entry.level for entry in log.pain), default=None),
            flare_up=log.flare_up or self.flare_ups.covers(day),
        )

    def turn_day(
        self,
        history: History,
        durations: dict[Activity, int],
        today: date,
        settings: PlanSettings,
    ) -> bool:
        """Bring the history and the number up to today; return whether anything changed.

        Safe to call at any time and as often as wished: at midnight, at
        start-up after days away, twice in a row.
        """
        changed = self._mark_flare_up_days(history, today)
        if self.plan is not None:
            minutes = durations[Activity.INVERSION]
            plan, following = self.plan.turn(
                minutes, today, lambda day: self.facts(history, day), settings
            )
            changed = changed or plan != self.plan or following != minutes
            self.plan = plan
            durations[Activity.INVERSION] = following
        return changed

    def _mark_flare_up_days(self, history: History, today: date) -> bool:
        """Pause each flare-up day up to today; later days are paused as they come."""
        first = today - timedelta(days=MAX_CATCH_UP_DAYS)
        unmarked = [
            day
            for day in self.flare_ups.days_covered(first, today)
            if not history.get(day).flare_up
        ]
        for day in unmarked:
            history.edit(day).flare_up = True
        return bool(unmarked)

    def tomorrow(
        self, history: History, minutes: int, today: date, settings: PlanSettings
    ) -> int | None:
        """Return tomorrow's number as today stands so far; None off the plan."""
        if self.plan is None:
            return None
        return next_minutes(minutes, self.facts(history, today), settings)

    def day_goal(self, goal: Goal, goal_minutes: int, durations: dict[Activity, int]) -> int:
        """Return what a day asks of a goal: on the plan, inversion asks the day's length only."""
        if goal is Goal.INVERSION and self.plan is not None:
            return min(goal_minutes, durations[Activity.INVERSION])
        return goal_minutes

    # ----- changes -----

    def set_by_hand(self, activity: Activity) -> None:
        """Note a number set by hand: it holds for the rest of the day."""
        if activity is Activity.INVERSION and self.plan is not None:
            self.plan = self.plan.set_by_hand()

    def apply_settings(self, durations: dict[Activity, int], settings: PlanSettings) -> None:
        """Let a new start apply at once to a plan that hasn't moved yet."""
        if self.plan is not None:
            durations[Activity.INVERSION] = self.plan.minutes_for_new_settings(
                durations[Activity.INVERSION], settings
            )

    def set_flare_up(self, history: History, today: date, *, on: bool) -> None:
        """Turn the flare-up switch on or off for today."""
        self.flare_ups = self.flare_ups.turn_on(today) if on else self.flare_ups.turn_off(today)
        self._mark_flare_up_days(history, today)

    def add_flare_up(
        self, history: History, start: date, end: date | None, note: str | None, today: date
    ) -> None:
        """Mark a range of flare-up days; a refused range changes nothing."""
        self.flare_ups = self.flare_ups.add(start, end, note, today)
        self._mark_flare_up_days(history, today)
