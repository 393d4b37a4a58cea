"""Select: which guided routine the stretch button starts."""

from __future__ import annotations

from homeassistant.components.select import SelectEntity, SelectEntityDescription
from homeassistant.const import EntityCategory
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .data import BackReliefConfigEntry
from .entity import BackReliefEntity

PARALLEL_UPDATES = 0

# The stretch button runs a plain timer of the stretch duration.
PLAIN_TIMER = "timer"

STRETCH_ROUTINE = SelectEntityDescription(
    key="stretch_routine", entity_category=EntityCategory.CONFIG
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: BackReliefConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Set up a person's routine select."""
    async_add_entities([BackReliefStretchRoutine(entry.runtime_data.coordinator, STRETCH_ROUTINE)])


class BackReliefStretchRoutine(BackReliefEntity, SelectEntity):
    """The guided routine the stretch button starts, or a plain timer."""

    @property
    def options(self) -> list[str]:
        """Return a plain timer and every routine, built-in and the person's own."""
        return [PLAIN_TIMER, *self.coordinator.reader.routines()]

    @property
    def current_option(self) -> str:
        """Return the chosen routine."""
        chosen = self.coordinator.reader.stretch_routine
        return chosen if chosen in self.coordinator.reader.routines() else PLAIN_TIMER

    async def async_select_option(self, option: str) -> None:
        """Choose a routine."""
        self.coordinator.commands.set_stretch_routine(None if option == PLAIN_TIMER else option)
