"""Guided routines: timed steps with a spoken cue each.

Plain, typed Python with no Home Assistant imports. A routine is a list of
steps; a step done on each side becomes two. Where a session stands in its
routine follows from the time it has run, so pauses need no bookkeeping.

The built-in routines are written here in English; each of their steps has a
key by which other languages give its words (see ``Routine.translated``). A
person's own routines are spoken as written.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import timedelta
import math
from typing import Any, TypedDict


class StepTexts(TypedDict):
    """A step's words in one language."""

    name: str
    cue: str


class RoutineTexts(TypedDict, total=False):
    """A built-in routine's words in one language, its steps by key."""

    name: str
    steps: Mapping[str, StepTexts]


@dataclass(frozen=True, slots=True)
class Step:
    """One step of a routine, as written."""

    name: str
    seconds: int
    cue: str
    per_side: bool = False
    # Built-in steps only: finds the step's words in other languages.
    key: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """Return the JSON-ready form."""
        stored: dict[str, Any] = {
            "name": self.name,
            "seconds": self.seconds,
            "cue": self.cue,
            "per_side": self.per_side,
        }
        if self.key is not None:
            stored["key"] = self.key
        return stored

    @classmethod
    def from_dict(cls, stored: dict[str, Any]) -> Step:
        """Rebuild a step from its JSON form."""
        return cls(
            name=str(stored["name"]),
            seconds=int(stored["seconds"]),
            cue=str(stored.get("cue") or stored["name"]),
            per_side=bool(stored.get("per_side", False)),
            key=str(stored["key"]) if stored.get("key") else None,
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

    def translated(self, texts: RoutineTexts) -> Routine:
        """Return the routine in another language; what has no words there stays as written."""
        steps = texts.get("steps", {})
        return replace(
            self,
            name=texts.get("name", self.name),
            steps=tuple(
                replace(step, name=words["name"], cue=words["cue"])
                if step.key is not None and (words := steps.get(step.key)) is not None
                else step
                for step in self.steps
            ),
        )

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
    key="comfort",
)

BUILT_IN_ROUTINES: dict[str, Routine] = {
    routine.key: routine
    for routine in (
        Routine(
            "gentle_back",
            "Gentle back",
            (
                COMFORT,
                Step(
                    "Knees to chest",
                    45,
                    "Lie on your back and hug both knees to your chest.",
                    key="knees_to_chest",
                ),
                Step(
                    "Single knee to chest",
                    30,
                    "Bring one knee to your chest, the other leg long.",
                    per_side=True,
                    key="single_knee_to_chest",
                ),
                Step(
                    "Pelvic tilts",
                    60,
                    "Knees bent, gently flatten your lower back, then let go.",
                    key="pelvic_tilts",
                ),
                Step(
                    "Cat and cow",
                    60,
                    "On hands and knees, round your back slowly, then let it sag.",
                    key="cat_cow",
                ),
                Step(
                    "Child's pose",
                    60,
                    "Sit back on your heels and rest your forehead down.",
                    key="childs_pose",
                ),
                Step(
                    "Lying twist",
                    30,
                    "Let both knees fall to one side, shoulders on the floor.",
                    per_side=True,
                    key="lying_twist",
                ),
            ),
        ),
        Routine(
            "core_strength",
            "Core strength",
            (
                COMFORT,
                Step(
                    "Dead bug",
                    45,
                    "On your back, lower one arm and the opposite leg, slowly.",
                    key="dead_bug",
                ),
                Step(
                    "Bird dog",
                    30,
                    "On hands and knees, reach one arm and the other leg long.",
                    per_side=True,
                    key="bird_dog",
                ),
                Step(
                    "Glute bridge",
                    45,
                    "Feet flat, lift your hips, hold, and lower slowly.",
                    key="glute_bridge",
                ),
                Step("Rest", 30, "Rest and breathe.", key="rest"),
                Step(
                    "Side plank on knees",
                    20,
                    "On your side, knees bent, lift your hips.",
                    per_side=True,
                    key="side_plank",
                ),
                Step(
                    "Forearm plank on knees",
                    30,
                    "Hold a straight line from knees to head.",
                    key="forearm_plank",
                ),
            ),
        ),
        Routine(
            "yoga_wind_down",
            "Yoga wind-down",
            (
                COMFORT,
                Step("Easy seat", 60, "Sit comfortably and take slow breaths.", key="easy_seat"),
                Step(
                    "Seated side bend",
                    30,
                    "Reach one arm over your head and lean gently.",
                    per_side=True,
                    key="seated_side_bend",
                ),
                Step(
                    "Cat and cow",
                    60,
                    "On hands and knees, move slowly with your breath.",
                    key="cat_cow",
                ),
                Step(
                    "Child's pose",
                    90,
                    "Sit back on your heels, arms long, and rest.",
                    key="childs_pose",
                ),
                Step(
                    "Legs up the wall",
                    120,
                    "Lie down with your legs resting up the wall.",
                    key="legs_up_the_wall",
                ),
                Step(
                    "Rest on your back",
                    120,
                    "Lie still, arms by your sides, and let go.",
                    key="rest_on_back",
                ),
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


# "each side" in the languages Back Relief speaks, as the options flow suggests it.
PER_SIDE_WORDS = frozenset(
    {
        *("each side", "both sides", "per side", "sides"),
        *("jede seite", "beide seiten", "pro seite", "seiten"),
        *("chaque côté", "les deux côtés", "par côté", "côtés"),
        *("cada lado", "ambos lados", "por lado", "lados"),
        *("elke kant", "beide kanten", "per kant", "kanten"),
    }
)


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
