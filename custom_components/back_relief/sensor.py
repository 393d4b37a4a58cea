"""Sensors: streaks, today's minutes, the session, pain and visits."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from homeassistant.components.sensor import (
    SensorDeviceClass,
    SensorEntity,
    SensorEntityDescription,
    SensorStateClass,
)
from homeassistant.const import UnitOfTime
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback
from homeassistant.util import dt as dt_util

from .coordinator import BackReliefCoordinator
from .data import BackReliefConfigEntry
from .entity import BackReliefEntity
from .routine.day import Activity, Goal
from .routine.steps import step_count, step_ends_at

PARALLEL_UPDATES = 0

IDLE = "idle"


@dataclass(frozen=True, kw_only=True)
class BackReliefSensorEntityDescription(SensorEntityDescription):
    """Describes a Back Relief sensor by how it reads the routine."""

    value_fn: Callable[[BackReliefCoordinator], str | int | float | datetime | None]
    attributes_fn: Callable[[BackReliefCoordinator], dict[str, Any]] | None = None


def _streak_description(goal: Goal) -> BackReliefSensorEntityDescription:
    return BackReliefSensorEntityDescription(
        key=f"{goal}_streak",
        native_unit_of_measurement=UnitOfTime.DAYS,
        value_fn=lambda coordinator: coordinator.reader.streak(goal).current,
        attributes_fn=lambda coordinator: {
            "best": coordinator.reader.streak(goal).best,
            "today_met": coordinator.reader.streak(goal).today_met,
        },
    )


def _today_attributes(goal: Goal) -> Callable[[BackReliefCoordinator], dict[str, Any]]:
    def attributes(coordinator: BackReliefCoordinator) -> dict[str, Any]:
        reader = coordinator.reader
        today, goals = reader.today(), reader.day_goals()
        shown: dict[str, Any] = {
            "goal": goals.of(goal, today),
            "met": goals.met(goal, today, reader.history.get(today)),
        }
        if goal is Goal.INVERSION:
            shown["tomorrow_goal"] = reader.tomorrow_goal(goal)
        return shown

    return attributes


def _today_description(goal: Goal) -> BackReliefSensorEntityDescription:
    return BackReliefSensorEntityDescription(
        key=f"{goal}_today",
        device_class=SensorDeviceClass.DURATION,
        state_class=SensorStateClass.TOTAL_INCREASING,
        native_unit_of_measurement=UnitOfTime.MINUTES,
        suggested_display_precision=0,
        value_fn=lambda coordinator: coordinator.reader.today_minutes(goal),
        attributes_fn=_today_attributes(goal),
    )


def _session_attributes(coordinator: BackReliefCoordinator) -> dict[str, Any]:
    session = coordinator.reader.session
    if session is None:
        # A stop or cancel that may still be undone, and until when.
        undo_until = coordinator.data.undo_until(dt_util.utcnow())
        return {"undo_until": undo_until.isoformat()} if undo_until else {}
    attributes: dict[str, Any] = {
        "status": str(session.status),
        "started_at": session.started_at.isoformat(),
        "ends_at": session.ends_at.isoformat(),
        "planned_minutes": session.planned_minutes,
        "routine": session.routine,
    }
    if session.paused_at is not None:
        # With ends_at, the time left that a dashboard shows while paused.
        attributes["paused_at"] = session.paused_at.isoformat()
    now = dt_util.utcnow()
    if (step := coordinator.reader.current_step(now)) is not None:
        attributes["step"] = step.name
        attributes["step_side"] = step.side
        attributes["step_number"] = step.index + 1
        attributes["step_count"] = step_count(coordinator.reader.guided_routine())
        attributes["step_cue"] = step.cue
        step_ends = step_ends_at(session, step, now)
        attributes["step_ends_at"] = step_ends.isoformat() if step_ends else None
    return attributes


SENSORS: tuple[BackReliefSensorEntityDescription, ...] = (
    *(_streak_description(goal) for goal in (Goal.EXERCISE, Goal.REST, Goal.INVERSION)),
    *(_today_description(goal) for goal in (Goal.EXERCISE, Goal.REST, Goal.INVERSION)),
    BackReliefSensorEntityDescription(
        key="session",
        device_class=SensorDeviceClass.ENUM,
        options=[IDLE, *(str(activity) for activity in Activity)],
        value_fn=lambda coordinator: (
            str(coordinator.reader.session.activity) if coordinator.reader.session else IDLE
        ),
        attributes_fn=_session_attributes,
    ),
    BackReliefSensorEntityDescription(
        key="session_ends",
        device_class=SensorDeviceClass.TIMESTAMP,
        # Paused sessions have no end time yet: the countdown is frozen.
        value_fn=lambda coordinator: (
            coordinator.reader.session.ends_at
            if coordinator.reader.session and not coordinator.reader.session.is_paused
            else None
        ),
    ),
    BackReliefSensorEntityDescription(
        key="pain_level",
        state_class=SensorStateClass.MEASUREMENT,
        value_fn=lambda coordinator: (
            pain.level if (pain := coordinator.reader.history.latest_pain()) is not None else None
        ),
        attributes_fn=lambda coordinator: (
            {"logged_at": pain.logged_at.isoformat()}
            if (pain := coordinator.reader.history.latest_pain()) is not None
            else {}
        ),
    ),
    BackReliefSensorEntityDescription(
        key="next_visit",
        device_class=SensorDeviceClass.TIMESTAMP,
        value_fn=lambda coordinator: (
            visit.visited_at if (visit := coordinator.reader.next_visit()) is not None else None
        ),
    ),
    BackReliefSensorEntityDescription(
        key="last_visit",
        device_class=SensorDeviceClass.TIMESTAMP,
        value_fn=lambda coordinator: (
            visit.visited_at
            if (visit := coordinator.reader.history.latest_visit()) is not None
            else None
        ),
    ),
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: BackReliefConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Set up a person's sensors."""
    coordinator = entry.runtime_data.coordinator
    async_add_entities(BackReliefSensor(coordinator, description) for description in SENSORS)


class BackReliefSensor(BackReliefEntity, SensorEntity):
    """A sensor reading one value of the routine."""

    entity_description: BackReliefSensorEntityDescription

    @property
    def native_value(self) -> str | int | float | datetime | None:
        """Return the sensor's value."""
        return self.entity_description.value_fn(self.coordinator)

    @property
    def extra_state_attributes(self) -> dict[str, Any] | None:
        """Return the sensor's attributes."""
        if self.entity_description.attributes_fn is None:
            return None
        return self.entity_description.attributes_fn(self.coordinator)
