"""The base entity of Back Relief: one device per person."""

from __future__ import annotations

from homeassistant.helpers.device_registry import DeviceEntryType, DeviceInfo
from homeassistant.helpers.entity import EntityDescription
from homeassistant.helpers.update_coordinator import CoordinatorEntity

from .const import DOMAIN
from .coordinator import BackReliefCoordinator


class BackReliefEntity(CoordinatorEntity[BackReliefCoordinator]):
    """An entity of one person's routine, written when the routine changes."""

    _attr_has_entity_name = True

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
