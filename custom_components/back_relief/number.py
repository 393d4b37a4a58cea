"""Numbers: the default length of each activity's sessions."""

from __future__ import annotations

from typing import Any

from homeassistant.components.number import NumberEntity, NumberEntityDescription, NumberMode
from homeassistant.const import EntityCategory, UnitOfTime
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .coordinator import BackReliefCoordinator
from .data import BackReliefConfigEntry
from .entity import BackReliefEntity
from .routine.day import Activity
from .routine.session import MAX_SESSION_MINUTES, MIN_SESSION_MINUTES

PARALLEL_UPDATES = 0

DURATIONS: tuple[NumberEntityDescription, ...] = tuple(
    NumberEntityDescription(
        key=f"{activity}_duration",
        native_min_value=MIN_SESSION_MINUTES,
        native_max_value=MAX_SESSION_MINUTES,
        native_step=1,
        native_unit_of_measurement=UnitOfTime.MINUTES,
        mode=NumberMode.BOX,
        entity_category=EntityCategory.CONFIG,
    )
    for activity in Activity
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: BackReliefConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Set up a person's duration numbers."""
    coordinator = entry.runtime_data.coordinator
    async_add_entities(
        BackReliefDuration(coordinator, description, activity)
        for description, activity in zip(DURATIONS, Activity, strict=True)
    )


class BackReliefDuration(BackReliefEntity, NumberEntity):
    """The default length of one activity's sessions."""

    def __init__(
        self,
        coordinator: BackReliefCoordinator,
        description: NumberEntityDescription,
        activity: Activity,
    ) -> None:
        """Bind the number to its activity."""
        super().__init__(coordinator, description)
        self.activity = activity

    @property
    def native_max_value(self) -> float:
        """Return the longest allowed length; inversion has its own cap."""
        if self.activity is Activity.INVERSION:
            return self.coordinator.reader.max_inversion
        return MAX_SESSION_MINUTES

    @property
    def native_value(self) -> float:
        """Return the default length in minutes; inversion within its cap."""
        minutes = self.coordinator.reader.durations[self.activity]
        return min(minutes, self.native_max_value)

    @property
    def extra_state_attributes(self) -> dict[str, Any] | None:
        """Return tomorrow's inversion length while the plan sets it."""
        if self.activity is not Activity.INVERSION:
            return None
        coordinator = self.coordinator
        tomorrow = coordinator.data.inversion_tomorrow(
            coordinator.reader.today(), coordinator.reader.plan_settings
        )
        return None if tomorrow is None else {"tomorrow": tomorrow}

    async def async_set_native_value(self, value: float) -> None:
        """Set the default length."""
        self.coordinator.commands.set_duration(self.activity, round(value))
