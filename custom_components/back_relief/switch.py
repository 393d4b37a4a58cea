"""Switches: reminders on or off, and flare-up (pauses the streaks)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from homeassistant.components.switch import SwitchEntity, SwitchEntityDescription
from homeassistant.const import EntityCategory
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .coordinator import BackReliefCoordinator
from .data import BackReliefConfigEntry
from .entity import BackReliefEntity

PARALLEL_UPDATES = 0


@dataclass(frozen=True, kw_only=True)
class BackReliefSwitchEntityDescription(SwitchEntityDescription):
    """Describes a Back Relief switch by what it reads and sets."""

    is_on_fn: Callable[[BackReliefCoordinator], bool]
    set_fn: Callable[[BackReliefCoordinator, bool], None]


SWITCHES: tuple[BackReliefSwitchEntityDescription, ...] = (
    BackReliefSwitchEntityDescription(
        key="reminders",
        entity_category=EntityCategory.CONFIG,
        is_on_fn=lambda coordinator: coordinator.reader.reminders_enabled,
        set_fn=lambda coordinator, on: coordinator.commands.set_reminders(on),
    ),
    BackReliefSwitchEntityDescription(
        key="flare_up",
        is_on_fn=lambda coordinator: coordinator.reader.flare_up,
        set_fn=lambda coordinator, on: coordinator.commands.set_flare_up(on),
    ),
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: BackReliefConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Set up a person's switches."""
    coordinator = entry.runtime_data.coordinator
    async_add_entities(BackReliefSwitch(coordinator, description) for description in SWITCHES)


class BackReliefSwitch(BackReliefEntity, SwitchEntity):
    """A switch of the routine."""

    entity_description: BackReliefSwitchEntityDescription

    @property
    def is_on(self) -> bool:
        """Return whether the switch is on."""
        return self.entity_description.is_on_fn(self.coordinator)

    async def async_turn_on(self, **kwargs: Any) -> None:
        """Turn the switch on."""
        self.entity_description.set_fn(self.coordinator, True)  # noqa: FBT003

    async def async_turn_off(self, **kwargs: Any) -> None:
        """Turn the switch off."""
        self.entity_description.set_fn(self.coordinator, False)  # noqa: FBT003
