"""Spoken cues, reminders, calendar texts and built-in routines in Home Assistant's language.

The words are in the language files (see ``texts``); this picks Home
Assistant's language for them.
"""

from __future__ import annotations

from typing import Any

from homeassistant.core import HomeAssistant

from ..routine.guided import Routine
from .texts import base_language, built_in_routines as routines_in, group, say


def language(hass: HomeAssistant) -> str:
    """Return the texts' language for Home Assistant's ("de-CH" speaks "de"), or English."""
    return base_language(hass.config.language)


def group_of(hass: HomeAssistant, name: str) -> dict[str, str]:
    """Return a group of texts in Home Assistant's language, values still to fill in."""
    return group(language(hass), name)


def phrase(hass: HomeAssistant, group: str, key: str, /, **values: Any) -> str:
    """Return one text in Home Assistant's language, with its values filled in."""
    return say(language(hass), group, key, **values)


def built_in_routines(hass: HomeAssistant) -> dict[str, Routine]:
    """Return the built-in routines, named and spoken in Home Assistant's language."""
    return routines_in(language(hass))
