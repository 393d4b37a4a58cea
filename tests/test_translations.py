"""Every language Back Relief speaks: complete texts, and each one heard and spoken.

The English files are the source. Every other language has exactly their keys,
the same placeholders and no empty text; then a few tests use the languages as
a person would: the cues on the speakers, a routine's steps, the checklist, an
error, and Assist's sentences and answers.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
import json
from pathlib import Path
import re
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import translation
from homeassistant.util.yaml import parse_yaml
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
    async_mock_service,
)

from custom_components.back_relief.const import DEFAULT_CHECKLIST, DOMAIN
from custom_components.back_relief.language.texts import PER_SIDE_WORDS, built_in_routines, group
from custom_components.back_relief.language.wording import fields
from custom_components.back_relief.routine.guided import BUILT_IN_STEPS, Step, parse_steps

from .conftest import entity_id, make_entry, say

COMPONENT = Path(__file__).parent.parent / "custom_components" / DOMAIN
LANGUAGES = ("de", "fr", "es", "nl")
# Home Assistant's placeholders in translations/*.json.
PLACEHOLDER = re.compile(r"\{(\w+)\}")

SPEAKER = "media_player.living_room"
ENGINE = "tts.piper"


def _flatten(texts: dict[str, Any], path: str = "") -> Iterator[tuple[str, Any]]:
    for key, value in texts.items():
        if isinstance(value, dict):
            yield from _flatten(value, f"{path}{key}.")
        else:
            yield f"{path}{key}", value


def _read(folder: str, language: str) -> dict[str, Any]:
    return dict(_flatten(json.loads((COMPONENT / folder / f"{language}.json").read_text("utf-8"))))


# ----- complete texts -----


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_have_the_english_keys_and_placeholders(language: str) -> None:
    """Config, options, entities, errors, issues and actions: all there, in full."""
    english = _read("translations", "en")
    translated = _read("translations", language)
    assert translated.keys() == english.keys()
    for key, text in translated.items():
        assert isinstance(text, str), key
        assert text.strip(), key
        assert set(PLACEHOLDER.findall(text)) == set(PLACEHOLDER.findall(english[key])), key
        # Markdown stays markdown: code and bold marks in the same number.
        for mark in ("`", "**"):
            assert text.count(mark) == english[key].count(mark), (key, mark)


@pytest.mark.parametrize("language", LANGUAGES)
def test_speech_has_the_english_keys_and_placeholders(language: str) -> None:
    """Cues, reminders, the week, the calendar, routines, the checklist, answers: all there."""
    english = _read("speech", "en")
    translated = _read("speech", language)
    assert translated.keys() == english.keys()
    for key, text in translated.items():
        assert isinstance(text, str), key
        assert text.strip(), key
        assert fields(text) == fields(english[key]), key


def test_every_language_is_spoken_and_heard() -> None:
    """Each language has its translations, speech (answers among it) and sentences."""
    every = {"en", *LANGUAGES}
    for folder, suffix in (("translations", "json"), ("speech", "json"), ("sentences", "yaml")):
        assert {path.stem for path in (COMPONENT / folder).glob(f"*.{suffix}")} == every, folder


SHARED_LISTS = {"br_activity", "br_checklist", "br_duration", "br_minutes", "br_level", "br_person"}


def _sentences(language: str) -> dict[str, Any]:
    text = (COMPONENT / "sentences" / f"{language}.yaml").read_text("utf-8")
    return dict(parse_yaml(text))  # type: ignore[arg-type]


def _slots(sentences: dict[str, Any]) -> set[str]:
    """Return the slots a language's sentences can fill, from lists and as fixed values."""
    written = json.dumps([sentences["intents"], sentences["expansion_rules"]])
    fixed = {
        slot
        for intent_data in sentences["intents"].values()
        for data in intent_data["data"]
        for slot in data.get("slots", {})
    }
    return set(re.findall(r"\{\w+:(\w+)\}", written)) | fixed


@pytest.mark.parametrize("language", LANGUAGES)
def test_sentences_mirror_the_english_intents(language: str) -> None:
    """Each language's sentences reach the same intents, with the same slots and lists."""
    english, translated = _sentences("en"), _sentences(language)
    assert translated["language"] == language
    assert translated["intents"].keys() == english["intents"].keys()
    assert _slots(translated) == _slots(english)
    # Lists of ways to say a thing follow each language's grammar ("let's stretch",
    # "lass uns dehnen"); those every language needs are shared.
    assert english["lists"].keys() >= SHARED_LISTS
    assert translated["lists"].keys() >= SHARED_LISTS
    assert translated["lists"]["br_person"] == {"values": []}
    activities = {value["out"] for value in translated["lists"]["br_activity"]["values"]}
    assert activities == {"exercise", "stretch", "inversion", "rest"}
    items = {value["out"] for value in translated["lists"]["br_checklist"]["values"]}
    assert items <= set(DEFAULT_CHECKLIST)


