"""Putting a slip right by voice, in five languages: "undo", "that was wrong, it's a 4".

Each sentence is spoken to Assist's real built-in agent, which reads the
sentence files Back Relief writes; what changed is read back from the entities.
"""

from __future__ import annotations

from datetime import timedelta

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from .conftest import attributes, call, make_entry, say, set_up, state
from .test_services import coordinator

UNDO: dict[str, list[str]] = {
    "en": [
        "undo",
        "undo that",
        "oops, undo that",
        "bring my session back",
        "I didn't mean to stop",
        "I stopped it by mistake",
        "undo the stop",
    ],
    "de": [
        "rückgängig",
        "mach das rückgängig",
        "hoppla, mach das rückgängig",
        "hol die Sitzung zurück",
        "ich wollte nicht aufhören",
        "ich habe es aus Versehen gestoppt",
    ],
    "fr": [
        "annule l'arrêt",
        "défais ça",
        "oups, annule ça",
        "je ne voulais pas arrêter",
        "j'ai arrêté la séance par erreur",
        "récupère ma séance",
    ],
    "es": [
        "deshaz",
        "deshaz eso",
        "ups, deshaz eso",
        "no quería parar",
        "paré la sesión por error",
        "recupera la sesión",
    ],
    "nl": [
        "maak dat ongedaan",
        "ongedaan maken",
        "oeps, maak het ongedaan",
        "ik wilde niet stoppen",
        "ik heb het per ongeluk gestopt",
        "haal de sessie terug",
    ],
}
CORRECT: dict[str, list[str]] = {
    "en": [
        "that was wrong, it's a 4",
        "no, I meant 4",
        "sorry, it's a 4",
        "actually it's 4",
        "make that a 4",
        "change it to 4",
        "that's wrong, my pain is 4",
    ],
    "de": [
        "das war falsch, es ist eine 4",
        "nein, ich meinte 4",
        "sorry, es ist eine 4",
        "eigentlich eine 4",
        "korrigiere auf 4",
        "ändere es auf 4",
    ],
    "fr": [
        "c'était une erreur, c'est un 4",
        "non, je voulais dire 4",
        "pardon, c'est 4",
        "en fait c'est 4",
        "corrige à 4",
        "change ça en 4",
    ],
    "es": [
        "eso estaba mal, es un 4",
        "no, quería decir 4",
        "perdón, es un 4",
        "me equivoqué, es un 4",
        "corrige a 4",
        "cámbialo a 4",
    ],
    "nl": [
        "dat was fout, het is een 4",
        "nee, ik bedoelde 4",
        "sorry, het is een 4",
        "eigenlijk een 4",
        "verander het naar 4",
        "maak er een 4 van",
    ],
}
UNDONE = {
    "en": "Exercise is back: 12 minutes left.",
    "de": "Training ist zurück: noch 12 Minuten.",
    "fr": "L'exercice est de retour : il reste 12 minutes.",
    "es": "Ejercicio ha vuelto. Tiempo restante: 12 minutos.",
    "nl": "Oefenen is terug: nog 12 minuten.",
}
CORRECTED = {
    "en": "Pain level changed from 6 to 4.",
    "de": "Schmerzstufe von 6 auf 4 geändert.",
    "fr": "Douleur corrigée : niveau 6 changé en 4.",
    "es": "Nivel de dolor cambiado de 6 a 4.",
    "nl": "Pijnniveau veranderd van 6 naar 4.",
}


async def alex_in(hass: HomeAssistant, language: str) -> MockConfigEntry:
    """Set up Alex in a house that speaks a language."""
    hass.config.language = language
    return await set_up(hass, make_entry("Alex"))


@pytest.mark.parametrize(
    ("language", "sentence"),
    [(language, sentence) for language, sentences in UNDO.items() for sentence in sentences],
)
async def test_undo_by_voice(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    assist: None,
    language: str,
    sentence: str,
) -> None:
    """A stop undone by voice: the session is back with the time it had left, the 3 taken back."""
    alex = await alex_in(hass, language)
    await call(hass, "start_session", activity="exercise", duration=15)
    frozen_time.tick(timedelta(minutes=3))
    await call(hass, "stop_session")
    frozen_time.tick(timedelta(seconds=30))

    answer, _ = await say(hass, sentence, language)

    assert answer == UNDONE[language]
    assert state(hass, alex, "sensor", "session") == "exercise"
    assert state(hass, alex, "sensor", "exercise_today") == "0"
    assert attributes(hass, alex, "sensor", "session")["ends_at"] == "2026-11-25T08:15:30+00:00"


@pytest.mark.parametrize(
    ("language", "sentence"),
    [(language, sentence) for language, sentences in CORRECT.items() for sentence in sentences],
)
async def test_a_pain_level_put_right_by_voice(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    assist: None,
    language: str,
    sentence: str,
) -> None:
    """6 said, then put right to 4: one report of 4."""
    alex = await alex_in(hass, language)
    await call(hass, "log_pain", level=6)
    frozen_time.tick(timedelta(minutes=2))

    answer, _ = await say(hass, sentence, language)

    assert answer == CORRECTED[language]
    assert state(hass, alex, "sensor", "pain_level") == "4"
    assert [entry.level for entry in coordinator(alex).reader.today_log().pain] == [4]


async def test_nothing_to_undo_or_to_put_right(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory, assist: None
) -> None:
    """No stop to undo: said so. No recent level: the level is logged, not a second one."""
    alex = await alex_in(hass, "en")
    await call(hass, "log_pain", level=6)
    frozen_time.tick(timedelta(minutes=11))

    assert (await say(hass, "undo"))[0] == (
        "There's nothing to undo: a stop can be undone for 2 minutes."
    )
    assert (await say(hass, "that was wrong, it's a 8"))[0] == (
        "Pain level 8 logged. Take it easy today."
    )
    assert [entry.level for entry in coordinator(alex).reader.today_log().pain] == [6, 8]


async def test_a_paused_session_comes_back_paused_for_the_person_named(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory, assist: None
) -> None:
    """Two people: the one named gets their session back, paused as it was."""
    await set_up(hass, make_entry("Sam"))
    alex = await set_up(hass, make_entry("Alex"))
    await call(hass, "start_session", activity="rest", duration=10, config_entry_id=alex.entry_id)
    frozen_time.tick(timedelta(minutes=4))
    await call(hass, "pause_session", config_entry_id=alex.entry_id)
    await call(hass, "cancel_session", config_entry_id=alex.entry_id)

    answer, _ = await say(hass, "undo for Alex")

    assert answer == "Rest is back for Alex, paused with 6 minutes left."
    assert attributes(hass, alex, "sensor", "session")["status"] == "paused"
