"""The session event entity: started, paused, finished and the rest."""

from __future__ import annotations

from homeassistant.components.event import EventEntity, EventEntityDescription
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .const import EVENT_TYPES
from .data import BackReliefConfigEntry
from .entity import BackReliefEntity
from .routine.events import SessionEvent

PARALLEL_UPDATES = 0

SESSION_EVENT = EventEntityDescription(key="session", event_types=EVENT_TYPES)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: BackReliefConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Set up a person's session event entity."""
    async_add_entities([BackReliefSessionEvent(entry.runtime_data.coordinator, SESSION_EVENT)])


class BackReliefSessionEvent(BackReliefEntity, EventEntity):
    """Fires on every change of a session, for automations."""

    async def async_added_to_hass(self) -> None:
        """Follow the session's events, and only them."""
        await super().async_added_to_hass()
        self.async_on_remove(self.coordinator.async_add_event_listener(self._async_handle_event))

    @callback
    def _handle_coordinator_update(self) -> None:
        """Write nothing on a change of the routine: an event entity shows only events."""

    @callback
    def _async_handle_event(self, event: SessionEvent) -> None:
        self._trigger_event(event.type, event.as_data())
        self.async_write_ha_state()
