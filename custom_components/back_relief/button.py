"""Buttons: start each activity with its default length, and stop."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from homeassistant.components.button import ButtonEntity, ButtonEntityDescription
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .coordinator import BackReliefCoordinator
from .data import BackReliefConfigEntry
from .entity import BackReliefEntity
from .routine.day import Activity
from .routine.source import Source

PARALLEL_UPDATES = 0


@dataclass(frozen=True, kw_only=True)
class BackReliefButtonEntityDescription(ButtonEntityDescription):
    """Describes a Back Relief button by what pressing it does."""

    press_fn: Callable[[BackReliefCoordinator], object]


def _start_description(activity: Activity) -> BackReliefButtonEntityDescription:
    return BackReliefButtonEntityDescription(
        key=f"start_{activity}",
        press_fn=lambda coordinator: coordinator.commands.start_with_defaults(
            activity, source=Source.BUTTON
        ),
    )


BUTTONS: tuple[BackReliefButtonEntityDescription, ...] = (
    *(_start_description(activity) for activity in Activity),
    BackReliefButtonEntityDescription(
        key="stop_session",
        press_fn=lambda coordinator: coordinator.commands.stop_session(source=Source.BUTTON),
    ),
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: BackReliefConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Set up a person's buttons."""
    coordinator = entry.runtime_data.coordinator
    async_add_entities(BackReliefButton(coordinator, description) for description in BUTTONS)


class BackReliefButton(BackReliefEntity, ButtonEntity):
    """A button that drives the session."""

    entity_description: BackReliefButtonEntityDescription

    async def async_press(self) -> None:
        """Do what the button says."""
        self.entity_description.press_fn(self.coordinator)
