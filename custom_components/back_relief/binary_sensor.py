"""Binary sensors: whether a session is active and whether the person rests."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from homeassistant.components.binary_sensor import (
    BinarySensorDeviceClass,
    BinarySensorEntity,
    BinarySensorEntityDescription,
)
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .coordinator import BackReliefCoordinator
from .data import BackReliefConfigEntry
from .entity import BackReliefEntity
from .routine.day import Activity

PARALLEL_UPDATES = 0


@dataclass(frozen=True, kw_only=True)
class BackReliefBinarySensorEntityDescription(BinarySensorEntityDescription):
    """Describes a Back Relief binary sensor by how it reads the routine."""

    is_on_fn: Callable[[BackReliefCoordinator], bool]


BINARY_SENSORS: tuple[BackReliefBinarySensorEntityDescription, ...] = (
    BackReliefBinarySensorEntityDescription(
        key="session_active",
        device_class=BinarySensorDeviceClass.RUNNING,
        # The session sensor says the same (anything but idle); this one is for the
        # automations that want on and off, so it starts disabled.
        entity_registry_enabled_default=False,
        is_on_fn=lambda coordinator: coordinator.reader.session is not None,
    ),
    BackReliefBinarySensorEntityDescription(
        key="resting",
        is_on_fn=lambda coordinator: (
            coordinator.reader.session is not None
            and coordinator.reader.session.activity is Activity.REST
            and not coordinator.reader.session.is_paused
        ),
    ),
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: BackReliefConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Set up a person's binary sensors."""
    coordinator = entry.runtime_data.coordinator
    async_add_entities(
        BackReliefBinarySensor(coordinator, description) for description in BINARY_SENSORS
    )


class BackReliefBinarySensor(BackReliefEntity, BinarySensorEntity):
    """A binary sensor reading one fact of the routine."""

    entity_description: BackReliefBinarySensorEntityDescription

    @property
    def is_on(self) -> bool:
        """Return whether the fact holds."""
        return self.entity_description.is_on_fn(self.coordinator)
