"""A person's settings: every option, its default and its type, in one place.

Plain, typed Python with no Home Assistant imports. ``Settings.from_options``
reads the options as Home Assistant keeps them (``entry.options``) once per
update; everything else reads the typed fields. An option that was never set
takes the default given here; one stored as None (an option on by default
that the person cleared) is off.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from datetime import time
from typing import Any

from ..const import (
    CONF_CHECKIN_AFTER_SESSION,
    CONF_CHECKIN_TIME,
    CONF_EXERCISE_GOAL,
    CONF_FLASH_ON_INVERSION_END,
    CONF_INVERSION_GOAL,
    CONF_INVERSION_START_MINUTES,
    CONF_INVERSION_STEP_MINUTES,
    CONF_MAX_INVERSION,
    CONF_NOTIFY_DEVICES,
    CONF_NOTIFY_ENTITY,
    CONF_ONLY_WHEN_HOME,
    CONF_QUIET_END,
    CONF_QUIET_START,
    CONF_REMINDER_EXERCISE,
    CONF_REMINDER_INVERSION,
    CONF_REMINDER_REST,
    CONF_REMINDER_SUN,
    CONF_REMINDER_VISIT,
    CONF_REST_BRIGHTNESS,
    CONF_REST_GOAL,
    CONF_REST_LIGHTS,
    CONF_ROUTINES,
    CONF_SIGN_START_SECONDS,
    CONF_SIGN_STOP_SECONDS,
    CONF_SPEAKERS,
    CONF_TTS_ENTITY,
    CONF_WEATHER_ENTITY,
    CONF_WEEKLY_SUMMARY,
    REMINDER_SUN,
    REMINDER_VISIT,
    SIGN_ABOVE_OPTIONS,
    SIGN_OPTIONS,
    TAG_OPTIONS,
)
from .day import Activity, Goal
from .guided import Routine
from .plan import PlanSettings


def _whole(value: Any) -> int:
    return int(value)


def _flag(value: Any) -> bool:
    return bool(value)


def _text(value: Any) -> str | None:
    return str(value) if value else None


def _time(value: Any) -> time | None:
    return time.fromisoformat(value) if value else None


def _decimal(value: Any) -> float | None:
    return float(value) if value is not None and value != "" else None


def _ids(value: Any) -> tuple[str, ...]:
    return tuple(str(item) for item in value or ())


def _routines(value: Any) -> tuple[Routine, ...]:
    return tuple(Routine.from_dict(stored) for stored in value or ())


def _option(key: str, read: Callable[[Any], Any]) -> dict[str, Any]:
    """Return what a setting's field knows of its option: the key, and how it is read."""
    return {"key": key, "read": read}


def _number(key: str, read: Callable[[Any], Any] = _whole) -> dict[str, Any]:
    """Return the same for a setting that can't be off: stored as None, it is its default."""
    return {"key": key, "read": read, "always": True}