def test_english_words_cover_every_built_in_step() -> None:
    """speech/en.json gives every step of every built-in routine its name and cue."""
    english = json.loads((COMPONENT / "speech" / "en.json").read_text("utf-8"))["routines"]
    assert english.keys() == BUILT_IN_STEPS.keys()
    for key, steps in BUILT_IN_STEPS.items():
        assert english[key]["steps"].keys() == {step for step, _, _ in steps}, key


def test_english_checklist_texts_name_the_default_items() -> None:
    """speech/en.json names each of the checklist's own items, in their order."""
    english = json.loads((COMPONENT / "speech" / "en.json").read_text("utf-8"))["checklist"]
    assert tuple(english) == DEFAULT_CHECKLIST


def test_a_routine_without_words_in_a_language_keeps_its_english() -> None:
    """A step or a name a language doesn't give stays as written; timing never changes."""
    gentle = built_in_routines("en")["gentle_back"]
    translated = gentle.translated(
        {"steps": {"knees_to_chest": {"name": "Knie zur Brust", "cue": "Knie ran."}}}
    )
    assert translated.name == "Gentle back"
    assert translated.steps[0] == gentle.steps[0]
    assert (translated.steps[1].name, translated.steps[1].cue) == ("Knie zur Brust", "Knie ran.")
    assert [step.seconds for step in translated.steps] == [step.seconds for step in gentle.steps]
    assert translated.length == gentle.length


@pytest.mark.parametrize(
    "side", ["each side", "jede Seite", "chaque côté", "cada lado", "elke kant"]
)
def test_own_steps_say_each_side_in_any_language(side: str) -> None:
    """The options flow suggests "each side" in the user's language; all are understood."""
    assert parse_steps(f"Twist | 30 | Turn slowly. | {side}", PER_SIDE_WORDS) == (
        Step("Twist", 30, "Turn slowly.", per_side=True),
    )


# ----- in use -----


async def _setup(hass: HomeAssistant, language: str, **options: Any) -> MockConfigEntry:
    """Alex, in a house that speaks a language, with a speaker and an engine."""
    hass.config.language = language
    hass.states.async_set(SPEAKER, "idle")
    hass.states.async_set(ENGINE, "unknown")
    entry = make_entry(speakers=[SPEAKER], tts_entity=ENGINE, **options)
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    return entry


async def _advance(hass: HomeAssistant, freezer: FrozenDateTimeFactory, seconds: float) -> None:
    freezer.tick(timedelta(seconds=seconds))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()


def _messages(calls: list[ServiceCall]) -> list[str]:
    return [call.data["message"] for call in calls]


async def test_cues_are_spoken_in_the_house_language(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory
) -> None:
    """A German house hears German cues, from the start to coming up slowly."""
    speech = async_mock_service(hass, "tts", "speak")
    await _setup(hass, "de")
    await hass.services.async_call(
        DOMAIN, "start_session", {"activity": "inversion", "duration": 2}, blocking=True
    )
    await _advance(hass, frozen_time, 61)
    await _advance(hass, frozen_time, 60)
    assert _messages(speech) == [
        "Inversion gestartet: 2 Minuten. Ich sage dir, wann du wieder hochkommen kannst.",
        "Noch eine Minute auf dem Inversionstisch.",
        # A new person is on the gentle plan: the next day's length is said too.
        (
            "Inversion beendet. Komm langsam hoch und bleib einen Moment sitzen,"
            " bevor du aufstehst. Morgen: 3 Minuten."
        ),
    ]


async def test_one_minute_is_said_in_the_singular(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory
) -> None:
    """A one-minute session is "1 minute" from start to end, in German too."""
    speech = async_mock_service(hass, "tts", "speak")
    await _setup(hass, "en")
    await hass.services.async_call(
        DOMAIN, "start_session", {"activity": "exercise", "duration": 1}, blocking=True
    )
    await _advance(hass, frozen_time, 60)
    hass.config.language = "de"
    await hass.services.async_call(
        DOMAIN, "start_session", {"activity": "rest", "duration": 1}, blocking=True
    )
    await hass.async_block_till_done()
    assert _messages(speech) == [
        "Exercise started: 1 minute.",
        "Exercise done: 1 minute. Well done.",
        "Ruhepause gestartet: 1 Minute. Atme langsam und lass deinen Rücken entspannen.",
    ]


