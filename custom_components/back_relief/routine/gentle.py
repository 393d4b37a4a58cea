"""A person's gentle plan: the inversion number kept in step with the history.

Plain, typed Python with no Home Assistant imports. The caller hands in the
history, the duration numbers, today's local date, the settings and the
flare-ups (a flare-up day is a bad day for the plan); this keeps the inversion
number in step with the plan's rules (see ``plan``) and remembers the number
of each day it asked less than the goal: that day's inversion goal (see
``goals.DayGoals``).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from .day import ONE_DAY, Activity
from .flare_ups import FlareUps
from .history import History
from .plan import MAX_CATCH_UP_DAYS, DayFacts, InversionPlan, PlanSettings, next_minutes


@dataclass(slots=True)
class GentlePlan:
    """One person's inversion plan (None when they aren't on it) and its numbers of past days."""

    plan: InversionPlan | None = None
    # The number of each past day on the plan that was below the goal.
    days: dict[date, int] = field(default_factory=dict)

    @classmethod
    def for_new_person(
        cls, durations: dict[Activity, int], today: date, settings: PlanSettings
    ) -> GentlePlan:
        """Put a person new to the table on the plan: the number begins at the start."""
        durations[Activity.INVERSION] = settings.start
        return cls(plan=InversionPlan.begin(today))

    @classmethod
    def from_stored(cls, stored: dict[str, Any]) -> GentlePlan:
        """Rebuild from the stored routine; a person stored without a plan stays off it."""
        plan = InversionPlan.from_dict(stored["plan"]) if stored.get("plan") else None
        days = {
            date.fromisoformat(day): int(minutes)
            for day, minutes in (stored.get("plan_days") or {}).items()
        }
        return cls(plan, days)

    def as_dict(self) -> dict[str, Any]:
        """Return the JSON-ready form, stored beside the rest of the routine."""
        stored: dict[str, Any] = {"plan": self.plan.as_dict() if self.plan else None}
        if self.days:
            stored["plan_days"] = {day.isoformat(): minutes for day, minutes in self.days.items()}
        return stored

    # ----- the day -----

    @staticmethod
    def facts(history: History, day: date, flare_ups: FlareUps) -> DayFacts:
        """Return what a day's record says to the plan."""
        log = history.get(day)
        return DayFacts(
            inversion_minutes=log.minutes.get(Activity.INVERSION, 0),
            highest_pain=max((entry.level for entry in log.pain), default=None),
            flare_up=log.flare_up or flare_ups.covers(day),
        )

    def turn_day(
        self,
        history: History,
        durations: dict[Activity, int],
        today: date,
        settings: PlanSettings,
        flare_ups: FlareUps,
    ) -> bool:
        """Bring the number up to today; return whether anything changed.

        Safe to call at any time and as often as wished: at midnight, at
        start-up after days away, twice in a row.
        """
        if self.plan is None or today <= self.plan.day:
            # Off the plan, already turned, or the clock went back: nothing to close.
            return False
        before, minutes = self.plan, durations[Activity.INVERSION]
        # One day at a time, to keep each closed day's number (the plan's own catch-up limit).
        plan = replace(before, day=max(before.day, today - timedelta(days=MAX_CATCH_UP_DAYS)))
        following = minutes
        while plan.day < today:
            if following < settings.goal_minutes:
                # The day asked less than the goal: its goal, kept for the streak.
                self.days[plan.day] = following
            plan, following = plan.turn(
                following,
                plan.day + ONE_DAY,
                lambda day: self.facts(history, day, flare_ups),
                settings,
            )
        self.plan = replace(plan, moved=before.moved or following != minutes)
        durations[Activity.INVERSION] = following
        return True

    def planned(self, durations: dict[Activity, int]) -> dict[date, int]:
        """Return the plan's number of each day it is known for: past days and today's."""
        if self.plan is None:
            return dict(self.days)
        return {**self.days, self.plan.day: durations[Activity.INVERSION]}

    def tomorrow(
        self,
        history: History,
        minutes: int,
        today: date,
        settings: PlanSettings,
        flare_ups: FlareUps,
    ) -> int | None:
        """Return tomorrow's number as today stands so far; None off the plan."""
        if self.plan is None:
            return None
        return next_minutes(minutes, self.facts(history, today, flare_ups), settings)

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
