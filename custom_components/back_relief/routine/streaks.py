"""Streaks kept day by day, so that a change costs the same with any history.

Plain, typed Python with no Home Assistant imports. Each day is a position
(its ordinal) with the minutes it holds toward each goal, whether anything
was recorded that day, and whether it was a flare-up day. For each goal and
goal length the run of days ending at every day is kept, with the best run
so far; a change of a day makes the runs from that day on stale, and only
those are counted again when next asked. Days before a change never change
their contribution, so a day logged today costs one step, a day logged 60
days back sixty, and a new goal length one pass.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from .goals import reaches

RECORDED = 1
# Runs and minutes are kept in two bytes: 179 years of days, 65535 minutes a day.
MAX_MINUTES = 0xFFFF
PAUSED = 2


@dataclass(frozen=True, slots=True)
class Streak:
    """A goal's streak as of one day."""

    current: int
    best: int
    today_met: bool


@dataclass(slots=True)
class _Runs:
    """The runs of one goal length: the run ending at each day and the best up to it."""

    run: array[int] = field(default_factory=lambda: array("H"))
    best: array[int] = field(default_factory=lambda: array("H"))
    # The last day at or before each day that broke the run (-1: none).
    broke: array[int] = field(default_factory=lambda: array("i"))
    # How many leading days are counted and still true.
    valid: int = 0


class StreakIndex:
    """Every day's minutes toward each goal, and the runs that make streaks."""

    def __init__(self) -> None:
        """Start with no days."""
        self._first: int | None = None
        self._minutes: dict[str, array[int]] = {}
        self._flags = bytearray()
        self._runs: dict[str, tuple[int, dict[int, int], _Runs]] = {}

    def __len__(self) -> int:
        """Return how many days the index spans."""
        return len(self._flags)

    def reserve(self, first: int, last: int) -> None:
        """Make room for the days from first to last at once (a bulk load)."""
        self._position(first)
        self._position(last)

    def _position(self, ordinal: int) -> int:
        """Return a day's position, making room for it."""
        if self._first is not None and 0 <= ordinal - self._first < len(self._flags):
            return ordinal - self._first
        if self._first is None:
            self._first = ordinal
        if ordinal < self._first:
            # A day before the first: rare (a day logged back, or the first load).
            shift = self._first - ordinal
            self._flags[0:0] = bytes(shift)
            for goal, minutes in self._minutes.items():
                self._minutes[goal] = array("H", bytes(2 * shift)) + minutes
            self._first = ordinal
            self._runs.clear()
        position = ordinal - self._first
        if position >= len(self._flags):
            grow = position + 1 - len(self._flags)
            self._flags.extend(bytes(grow))
            for minutes in self._minutes.values():
                minutes.extend(array("H", bytes(2 * grow)))
        return position

    def set_day(self, ordinal: int, minutes: Iterable[tuple[str, int]], *, paused: bool) -> None:
        """Record what a day holds; the runs from that day on are counted again."""
        position = self._position(ordinal)
        for goal, value in minutes:
            column = self._minutes.get(goal)
            if column is None:
                column = self._minutes[goal] = array("H", bytes(2 * len(self._flags)))
            # Beyond any goal (at most 600): the same answer, in two bytes a day.
            column[position] = min(value, MAX_MINUTES)
        self._flags[position] = RECORDED | (PAUSED if paused else 0)
        for _, _, runs in self._runs.values():
            runs.valid = min(runs.valid, position)

    def streak(
        self,
        goal: str,
        goal_minutes: int,
        today: int,
        *,
        paused: Callable[[int], bool] | None = None,
        lowered: Mapping[int, int] | None = None,
    ) -> Streak:
        """Return a goal's streak as of today.

        The streak ends today when today already meets the goal, else
        yesterday: a day is not lost before it is over. Flare-up days neither
        break nor extend it; a day without any record breaks it. ``paused``
        tells flare-up days not marked yet: they are the latest days (a clock
        jump, before the tick that marks them), so they are looked at from the
        streak's end back, and where a run broke. ``lowered`` holds the days
        (by ordinal) that asked less than ``goal_minutes``, with what they asked.
        """
        lowered = lowered or {}
        if self._first is None and paused is None:
            return Streak(0, 0, today_met=reaches(0, lowered.get(today, goal_minutes)))
        self._position(today)
        assert self._first is not None  # noqa: S101 - made room for today just now
        runs = self._counted(goal, goal_minutes, lowered)
        position = today - self._first
        today_met = reaches(self._minutes_of(goal, position), lowered.get(today, goal_minutes))
        end = position if today_met else position - 1
        current = 0
        while end >= 0:
            if paused is not None and paused(self._first + end):
                end -= 1  # paused, marked or not: neither breaks nor extends
                continue
            current += runs.run[end]
            broke = runs.broke[end]
            if broke < 0 or paused is None or not paused(self._first + broke):
                break
            end = broke - 1  # a flare-up day not marked yet breaks nothing
        return Streak(current=current, best=max(current, runs.best[-1]), today_met=today_met)

    def _minutes_of(self, goal: str, position: int) -> int:
        column = self._minutes.get(goal)
        return column[position] if column is not None and position >= 0 else 0

    def _counted(self, goal: str, goal_minutes: int, lowered: Mapping[int, int]) -> _Runs:
        """Return the runs of a goal length, counted up to the last day."""
        kept = self._runs.get(goal)
        if kept is None or kept[0] != goal_minutes:
            # One goal length at a time: a new length is counted once, from the start.
            kept = self._runs[goal] = (goal_minutes, dict(lowered), _Runs())
        runs = kept[2]
        if kept[1] != lowered:
            # A day's lowered goal changed: the runs from the earliest such day on are stale.
            changed = {
                ordinal
                for ordinal in kept[1].keys() | lowered.keys()
                if kept[1].get(ordinal) != lowered.get(ordinal)
            }
            assert self._first is not None  # noqa: S101 - counted only once a day is known
            runs.valid = max(0, min(runs.valid, min(changed) - self._first))
            self._runs[goal] = (goal_minutes, dict(lowered), runs)
        days = len(self._flags)
        if runs.valid == days:
            return runs
        del runs.run[runs.valid :]
        del runs.best[runs.valid :]
        del runs.broke[runs.valid :]
        column = self._minutes.get(goal) or array("H", bytes(2 * days))
        run = runs.run[-1] if runs.run else 0
        best = runs.best[-1] if runs.best else 0
        broke = runs.broke[-1] if runs.broke else -1
        flags = self._flags
        first = self._first or 0
        for position in range(runs.valid, days):
            flag = flags[position]
            if not flag & RECORDED:
                run, broke = 0, position
            elif flag & PAUSED:
                pass
            elif reaches(column[position], lowered.get(first + position, goal_minutes)):
                run += 1
            else:
                run, broke = 0, position
            best = max(best, run)
            runs.run.append(run)
            runs.best.append(best)
            runs.broke.append(broke)
        runs.valid = days
        return runs
