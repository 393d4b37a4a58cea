"""Spoken cues, reminders and calendar texts in Home Assistant's language.

The texts live in the speech folder, one file a language. They are read once,
when Home Assistant imports the integration (in its executor), so that
speaking never waits for the disk.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from homeassistant.core import HomeAssistant

SPEECH_DIR = Path(__file__).parent / "speech"
FALLBACK_LANGUAGE = "en"


def _read_all() -> dict[str, dict[str, dict[str, str]]]:
    texts = {
        path.stem: json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(SPEECH_DIR.glob("*.json"))
    }
    english = texts[FALLBACK_LANGUAGE]
    # A text missing in a language falls back to English, one by one.
    return {
        language: {
            group: {**english_texts, **chosen.get(group, {})}
            for group, english_texts in english.items()
        }
        for language, chosen in texts.items()
    }


PHRASES = _read_all()


def phrase(hass: HomeAssistant, group: str, key: str, **values: Any) -> str:
    """Return one text in Home Assistant's language, with its values filled in."""
    language = hass.config.language.split("-")[0]
    texts = PHRASES.get(language, PHRASES[FALLBACK_LANGUAGE])
    return texts[group][key].format(**values)
