"""The language files: every sentence Back Relief says or shows, one file a language.

Plain Python with no Home Assistant imports. ``speech/<language>.json`` holds
the spoken cues, reminders, the week, the calendar, the built-in routines, the
checklist's own items, Assist's answers (``answers``), the report's words
(``report``), the insights (``insights``) and the statistics' names
(``statistics``); ``translations/`` holds
what Home Assistant itself shows (config, entities, errors). ``card`` is kept
for the dashboard card's labels, served to the frontend with the rest when the
card is translated.

The files are read once, when Home Assistant imports the integration (in its
executor), so that speaking never waits for the disk. A text missing in a
language falls back to English, one by one.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, cast

from ..routine.guided import BUILT_IN_STEPS, Routine, RoutineTexts, built_in_routine
from .wording import render

SPEECH_DIR = Path(__file__).parent.parent / "speech"
FALLBACK_LANGUAGE = "en"
# The group of the built-in routines' words: routine key, then step key.
ROUTINES = "routines"


def _read_files() -> dict[str, dict[str, Any]]:
    return {
        path.stem: json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(SPEECH_DIR.glob("*.json"))
    }


def _groups(files: dict[str, dict[str, Any]]) -> dict[str, dict[str, dict[str, str]]]:
    english = files[FALLBACK_LANGUAGE]
    return {
        language: {
            group: {**english_texts, **chosen.get(group, {})}
            for group, english_texts in english.items()
            if group != ROUTINES
        }
        for language, chosen in files.items()
    }


def _routines(files: dict[str, dict[str, Any]]) -> dict[str, dict[str, Routine]]:
    # A step without words in a language keeps its English words.
    english = {
        key: built_in_routine(key, cast("RoutineTexts", files[FALLBACK_LANGUAGE][ROUTINES][key]))
        for key in BUILT_IN_STEPS
    }
    return {
        language: {
            key: routine.translated(cast("RoutineTexts", texts.get(ROUTINES, {}).get(key, {})))
            for key, routine in english.items()
        }
        for language, texts in files.items()
    }


_FILES = _read_files()
GROUPS = _groups(_FILES)
ROUTINES_BY_LANGUAGE = _routines(_FILES)
# "each side" in every language, as a person's own routine may say it ("|" between ways).
PER_SIDE_WORDS = frozenset(
    way.strip().casefold()
    for texts in GROUPS.values()
    for way in texts["steps"]["each_side"].split("|")
)


def base_language(language: str | None) -> str:
    """Return the files' language for a language tag ("de-CH" speaks "de"); else English."""
    base = (language or FALLBACK_LANGUAGE).replace("_", "-").split("-")[0].casefold()
    return base if base in GROUPS else FALLBACK_LANGUAGE


def group(language: str, name: str) -> dict[str, str]:
    """Return one group of texts of a language known to the files."""
    return GROUPS[language][name]


def say(language: str, name: str, key: str, /, **values: Any) -> str:
    """Return one text of a group, with its plurals chosen and its values filled in."""
    return render(GROUPS[language][name][key], values, language)


def built_in_routines(language: str) -> dict[str, Routine]:
    """Return the built-in routines, named and spoken in a language known to the files."""
    return ROUTINES_BY_LANGUAGE[language]
