"""Whose routine: one resolver for actions and voice commands alike.

In order: the person asked for (by entry id, and for voice also by name);
the only person set up; the person whose speaker heard the request or whose
user asked; for a request about a session, the only person with one.
"""

from __future__ import annotations

from dataclasses import dataclass

from homeassistant.config_entries import ConfigEntryState
from homeassistant.const import CONF_NAME
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er

from .const import CONF_PERSON, DOMAIN
from .data import BackReliefConfigEntry

# The person entity's attribute naming the Home Assistant user it belongs to.
ATTR_USER_ID = "user_id"

# Why no single person was found.
UNKNOWN = "unknown"  # the person asked for isn't set up
NOT_LOADED = "not_loaded"  # the person asked for is set up but not loaded
NOBODY = "nobody"  # nobody is set up (or loaded)
AMBIGUOUS = "ambiguous"  # several people, and nothing tells them apart
NO_SESSION = "no_session"  # a session request, and nobody has a session


@dataclass(frozen=True, slots=True)
class Asker:
    """Who made a request, and what it is about."""

    asked: str | None = None
    # Whether a person may be asked for by name as well as by entry id.
    by_name: bool = False
    satellite_id: str | None = None
    device_id: str | None = None
    user_id: str | None = None
    # Whether the person may be told by who has a session going.
    session_bound: bool = False


class PersonNotFound(Exception):  # noqa: N818 - a finding, told to the asker in their words
    """No single person could be found; the reason says why."""

    def __init__(
        self,
        reason: str,
        *,
        loaded: list[BackReliefConfigEntry],
        entry: BackReliefConfigEntry | None = None,
    ) -> None:
        """Keep the reason, the people loaded, and the person asked for if set up."""
        super().__init__(reason)
        self.reason = reason
        self.loaded = loaded
        self.entry = entry


def person_name(entry: BackReliefConfigEntry) -> str:
    """Return the name of an entry's person."""
    return str(entry.data[CONF_NAME])


def find_person(hass: HomeAssistant, asker: Asker) -> tuple[BackReliefConfigEntry, bool]:
    """Return whose routine a request is for, and whether an answer should say the name."""
    entries: list[BackReliefConfigEntry] = hass.config_entries.async_entries(DOMAIN)
    loaded = [entry for entry in entries if entry.state is ConfigEntryState.LOADED]
    if asker.asked is not None:
        if (entry := _entry_asked(entries, asker)) is None:
            raise PersonNotFound(UNKNOWN, loaded=loaded)
        if entry.state is not ConfigEntryState.LOADED:
            raise PersonNotFound(NOT_LOADED, loaded=loaded, entry=entry)
        return entry, True
    if not loaded:
        raise PersonNotFound(NOBODY, loaded=loaded)
    if len(loaded) == 1:
        return loaded[0], False
    if (found := _told_apart(hass, asker, loaded)) is None:
        raise PersonNotFound(AMBIGUOUS, loaded=loaded)
    return found, True


def _told_apart(
    hass: HomeAssistant, asker: Asker, loaded: list[BackReliefConfigEntry]
) -> BackReliefConfigEntry | None:
    """Return the one of several people a request without a name can only be for, if any."""
    for narrow in (_asked_from_their_speaker, _asked_by_their_user):
        if len(found := narrow(hass, asker, loaded)) == 1:
            return found[0]
    if asker.session_bound:
        busy = [
            entry for entry in loaded if entry.runtime_data.coordinator.reader.session is not None
        ]
        if not busy:
            raise PersonNotFound(NO_SESSION, loaded=loaded)
        if len(busy) == 1:
            return busy[0]
    return None


def _entry_asked(
    entries: list[BackReliefConfigEntry], asker: Asker
) -> BackReliefConfigEntry | None:
    """Return the person asked for by entry id (or name, as a voice or an LLM may say)."""
    asked = str(asker.asked)
    for entry in entries:
        if entry.entry_id == asked:
            return entry
        if asker.by_name and asked.casefold() in (
            person_name(entry).casefold(),
            entry.entry_id.casefold(),
        ):
            return entry
    return None


def _asked_from_their_speaker(
    hass: HomeAssistant, asker: Asker, loaded: list[BackReliefConfigEntry]
) -> list[BackReliefConfigEntry]:
    """Return the people whose speakers include the satellite that heard the request."""
    if asker.satellite_id is None and asker.device_id is None:
        return []
    registry = er.async_get(hass)
    found = []
    for entry in loaded:
        speakers = entry.runtime_data.coordinator.reader.settings.speakers
        devices = {
            registered.device_id
            for speaker in speakers
            if (registered := registry.async_get(speaker)) is not None
        }
        if asker.satellite_id in speakers or (
            asker.device_id is not None and asker.device_id in devices
        ):
            found.append(entry)
    return found


def _asked_by_their_user(
    hass: HomeAssistant, asker: Asker, loaded: list[BackReliefConfigEntry]
) -> list[BackReliefConfigEntry]:
    """Return the people whose person entity belongs to the user who asked."""
    if asker.user_id is None:
        return []
    found = []
    for entry in loaded:
        person = entry.data.get(CONF_PERSON)
        state = hass.states.get(person) if person else None
        if state is not None and state.attributes.get(ATTR_USER_ID) == asker.user_id:
            found.append(entry)
    return found
