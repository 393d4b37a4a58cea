"""Whom an automation's trigger or condition is about: people, by their Back Relief device.

A trigger or condition names people through its ``target`` (their devices, or an
area, floor or label holding them, or one of their entities); without a target
it is about every person. The target is read when it is needed, so a person
added, renamed or moved to another area later is followed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from homeassistant.config_entries import (
    SIGNAL_CONFIG_ENTRY_CHANGED,
    ConfigEntry,
    ConfigEntryChange,
    ConfigEntryState,
)
from homeassistant.const import CONF_OPTIONS, CONF_TARGET
from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.helpers import (
    config_validation as cv,
    device_registry as dr,
    entity_registry as er,
)
from homeassistant.helpers.dispatcher import async_dispatcher_connect
from homeassistant.helpers.target import TargetSelection, async_extract_referenced_entity_ids
import voluptuous as vol

from .const import DOMAIN
from .coordinator import BackReliefCoordinator
from .routine.day import Activity, Goal

# Option keys shared by the triggers and the conditions (documented in the README).
ACTIVITIES = "activities"
GOALS = "goals"
LEVEL = "level"
BEHAVIOR = "behavior"
BEHAVIOR_ANY = "any"
BEHAVIOR_ALL = "all"


def choices(values: Iterable[str]) -> vol.All:
    """Return the schema of an option that picks one or more of some values."""
    return vol.All(cv.ensure_list, [vol.In(list(values))])


ACTIVITY_LIST = choices(str(activity) for activity in Activity)
GOAL_LIST = choices(str(goal) for goal in Goal)
PAIN_LEVEL = vol.All(vol.Coerce(int), vol.Range(min=0, max=10))


def platform_schema(options: Mapping[Any, Any]) -> vol.Schema:
    """Return the schema of a trigger's or condition's target and options."""
    return vol.Schema(
        {
            vol.Optional(CONF_TARGET): cv.TARGET_FIELDS,
            vol.Optional(CONF_OPTIONS, default={}): vol.Schema(dict(options)),
        }
    )


def people_of(hass: HomeAssistant, target: Mapping[str, Any] | None) -> set[str] | None:
    """Return the config entry ids of the people a target names; None: everybody."""
    selection = TargetSelection(dict(target or {}))
    if not selection.has_any_target:
        return None
    selected = async_extract_referenced_entity_ids(hass, selection)
    devices = dr.async_get(hass)
    entities = er.async_get(hass)
    device_ids = set(selected.referenced_devices)
    for entity_id in selected.referenced | selected.indirectly_referenced:
        if (entity := entities.async_get(entity_id)) is not None and entity.device_id:
            device_ids.add(entity.device_id)
    people: set[str] = set()
    for device_id in device_ids:
        if (device := devices.async_get(device_id)) is None:
            continue
        people.update(value for domain, value in device.identifiers if domain == DOMAIN)
    return people


def loaded_people(hass: HomeAssistant) -> list[ConfigEntry[Any]]:
    """Return the loaded Back Relief entries, one a person."""
    return hass.config_entries.async_loaded_entries(DOMAIN)


@callback
def follow_people(
    hass: HomeAssistant,
    on_loaded: Callable[[BackReliefCoordinator], CALLBACK_TYPE],
) -> CALLBACK_TYPE:
    """Call ``on_loaded`` with each person's routine as it is loaded, now and later.

    What ``on_loaded`` returns is called when that person is unloaded (a reload
    gives a new routine) and when following stops; the returned callback stops.
    """
    follower = _Follower(on_loaded)
    for entry in loaded_people(hass):
        follower.follow(entry)
    stop_listening = async_dispatcher_connect(
        hass, SIGNAL_CONFIG_ENTRY_CHANGED, follower.entry_changed
    )

    @callback
    def stop() -> None:
        stop_listening()
        follower.forget_all()

    return stop


class _Follower:
    """The routines followed, by entry id, each with what stops following it."""

    def __init__(self, on_loaded: Callable[[BackReliefCoordinator], CALLBACK_TYPE]) -> None:
        self._on_loaded = on_loaded
        self._followed: dict[str, tuple[BackReliefCoordinator, CALLBACK_TYPE]] = {}

    @callback
    def follow(self, entry: ConfigEntry[Any]) -> None:
        coordinator: BackReliefCoordinator = entry.runtime_data.coordinator
        held = self._followed.get(entry.entry_id)
        if held is not None and held[0] is coordinator:
            return
        self.forget(entry.entry_id)
        self._followed[entry.entry_id] = (coordinator, self._on_loaded(coordinator))

    @callback
    def forget(self, entry_id: str) -> None:
        if (held := self._followed.pop(entry_id, None)) is not None:
            held[1]()

    @callback
    def forget_all(self) -> None:
        for entry_id in list(self._followed):
            self.forget(entry_id)

    @callback
    def entry_changed(self, change: ConfigEntryChange, entry: ConfigEntry[Any]) -> None:
        if entry.domain != DOMAIN:
            return
        if change is not ConfigEntryChange.REMOVED and entry.state is ConfigEntryState.LOADED:
            self.follow(entry)
        else:
            self.forget(entry.entry_id)
