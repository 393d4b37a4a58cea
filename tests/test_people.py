"""Tests for the one resolver of whose routine a request is for."""

from __future__ import annotations

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
import pytest

from custom_components.back_relief.const import DOMAIN
from custom_components.back_relief.people import (
    AMBIGUOUS,
    NO_SESSION,
    NOBODY,
    NOT_LOADED,
    UNKNOWN,
    Asker,
    PersonNotFound,
    find_person,
)

from .conftest import call, make_entry, set_up


def reason(hass: HomeAssistant, asker: Asker) -> str:
    """Return why no single person was found."""
    with pytest.raises(PersonNotFound) as not_found:
        find_person(hass, asker)
    return not_found.value.reason


async def test_nobody_set_up(hass: HomeAssistant) -> None:
    """Without anyone set up, nobody can be found."""
    assert await async_setup_component(hass, DOMAIN, {})
    assert reason(hass, Asker()) == NOBODY


async def test_the_only_person_needs_no_name(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory
) -> None:
    """One person is found without being named, and the answer needn't say the name."""
    alex = await set_up(hass, make_entry("Alex"))
    assert find_person(hass, Asker()) == (alex, False)


async def test_asked_by_entry_id_or_by_name(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory
) -> None:
    """Actions name the entry id; voice may name the person too, in any case."""
    await set_up(hass, make_entry("Alex"))
    sam = await set_up(hass, make_entry("Sam"))
    assert find_person(hass, Asker(asked=sam.entry_id)) == (sam, True)
    assert find_person(hass, Asker(asked="sAm", by_name=True)) == (sam, True)
    assert reason(hass, Asker(asked="Sam")) == UNKNOWN
    assert reason(hass, Asker()) == AMBIGUOUS


async def test_a_person_not_loaded_is_told_apart_from_an_unknown_one(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory
) -> None:
    """A person set up but unloaded is named in the refusal."""
    alex = await set_up(hass, make_entry("Alex"))
    assert await hass.config_entries.async_unload(alex.entry_id)
    with pytest.raises(PersonNotFound) as not_found:
        find_person(hass, Asker(asked="Alex", by_name=True))
    assert not_found.value.reason == NOT_LOADED
    assert not_found.value.entry is alex
    assert not_found.value.loaded == []


async def test_a_session_request_goes_to_the_only_person_with_a_session(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory
) -> None:
    """Of several people, a request about a session is for whoever has one."""
    alex = await set_up(hass, make_entry("Alex"))
    await set_up(hass, make_entry("Sam"))
    assert reason(hass, Asker(session_bound=True)) == NO_SESSION
    await call(hass, "start_session", config_entry_id=alex.entry_id, activity="rest")
    assert find_person(hass, Asker(session_bound=True)) == (alex, True)


async def test_the_user_who_asks_finds_their_person(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory
) -> None:
    """A person entity that belongs to the asking user tells whose routine it is."""
    await set_up(hass, make_entry("Alex", person="person.alex"))
    sam = await set_up(hass, make_entry("Sam", person="person.sam"))
    hass.states.async_set("person.alex", "home", {"user_id": "user_alex"})
    hass.states.async_set("person.sam", "home", {"user_id": "user_sam"})
    assert find_person(hass, Asker(user_id="user_sam")) == (sam, True)
    assert reason(hass, Asker(user_id="someone_else")) == AMBIGUOUS
