"""The product's rules about goals and pain: one definition each, read by every reader.

Plain, typed Python with no Home Assistant imports. Which activities count
toward which goal is ``Goal.activities`` (stretching is exercise too); the rest
is here:

- a day's goal: the configured minutes; for inversion, on the gentle plan, the
  plan's minutes for that day while they are below the configured goal;
- a goal met: a day's minutes toward it reach the day's goal; days before the
  person's first day are neither met nor missed;
- a day's pain: the mean of the levels logged that day; pain over several days
  is the mean of the days' means, so a day counts once however often pain was
  logged on it;
- high pain: 7 or more.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from .day import DayLog, Goal

HIGH_PAIN = 7


def reaches(minutes: int, goal_minutes: int) -> bool:
    """Return whether minutes toward a goal meet it: the one definition of "goal met"."""
    return minutes >= goal_minutes


def is_high_pain(level: int) -> bool:
    """Return whether a pain level is high: a step back on the plan, a word of care."""
    return level >= HIGH_PAIN


def day_pain(levels: Sequence[int]) -> float | None:
    """Return a day's pain: the mean of its levels, unrounded; None without any."""
    return sum(levels) / len(levels) if levels else None


def pain_mean(logs: Iterable[DayLog]) -> float | None:
    """Return the pain of several days: the mean of the days' means, to one decimal."""
    means = [mean for log in logs if (mean := day_pain([e.level for e in log.pain])) is not None]
    return round(sum(means) / len(means), 1) if means else None


@dataclass(frozen=True, slots=True)
class DayGoals:
    """What each day asks of each goal, for one person.

    ``configured`` holds the goals of the options; ``planned`` the gentle plan's
    inversion minutes of the days it asked less; ``first_day`` the person's first
    day (days before it are neither met nor missed).
    """

    configured: Mapping[Goal, int]
    planned: Mapping[date, int] = field(default_factory=dict)
    first_day: date | None = None

    def of(self, goal: Goal, day: date) -> int:
        """Return a day's goal in minutes."""
        goal_minutes = self.configured[goal]
        if goal is Goal.INVERSION and (planned := self.planned.get(day)) is not None:
            return min(goal_minutes, planned)
        return goal_minutes

    def lowered(self, goal: Goal) -> dict[date, int]:
        """Return the days whose goal is below the configured one, with that goal."""
        if goal is not Goal.INVERSION:
            return {}
        return {
            day: minutes
            for day, minutes in self.planned.items()
            if minutes < self.configured[Goal.INVERSION]
        }

    def counts(self, day: date) -> bool:
        """Return whether a day counts at all: it is not before the first day."""
        return self.first_day is None or day >= self.first_day

    def met(self, goal: Goal, day: date, log: DayLog) -> bool:
        """Return whether a day met a goal (see ``reaches``)."""
        return reaches(log.goal_minutes(goal), self.of(goal, day))

    def goals_met(self, day: date, log: DayLog) -> frozenset[Goal]:
        """Return the goals a day met."""
        return frozenset(goal for goal in Goal if self.met(goal, day, log))

    def met_or_none(self, day: date, log: DayLog) -> dict[str, bool] | None:
        """Return whether each goal was met, JSON-ready; None before the first day."""
        if not self.counts(day):
            return None
        return {str(goal): self.met(goal, day, log) for goal in Goal}

    def days_meeting(self, goal: Goal, days: Iterable[tuple[date, DayLog]]) -> int:
        """Return on how many of the days given a goal was met."""
        return sum(self.met(goal, day, log) for day, log in days if self.counts(day))
