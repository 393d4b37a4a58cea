"""Spoken cues, reminders, calendar texts and built-in routines in Home Assistant's language.

The texts live in the speech folder, one file a language. They are read once,
when Home Assistant imports the integration (in its executor), so that
speaking never waits for the disk.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, cast

from homeassistant.core import HomeAssistant

from .guided import BUILT_IN_ROUTINES, Routine, RoutineTexts

SPEECH_DIR = Path(__file__).parent / "speech"
FALLBACK_LANGUAGE = "en"
# The group of the built-in routines' words: routine key, then step key.
ROUTINES = "routines"


def _read_files() -> dict[str, dict[str, Any]]:
    return {
        path.stem: json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(SPEECH_DIR.glob("*.json"))
    }


def _phrases(files: dict[str, dict[str, Any]]) -> dict[str, dict[str, dict[str, str]]]:
    english = files[FALLBACK_LANGUAGE]
    # A text missing in a language falls back to English, one by one.
    return {
        language: {
            group: {**english_texts, **chosen.get(group, {})}
            for group, english_texts in english.items()
            if group != ROUTINES
        }
        for language, chosen in files.items()
    }


def _routines(files: dict[str, dict[str, Any]]) -> dict[str, dict[str, Routine]]:
    # A step without words in a language keeps the English it is written in.
    return {
        language: {
            key: routine.translated(cast("RoutineTexts", texts.get(ROUTINES, {}).get(key, {})))
            for key, routine in BUILT_IN_ROUTINES.items()
        }
        for language, texts in files.items()
    }


_FILES = _read_files()
PHRASES = _phrases(_FILES)
ROUTINES_BY_LANGUAGE = _routines(_FILES)


def _language(hass: HomeAssistant) -> str:
    """Return the texts' language for Home Assistant's ("de-CH" speaks "de")."""
    language = hass.config.language.split("-")[0]
    return language if language in PHRASES else FALLBACK_LANGUAGE


def language(hass: HomeAssistant) -> str:
    """Return the language the texts are in: Home Assistant's, or English."""
    return _language(hass)


def texts(hass: HomeAssistant, group: str) -> dict[str, str]:
    """Return a group of texts in Home Assistant's language, values still to fill in."""
    return PHRASES[_language(hass)][group]


def phrase(hass: HomeAssistant, group: str, key: str, **values: Any) -> str:
    """Return one text in Home Assistant's language, with its values filled in."""
    return PHRASES[_language(hass)][group][key].format(**values)


def built_in_routines(hass: HomeAssistant) -> dict[str, Routine]:
    """Return the built-in routines, named and spoken in Home Assistant's language."""
    return ROUTINES_BY_LANGUAGE[_language(hass)]