async def test_built_in_routine_steps_in_the_house_language(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory
) -> None:
    """A French house hears a built-in routine in French; its own routine as written."""
    speech = async_mock_service(hass, "tts", "speak")
    own = {
        "key": "Soir",
        "name": "Soir",
        "steps": [{"name": "Respirer", "seconds": 30, "cue": "Respirez.", "per_side": False}],
    }
    entry = await _setup(hass, "fr", routines=[own])
    session = entity_id(hass, entry, "sensor", "session")
    await hass.services.async_call(
        DOMAIN, "start_session", {"activity": "stretch", "routine": "gentle_back"}, blocking=True
    )
    await hass.async_block_till_done()
    assert hass.states.get(session).attributes["step"] == "Avant de commencer"
    await _advance(hass, frozen_time, 20)
    await _advance(hass, frozen_time, 45)
    assert hass.states.get(session).attributes["step_side"] == "left"
    assert _messages(speech) == [
        (
            "Dos en douceur : c'est parti pour 7 minutes. Je vous guide étape par étape. "
            "Avant de commencer. Étirez-vous seulement jusqu'où c'est confortable, jamais "
            "jusqu'à la douleur. Si quelque chose fait mal, arrêtez et reposez-vous."
        ),
        "Genoux à la poitrine. Sur le dos, ramenez les deux genoux contre la poitrine.",
        (
            "Un genou à la poitrine, côté gauche. Ramenez un genou contre la poitrine, "
            "l'autre jambe allongée."
        ),
    ]
    await hass.services.async_call(DOMAIN, "cancel_session", {}, blocking=True)
    speech.clear()
    await hass.services.async_call(
        DOMAIN, "start_session", {"activity": "stretch", "routine": "Soir"}, blocking=True
    )
    await hass.async_block_till_done()
    # A routine of one's own is spoken as written, after the comfort reminder.
    assert _messages(speech)[-1] == (
        "Soir : c'est parti pour 1 minute. Je vous guide étape par étape. Étirez-vous "
        "seulement jusqu'où c'est confortable, et arrêtez si ça fait mal. Respirer. Respirez."
    )


async def test_checklist_starts_in_the_house_language(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory
) -> None:
    """A Dutch house's checklist starts with Dutch items."""
    entry = await _setup(hass, "nl")
    checklist = entity_id(hass, entry, "todo", "checklist")
    items = await hass.services.async_call(
        "todo", "get_items", {"entity_id": checklist}, blocking=True, return_response=True
    )
    assert [item["summary"] for item in items[checklist]["items"]] == [
        "Vitamine D",
        "Kruidenmiddel",
        "Een paar minuten zon",
    ]


async def test_errors_are_translated(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory
) -> None:
    """A refused action explains itself in each language, its placeholders filled.

    Home Assistant words the exception itself in English; the frontend shows the
    translation of its key in the user's language, as looked up here.
    """
    await _setup(hass, "en")
    with pytest.raises(ServiceValidationError) as no_session:
        await hass.services.async_call(DOMAIN, "pause_session", {}, blocking=True)
    with pytest.raises(ServiceValidationError) as too_long:
        await hass.services.async_call(
            DOMAIN, "start_session", {"activity": "rest", "duration": 200}, blocking=True
        )

    async def message(language: str, err: ServiceValidationError) -> str:
        messages = await translation.async_get_translations(hass, language, "exceptions", [DOMAIN])
        key = f"component.{DOMAIN}.exceptions.{err.translation_key}.message"
        return str(messages[key]).format(**(err.translation_placeholders or {}))

    assert await message("de", no_session.value) == "Es läuft gerade keine Sitzung."
    assert await message("de", too_long.value) == (
        "200 Minuten sind hier nicht möglich: erlaubt sind 1 bis 120 Minuten."
    )
    assert await message("fr", too_long.value) == (
        "200 minutes, ce n'est pas possible ici : de 1 à 120 minutes."
    )
    assert await message("es", no_session.value) == "No hay ninguna sesión en curso."
    assert await message("nl", no_session.value) == "Er loopt geen sessie."


# ----- Assist -----


