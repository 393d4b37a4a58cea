"""Guided routines: timed steps with a spoken cue each.

Plain, typed Python with no Home Assistant imports. A routine is a list of
steps; a step done on each side becomes two. Where a session stands in its
routine follows from the time it has run, so pauses need no bookkeeping.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
import math
from typing import Any


@dataclass(frozen=True, slots=True)
class Step:
    """One step of a routine, as written."""

    name: str
    seconds: int
    cue: str
    per_side: bool = False

    def as_dict(self) -> dict[str, Any]:
        """Return the JSON-ready form."""
        return {
            "name": self.name,
            "seconds": self.seconds,
            "cue": self.cue,
            "per_side": self.per_side,
        }

    @classmethod
    def from_dict(cls, stored: dict[str, Any]) -> Step:
        """Rebuild a step from its JSON form."""
        return cls(
            name=str(stored["name"]),
            seconds=int(stored["seconds"]),
            cue=str(stored.get("cue") or stored["name"]),
            per_side=bool(stored.get("per_side", False)),
        )


@dataclass(frozen=True, slots=True)
class TimedStep:
    """A step as it is done: one side at a time, at an offset from the start."""

    index: int
    name: str
    cue: str
    side: str | None
    starts_after: timedelta
    length: timedelta

    @property
    def ends_after(self) -> timedelta:
        """Return when the step ends, counted from the routine's start."""
        return self.starts_after + self.length


@dataclass(frozen=True, slots=True)
class Routine:
    """A named list of steps."""

    key: str
    name: str
    steps: tuple[Step, ...]

    def timeline(self) -> list[TimedStep]:
        """Return the steps as done, each side of a per-side step in turn."""
        timed: list[TimedStep] = []
        offset = timedelta(0)
        for step in self.steps:
            for side in ("left", "right") if step.per_side else (None,):
                length = timedelta(seconds=step.seconds)
                timed.append(TimedStep(len(timed), step.name, step.cue, side, offset, length))
                offset += length
        return timed

    @property
    def length(self) -> timedelta:
        """Return how long the routine takes."""
        timeline = self.timeline()
        return timeline[-1].ends_after if timeline else timedelta(0)

    @property
    def minutes(self) -> int:
        """Return the session length for this routine, in whole minutes (rounded up)."""
        return max(1, math.ceil(self.length.total_seconds() / 60))

    def step_at(self, run_time: timedelta) -> TimedStep | None:
        """Return the step being done after a given running time, None when done."""
        for step in self.timeline():
            if run_time < step.ends_after:
                return step
        return None

    def as_dict(self) -> dict[str, Any]:
        """Return the JSON-ready form, as kept in the options."""
        return {
            "key": self.key,
            "name": self.name,
            "steps": [step.as_dict() for step in self.steps],
        }

    @classmethod
    def from_dict(cls, stored: dict[str, Any]) -> Routine:
        """Rebuild a routine from its JSON form."""
        steps = tuple(Step.from_dict(step) for step in stored["steps"])
        if not steps or any(step.seconds <= 0 for step in steps):
            raise ValueError("a routine needs steps of at least one second")
        return cls(key=str(stored["key"]), name=str(stored["name"]), steps=steps)


COMFORT = Step(
    "Before you start",
    20,
    "Stretch only to where it feels comfortable, never to where it hurts. "
    "If anything hurts, stop and rest.",
)

BUILT_IN_ROUTINES: dict[str, Routine] = {
    routine.key: routine
    for routine in (
        Routine(
            "gentle_back",
            "Gentle back",
            (
                COMFORT,
                Step("Knees to chest", 45, "Lie on your back and hug both knees to your chest."),
                Step(
                    "Single knee to chest",
                    30,
                    "Bring one knee to your chest, the other leg long.",
                    per_side=True,
                ),
                Step(
                    "Pelvic tilts", 60, "Knees bent, gently flatten your lower back, then let go."
                ),
                Step(
                    "Cat and cow",
                    60,
                    "On hands and knees, round your back slowly, then let it sag.",
                ),
                Step("Child's pose", 60, "Sit back on your heels and rest your forehead down."),
                Step(
                    "Lying twist",
                    30,
                    "Let both knees fall to one side, shoulders on the floor.",
                    per_side=True,
                ),
            ),
        ),
        Routine(
            "core_strength",
            "Core strength",
            (
                COMFORT,
                Step("Dead bug", 45, "On your back, lower one arm and the opposite leg, slowly."),
                Step(
                    "Bird dog",
                    30,
                    "On hands and knees, reach one arm and the other leg long.",
                    per_side=True,
                ),
                Step("Glute bridge", 45, "Feet flat, lift your hips, hold, and lower slowly."),
                Step("Rest", 30, "Rest and breathe."),
                Step(
                    "Side plank on knees",
                    20,
                    "On your side, knees bent, lift your hips.",
                    per_side=True,
                ),
                Step("Forearm plank on knees", 30, "Hold a straight line from knees to head."),
            ),
        ),
        Routine(
            "yoga_wind_down",
            "Yoga wind-down",
            (
                COMFORT,
                Step("Easy seat", 60, "Sit comfortably and take slow breaths."),
                Step(
                    "Seated side bend",
                    30,
                    "Reach one arm over your head and lean gently.",
                    per_side=True,
                ),
                Step("Cat and cow", 60, "On hands and knees, move slowly with your breath."),
                Step("Child's pose", 90, "Sit back on your heels, arms long, and rest."),
                Step("Legs up the wall", 120, "Lie down with your legs resting up the wall."),
                Step("Rest on your back", 120, "Lie still, arms by your sides, and let go."),
            ),
        ),
    )
}


class StepsError(ValueError):
    """A line of a routine's steps that can't be read; line numbers start at 1."""

    def __init__(self, line: int) -> None:
        """Name the line."""
        super().__init__(f"line {line}")
        self.line = line


PER_SIDE_WORDS = frozenset({"each side", "both sides", "per side", "sides"})


def parse_steps(text: str) -> tuple[Step, ...]:
    """Read steps written one a line: ``name | seconds | cue | each side``.

    The cue and the side are optional; the name is spoken when there is no cue.
    """
    steps: list[Step] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        parts = [part.strip() for part in line.split("|")]
        if len(parts) < 2 or not parts[0] or len(parts) > 4:  # noqa: PLR2004
            raise StepsError(number)
        try:
            seconds = int(parts[1])
        except ValueError:
            raise StepsError(number) from None
        if not 1 <= seconds <= 3600:  # noqa: PLR2004
            raise StepsError(number)
        cue = parts[2] if len(parts) > 2 and parts[2] else parts[0]  # noqa: PLR2004
        side = parts[3].casefold() if len(parts) > 3 else ""  # noqa: PLR2004
        if side and side not in PER_SIDE_WORDS:
            raise StepsError(number)
        steps.append(Step(parts[0], seconds, cue, per_side=bool(side)))
    if not steps:
        raise StepsError(1)
    return tuple(steps)
