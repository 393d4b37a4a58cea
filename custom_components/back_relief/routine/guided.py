"""Guided routines: timed steps with a spoken cue each.

Plain, typed Python with no Home Assistant imports. A routine is a list of
steps; a step done on each side becomes two. Where a session stands in its
routine follows from the time it has run, so pauses need no bookkeeping.

The built-in routines are written here as timing only; each of their steps
has a key by which the language files give its words (see ``built_in_routine``
and ``Routine.translated``). A person's own routines are spoken as written.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
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


# The built-in routines: each step by its key, with its seconds and whether it is
# done on each side. Their names and words are in the language files.
COMFORT_KEY = "comfort"
BUILT_IN_STEPS: dict[str, tuple[tuple[str, int, bool], ...]] = {
    "gentle_back": (
        (COMFORT_KEY, 20, False),
        ("knees_to_chest", 45, False),
        ("single_knee_to_chest", 30, True),
        ("pelvic_tilts", 60, False),
        ("cat_cow", 60, False),
        ("childs_pose", 60, False),
        ("lying_twist", 30, True),
    ),
    "core_strength": (
        (COMFORT_KEY, 20, False),
        ("dead_bug", 45, False),
        ("bird_dog", 30, True),
        ("glute_bridge", 45, False),
        ("rest", 30, False),
        ("side_plank", 20, True),
        ("forearm_plank", 30, False),
    ),
    "yoga_wind_down": (
        (COMFORT_KEY, 20, False),
        ("easy_seat", 60, False),
        ("seated_side_bend", 30, True),
        ("cat_cow", 60, False),
        ("childs_pose", 90, False),
        ("legs_up_the_wall", 120, False),
        ("rest_on_back", 120, False),
    ),
}


def built_in_routine(key: str, texts: RoutineTexts) -> Routine:
    """Return a built-in routine with its words in one language, which has them all."""
    words = texts["steps"]
    return Routine(
        key,
        texts["name"],
        tuple(
            Step(words[step]["name"], seconds, words[step]["cue"], per_side, key=step)
            for step, seconds, per_side in BUILT_IN_STEPS[key]
        ),
    )


class StepsError(ValueError):
    """A line of a routine's steps that can't be read; line numbers start at 1."""

    def __init__(self, line: int) -> None:
        """Name the line."""
        super().__init__(f"line {line}")
        self.line = line


def parse_steps(text: str, per_side_words: Collection[str]) -> tuple[Step, ...]:
    """Read steps written one a line: ``name | seconds | cue | each side``.

    The cue and the side are optional; the name is spoken when there is no cue.
    ``per_side_words`` are the ways to say "each side", in lower case.
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
        if side and side not in per_side_words:
            raise StepsError(number)
        steps.append(Step(parts[0], seconds, cue, per_side=bool(side)))
    if not steps:
        raise StepsError(1)
    return tuple(steps)
