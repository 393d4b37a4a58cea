"""The base entity of Back Relief: one device per person."""

from __future__ import annotations

from homeassistant.helpers.device_registry import DeviceEntryType, DeviceInfo
from homeassistant.helpers.entity import Entity, EntityDescription

from .const import DOMAIN
from .coordinator import BackReliefCoordinator


class BackReliefEntity(Entity):
    """An entity of one person's routine, updated when the routine changes."""

    _attr_has_entity_name = True
    _attr_should_poll = False
    # Entities that show the routine's state refresh on every change.
    _follows_routine = True

    def __init__(self, coordinator: BackReliefCoordinator, description: EntityDescription) -> None:
        """Name the entity after its key, on the person's device."""
        self.coordinator = coordinator
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

    async def async_added_to_hass(self) -> None:
        """Follow the routine's changes."""
        await super().async_added_to_hass()
        if self._follows_routine:
            self.async_on_remove(self.coordinator.async_add_listener(self.async_write_ha_state))
