"""The runtime data of a Back Relief entry: one person's routine and the house around it."""

from __future__ import annotations

from dataclasses import dataclass

from homeassistant.config_entries import ConfigEntry

from .announcements import Announcer
from .coordinator import BackReliefCoordinator
from .rest_lights import RestLights


@dataclass(slots=True)
class BackReliefRuntimeData:
    """What a loaded entry keeps: the routine's coordinator, its voice and its lights."""

    coordinator: BackReliefCoordinator
    announcer: Announcer
    rest_lights: RestLights


type BackReliefConfigEntry = ConfigEntry[BackReliefRuntimeData]