@dataclass(frozen=True, slots=True)
class NotifyTargets:
    """The one notify setting: where the person's notifications go.

    A notify entity (``notify_entity``) and the person's phones, ``mobile_app``
    devices (``notify_devices``): two option keys, read into one setting.
    """

    entity: str | None = None
    devices: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """A person's options, typed, with their defaults."""

    exercise_goal: int = field(default=20, metadata=_number(CONF_EXERCISE_GOAL))
    rest_goal: int = field(default=15, metadata=_number(CONF_REST_GOAL))
    inversion_goal: int = field(default=15, metadata=_number(CONF_INVERSION_GOAL))
    max_inversion: int = field(default=30, metadata=_number(CONF_MAX_INVERSION))
    inversion_start_minutes: int = field(default=2, metadata=_number(CONF_INVERSION_START_MINUTES))
    inversion_step_minutes: int = field(default=1, metadata=_number(CONF_INVERSION_STEP_MINUTES))
    speakers: tuple[str, ...] = field(default=(), metadata=_option(CONF_SPEAKERS, _ids))
    tts_entity: str | None = field(default=None, metadata=_option(CONF_TTS_ENTITY, _text))
    rest_lights: tuple[str, ...] = field(default=(), metadata=_option(CONF_REST_LIGHTS, _ids))
    rest_brightness: int = field(default=20, metadata=_number(CONF_REST_BRIGHTNESS))
    quiet_start: time = field(default=time(22), metadata=_number(CONF_QUIET_START, _time))
    quiet_end: time = field(default=time(7), metadata=_number(CONF_QUIET_END, _time))
    reminder_exercise: time | None = field(
        default=None, metadata=_option(CONF_REMINDER_EXERCISE, _time)
    )
    reminder_inversion: time | None = field(
        default=None, metadata=_option(CONF_REMINDER_INVERSION, _time)
    )
    reminder_rest: time | None = field(default=None, metadata=_option(CONF_REMINDER_REST, _time))
    reminder_visit: time | None = field(
        default=time(18), metadata=_option(CONF_REMINDER_VISIT, _time)
    )
    reminder_sun: time | None = field(default=None, metadata=_option(CONF_REMINDER_SUN, _time))
    only_when_home: bool = field(default=True, metadata=_option(CONF_ONLY_WHEN_HOME, _flag))
    flash_on_inversion_end: bool = field(
        default=False, metadata=_option(CONF_FLASH_ON_INVERSION_END, _flag)
    )
    routines: tuple[Routine, ...] = field(default=(), metadata=_option(CONF_ROUTINES, _routines))
    weather_entity: str | None = field(default=None, metadata=_option(CONF_WEATHER_ENTITY, _text))
    # How the weekly summary is given: "speak", "notify", or None for not at all.
    weekly_summary: str | None = field(default=None, metadata=_option(CONF_WEEKLY_SUMMARY, _text))
    notify_entity: str | None = field(default=None, metadata=_option(CONF_NOTIFY_ENTITY, _text))
    checkin_time: time | None = field(default=None, metadata=_option(CONF_CHECKIN_TIME, _time))
    checkin_after_session: bool = field(
        default=False, metadata=_option(CONF_CHECKIN_AFTER_SESSION, _flag)
    )
    notify_devices: tuple[str, ...] = field(default=(), metadata=_option(CONF_NOTIFY_DEVICES, _ids))
    # The house notices: each activity's sign (a threshold for a numeric one) and tags.
    exercise_sign: str | None = field(
        default=None, metadata=_option(SIGN_OPTIONS[Activity.EXERCISE], _text)
    )
    stretch_sign: str | None = field(
        default=None, metadata=_option(SIGN_OPTIONS[Activity.STRETCH], _text)
    )
    inversion_sign: str | None = field(
        default=None, metadata=_option(SIGN_OPTIONS[Activity.INVERSION], _text)
    )
    rest_sign: str | None = field(
        default=None, metadata=_option(SIGN_OPTIONS[Activity.REST], _text)
    )
    exercise_sign_above: float | None = field(
        default=None, metadata=_option(SIGN_ABOVE_OPTIONS[Activity.EXERCISE], _decimal)
    )
    stretch_sign_above: float | None = field(
        default=None, metadata=_option(SIGN_ABOVE_OPTIONS[Activity.STRETCH], _decimal)
    )
    inversion_sign_above: float | None = field(
        default=None, metadata=_option(SIGN_ABOVE_OPTIONS[Activity.INVERSION], _decimal)
    )
    rest_sign_above: float | None = field(
        default=None, metadata=_option(SIGN_ABOVE_OPTIONS[Activity.REST], _decimal)
    )
    sign_start_seconds: int = field(default=20, metadata=_number(CONF_SIGN_START_SECONDS))
    sign_stop_seconds: int = field(default=60, metadata=_number(CONF_SIGN_STOP_SECONDS))
    exercise_tags: tuple[str, ...] = field(
        default=(), metadata=_option(TAG_OPTIONS[Activity.EXERCISE], _ids)
    )
    stretch_tags: tuple[str, ...] = field(
        default=(), metadata=_option(TAG_OPTIONS[Activity.STRETCH], _ids)
    )
    inversion_tags: tuple[str, ...] = field(
        default=(), metadata=_option(TAG_OPTIONS[Activity.INVERSION], _ids)
    )
    rest_tags: tuple[str, ...] = field(
        default=(), metadata=_option(TAG_OPTIONS[Activity.REST], _ids)
    )

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> Settings:
        """Return the settings of options as stored: defaults for what was never set.

        A value stored as None is the option cleared: off (None, nothing,
        false), or the default for a number or quiet hours, which can't be off.
        """
        values: dict[str, Any] = {}
        for setting in fields(cls):
            key = setting.metadata["key"]
            if key not in options:
                continue
            value = options[key]
            if value is None and setting.metadata.get("always"):
                continue
            values[setting.name] = setting.metadata["read"](value)
        return cls(**values)

    @staticmethod
    def default_options() -> dict[str, Any]:
        """Return each option's default as the options store it (for the options form)."""
        return {
            setting.metadata["key"]: _stored(setting.default)
            for setting in fields(Settings)
            if setting.default is not None
        }

    @property
    def signs(self) -> dict[Activity, tuple[str, float | None]]:
        """Return each activity's sign that is set, with its threshold (None: on and off)."""
        signs = {
            Activity.EXERCISE: (self.exercise_sign, self.exercise_sign_above),
            Activity.STRETCH: (self.stretch_sign, self.stretch_sign_above),
            Activity.INVERSION: (self.inversion_sign, self.inversion_sign_above),
            Activity.REST: (self.rest_sign, self.rest_sign_above),
        }
        return {activity: (sign, above) for activity, (sign, above) in signs.items() if sign}

    @property
    def tags(self) -> dict[str, Activity]:
        """Return the activity each NFC tag starts."""
        tags = {
            Activity.EXERCISE: self.exercise_tags,
            Activity.STRETCH: self.stretch_tags,
            Activity.INVERSION: self.inversion_tags,
            Activity.REST: self.rest_tags,
        }
        return {tag: activity for activity, ids in tags.items() for tag in ids}

    def goal_minutes(self, goal: Goal) -> int:
        """Return a daily goal in minutes."""
        return {
            Goal.EXERCISE: self.exercise_goal,
            Goal.REST: self.rest_goal,
            Goal.INVERSION: self.inversion_goal,
        }[goal]

    @property
    def goals(self) -> dict[Goal, int]:
        """Return every daily goal in minutes."""
        return {goal: self.goal_minutes(goal) for goal in Goal}

    @property
    def notify(self) -> NotifyTargets:
        """Return where the person's notifications go."""
        return NotifyTargets(self.notify_entity, self.notify_devices)

    @property
    def plan(self) -> PlanSettings:
        """Return the settings that shape the inversion plan."""
        return PlanSettings(
            start_minutes=self.inversion_start_minutes,
            step_minutes=self.inversion_step_minutes,
            goal_minutes=self.inversion_goal,
            max_minutes=self.max_inversion,
        )

    @property
    def reminder_times(self) -> dict[str, time]:
        """Return the daily time of each kind of reminder that is set: goals, visit, sun."""
        times = {
            str(Goal.EXERCISE): self.reminder_exercise,
            str(Goal.INVERSION): self.reminder_inversion,
            str(Goal.REST): self.reminder_rest,
            REMINDER_VISIT: self.reminder_visit,
            REMINDER_SUN: self.reminder_sun,
        }
        return {kind: at for kind, at in times.items() if at is not None}


def _stored(value: Any) -> Any:
    """Return a default in the form the options keep it."""
    if isinstance(value, time):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value
