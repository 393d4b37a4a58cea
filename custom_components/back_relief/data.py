"""The runtime data of a Back Relief entry: one person's routine and the house around it."""

from __future__ import annotations

from dataclasses import dataclass

from homeassistant.config_entries import ConfigEntry

from .coordinator import BackReliefCoordinator
from .house.announcements import Announcer
from .house.rest_lights import RestLights
from .look_back.long_term_statistics import StatisticsWriter


@dataclass(slots=True)
class BackReliefRuntimeData:
    """What a loaded entry keeps: the routine's coordinator, voice, lights and statistics."""

    coordinator: BackReliefCoordinator
    announcer: Announcer
    rest_lights: RestLights
    statistics: StatisticsWriter


type BackReliefConfigEntry = ConfigEntry[BackReliefRuntimeData]
