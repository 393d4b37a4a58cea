"""Spoken cues and reminders in Home Assistant's language, from the speech folder."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from homeassistant.core import HomeAssistant

SPEECH_DIR = Path(__file__).parent / "speech"
FALLBACK_LANGUAGE = "en"

_cache: dict[str, dict[str, Any]] = {}


def _read(language: str) -> dict[str, Any]:
    path = SPEECH_DIR / f"{language}.json"
    if not path.is_file():
        return {}
    result: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return result


async def async_phrases(hass: HomeAssistant) -> dict[str, Any]:
    """Return the spoken texts for Home Assistant's language, English as fallback."""
    language = hass.config.language.split("-")[0]
    if language not in _cache:
        english = await hass.async_add_executor_job(_read, FALLBACK_LANGUAGE)
        chosen = await hass.async_add_executor_job(_read, language) if language != "en" else {}
        # Missing texts in a language fall back to English one by one.
        _cache[language] = {
            group: {**texts, **chosen.get(group, {})} for group, texts in english.items()
        }
    return _cache[language]


async def async_phrase(hass: HomeAssistant, group: str, key: str, **values: object) -> str:
    """Return one spoken text with its values filled in."""
    template: str = (await async_phrases(hass))[group][key]
    return template.format(**values)
