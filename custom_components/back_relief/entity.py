"""The base entity of Back Relief: one device per person."""

from __future__ import annotations

from typing import Any

from homeassistant.core import callback
from homeassistant.helpers.device_registry import DeviceEntryType, DeviceInfo
from homeassistant.helpers.entity import EntityDescription
from homeassistant.helpers.update_coordinator import CoordinatorEntity

from .const import DOMAIN
from .coordinator import BackReliefCoordinator


class BackReliefEntity(CoordinatorEntity[BackReliefCoordinator]):
    """An entity of one person's routine, written when what it shows changed.

    Every change of the routine tells every entity; most of them show the same
    as before. Home Assistant would still record such a write (as a state
    report), so an entity compares what it shows and writes only a difference.
    """

    _attr_has_entity_name = True
    _shown: tuple[Any, ...] | None = None

    def __init__(self, coordinator: BackReliefCoordinator, description: EntityDescription) -> None:
        """Name the entity after its key, on the person's device."""
        super().__init__(coordinator)
        self.entity_description = description
        entry = coordinator.entry
        self._attr_unique_id = f"{entry.entry_id}_{description.key}"
        self._attr_translation_key = description.translation_key or description.key
        self._attr_device_info = DeviceInfo(
            identifiers={(DOMAIN, entry.entry_id)},
            name=coordinator.name,
            entry_type=DeviceEntryType.SERVICE,
            manufacturer="Back Relief",
            model="Daily routine",
        )

    def _what_is_shown(self) -> tuple[Any, ...]:
        """Return the state and every attribute the entity writes."""
        return (
            self.available,
            self.state,
            self.capability_attributes,
            self.state_attributes,
            self.extra_state_attributes,
        )

    @callback
    def _async_write_ha_state(self) -> None:
        """Write the state, remembering what it showed (every write passes here)."""
        self._shown = self._what_is_shown()
        super()._async_write_ha_state()

    @callback
    def _handle_coordinator_update(self) -> None:
        """Write the state only when the routine's change shows in it."""
        if self._what_is_shown() != self._shown:
            self.async_write_ha_state()