# What is said, and the answer; None moves the clock on eight minutes.
CONVERSATIONS: dict[str, list[tuple[str, str] | None]] = {
    "fr": [
        (
            "Démarre l'inversion pour vingt minutes",
            "L'inversion, c'est parti pour 20 minutes. Je vous dirai quand remonter.",
        ),
        None,
        ("combien de temps reste-t-il", "Il vous reste 12 minutes."),
        ("mets en pause ma séance", "L'inversion, c'est en pause : il reste 12 minutes."),
        ("combien de temps il reste", "Pause en cours pour l'inversion : il reste 12 minutes."),
        ("reprends ma séance d'inversion", "L'inversion, c'est reparti : il reste 12 minutes."),
        ("arrête ma séance", "L'inversion, c'est terminé : je compte 8 minutes."),
        ("note une demi-heure de yoga", "C'est noté : yoga, 30 minutes."),
        ("ma douleur est à 4", "Douleur notée : niveau 4."),
        (
            "quelle est ma série d'exercice",
            "Votre série d'exercice est de 1 jour ; votre record : 1.",
        ),
        (
            "lance une séance de repos de 15 minutes",
            "Le repos, c'est parti pour 15 minutes. Détendez-vous.",
        ),
        ("annule ma séance", "Le repos, c'est annulé : rien n'est compté."),
        (
            "commence les étirements",
            "Les étirements, c'est parti pour 15 minutes. N'allez que jusqu'où c'est confortable.",
        ),
        ("j'ai fini", "Les étirements, c'est terminé, mais c'était trop court pour compter."),
        ("annule la séance", "Aucune séance n'est en cours."),
    ],
    "es": [
        (
            "Empieza la inversión durante veinte minutos",
            "Inversión en marcha: 20 minutos. Te avisaré cuando sea hora de subir.",
        ),
        None,
        ("cuánto tiempo queda", "Tiempo restante: 12 minutos."),
        ("pausa mi sesión", "Inversión en pausa. Tiempo restante: 12 minutos."),
        (
            "cuánto tiempo me queda",
            "Tu sesión de inversión está en pausa. Tiempo restante: 12 minutos.",
        ),
        ("reanuda la sesión", "Inversión de nuevo en marcha. Tiempo restante: 12 minutos."),
        ("detén mi sesión", "Inversión: sesión terminada. He contado 8 minutos."),
        ("anota media hora de yoga", "He anotado 30 minutos de yoga."),
        ("mi dolor de espalda está en 4", "Nivel de dolor 4 anotado."),
        ("cuál es mi racha de ejercicio", "Tu racha de ejercicio es de 1 día; tu récord: 1."),
        (
            "inicia una sesión de descanso de 15 minutos",
            "Descanso en marcha: 15 minutos. Relájate.",
        ),
        ("cancela mi sesión", "Descanso: sesión cancelada. No he contado nada."),
        ("cancela la sesión", "No hay ninguna sesión en curso."),
    ],
    "nl": [
        (
            "Start inversie voor twintig minuten",
            "Inversie gestart: 20 minuten. Ik zeg het wanneer je weer omhoog kunt komen.",
        ),
        None,
        ("hoeveel tijd heb ik nog", "Je hebt nog 12 minuten."),
        ("pauzeer mijn sessie", "Inversie gepauzeerd, nog 12 minuten te gaan."),
        ("hoe lang nog", "Pauze bij inversie: nog 12 minuten te gaan."),
        ("hervat de inversiesessie", "Inversie gaat verder: nog 12 minuten."),
        ("stop mijn sessie", "Inversie gestopt: 8 minuten geteld."),
        ("noteer een half uur yoga", "30 minuten yoga genoteerd."),
        ("mijn rugpijn is 4", "Pijnniveau 4 genoteerd."),
        ("wat is mijn oefenreeks", "Je oefenreeks is 1 dag; je record is 1."),
        ("start een rustsessie van 15 minuten", "Rust gestart: 15 minuten. Ontspan je."),
        ("annuleer mijn sessie", "Rust geannuleerd; er is niets geteld."),
        ("annuleer de sessie", "Er loopt geen sessie."),
    ],
}


@pytest.mark.parametrize("language", CONVERSATIONS)
async def test_a_session_by_voice(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory, assist: None, language: str
) -> None:
    """Start, ask, pause, resume, stop, log and cancel, each in the language's words."""
    await _setup(hass, language)
    for line in CONVERSATIONS[language]:
        if line is None:
            frozen_time.tick(timedelta(minutes=8))
            continue
        sentence, expected = line
        _, response = await say(hass, sentence, language)
        assert response["speech"]["plain"]["speech"] == expected, sentence


@pytest.mark.parametrize("language", ["en", *LANGUAGES])
async def test_the_examples_of_whose_routine_are_understood(
    hass: HomeAssistant, assist: None, language: str
) -> None:
    """When Assist asks whose routine, the example it gives works as said."""
    for name in ("Sam", "Alex"):
        entry = make_entry(name)
        entry.add_to_hass(hass)
        assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    for key, example in group(language, "answers").items():
        if not key.startswith("example."):
            continue
        _, response = await say(hass, example.format(name="Sam"), language)
        assert response["data"].get("code") != "no_intent_match", example
        assert "Sam" in response["speech"]["plain"]["speech"] or response["response_type"] in (
            "action_done",
            "query_answer",
        ), example
