"""Sentences nobody wrote down: the parser, and Home Assistant's own sentences kept.

The broad sentences (a routine word with anything around it) would take any
command that says such a word, the user's own devices included, since Assist
prefers custom sentences. Each of these is asked with and without Back Relief
and must change and answer exactly the same.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from homeassistant.components import conversation
from homeassistant.core import Context, HomeAssistant
from homeassistant.helpers import area_registry as ar, entity_registry as er
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_mock_service
import yaml

from custom_components.back_relief.language.requests import Request, understand, words_for

from .conftest import attributes, call, make_entry, set_up, state

LANGUAGES = ("en", "de", "fr", "es", "nl")
# The user's own devices, named with routine words, and what is said to them.
DEVICE_SENTENCES = {
    "en": [
        "turn off the inversion table",
        "turn on the yoga room light",
        "play music on the rest speaker",
        "what's the temperature in the gym",
    ],
    "de": [
        "schalte Inversion table aus",
        "schalte Yoga room light ein",
        "pausiere Rest speaker",
        "wie warm ist es im Gym",
    ],
    "fr": [
        "éteins Inversion table",
        "allume Yoga room light",
        "mets Rest speaker en pause",
        "quelle est la température dans Gym",
    ],
    "es": [
        "apaga Inversion table",
        "enciende Yoga room light",
        "pausa Rest speaker",
        "cuál es la temperatura en Gym",
    ],
    "nl": [
        "zet Inversion table uit",
        "zet Yoga room light aan",
        "pauzeer Rest speaker",
        "wat is de temperatuur in Gym",
    ],
}


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "okay so, yoga time. make it twenty minutes", Request("start", "exercise", 20)),
        ("en", "Core time. Twenty minutes.", Request("start", "exercise", 20)),
        (
            "en",
            "I did twenty-five minutes of stretching after breakfast",
            Request("log", "stretch", 25),
        ),
        (
            "en",
            "three quarters of an hour on the inversion table",
            Request("start", "inversion", 45),
        ),
        ("en", "an hour and a half of rest", Request("start", "rest", 90)),
        ("en", "I'd put the pain at six", Request("pain", level=6)),
        ("en", "eight out of ten for the pain today", Request("pain", level=8)),
        ("en", "give me another ten", Request("extend", minutes=10)),
        ("en", "right, pause the stretching, the kettle's boiling", Request("pause", "stretch")),
        ("en", "mark vitamin D as done", Request("check", item="vitamin_d")),
        ("en", "my flare-up is over", Request("flare_up", state="off")),
        ("de", "ich habe heute früh fünfundzwanzig Minuten gedehnt", Request("log", "stretch", 25)),
        ("de", "setz die Dehnübungen fort", Request("resume", "stretch")),
        ("fr", "une demi-heure de yoga, s'il te plaît", Request("start", "exercise", 30)),
        ("es", "veinticinco minutos de estiramientos", Request("start", "stretch", 25)),
        ("nl", "ik heb vanochtend vijfentwintig minuten gerekt", Request("log", "stretch", 25)),
        # A verb said in two parts, "~" in the words.
        ("de", "ich leg mich jetzt für eine halbe Stunde hin", Request("start", "rest", 30)),
        ("de", "hör mit dem Dehnen auf, das reicht", Request("stop", "stretch")),
        # A word's end, "*reeks" in the words.
        ("nl", "hoe staat mijn inversiereeks ervoor", Request("streak", "inversion")),
        # "un minuteur" holds no minute.
        ("fr", "mets un minuteur pour mes abdos, 25 minutes", Request("start", "exercise", 25)),
    ],
)
def test_the_parser_understands_whole_sentences(
    language: str, text: str, expected: Request
) -> None:
    """What is asked, the activity and the minutes, in the words people use."""
    found = understand(text, words_for(language))
    assert found is not None
    assert (found.action, found.activity, found.minutes, found.level, found.state, found.item) == (
        expected.action,
        expected.activity,
        expected.minutes,
        expected.level,
        expected.state,
        expected.item,
    )


@pytest.mark.parametrize(
    "text",
    [
        "don't start yoga",
        "I did some yoga",  # a log without minutes
        "start Kim's yoga",  # someone else's routine
        "turn on the yoga lamp",
    ],
)
def test_the_parser_says_nothing_when_unsure(text: str) -> None:
    """Not understood is None: nothing changes."""
    assert understand(text, words_for("en"), ["Alex"]) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("when is my yoga done", Request("time_left", "exercise")),
        ("is the stretching almost over", Request("time_left", "stretch")),
        ("I'm enjoying this, add ten minutes", Request("extend", minutes=10)),
        ("I'm going to go lie down, start the rest", None),  # a start, not "to go"
        ("my back's gone into spasm again, flare-up mode please", Request("flare_up", state="on")),
    ],
)
def test_a_session_going_changes_what_words_mean(text: str, expected: Request | None) -> None:
    """A question ends nothing; "add" lengthens what runs."""
    found = understand(text, words_for("en"), running=True)
    if expected is None:
        assert found is None or found.action != "time_left"
        return
    assert found is not None
    assert (found.action, found.activity, found.minutes, found.state) == (
        expected.action,
        expected.activity,
        expected.minutes,
        expected.state,
    )


def test_without_a_session_a_question_does_nothing() -> None:
    """Asked with nothing running, "when is my yoga done" changes nothing."""
    assert understand("when is my yoga done", words_for("en")) is None
    found = understand("I'm going to go lie down, start the rest", words_for("en"))
    assert found is not None
    assert (found.action, found.activity) == ("start", "rest")


async def _house(hass: HomeAssistant) -> list[Any]:
    """Set up the user's own devices named with routine words; return the service calls."""
    gym = ar.async_get(hass).async_create("Gym")
    registry = er.async_get(hass)
    thermostat = registry.async_get_or_create("climate", "test", "gym")
    registry.async_update_entity(thermostat.entity_id, area_id=gym.id)
    hass.states.async_set(
        thermostat.entity_id,
        "heat",
        {"friendly_name": "Gym thermostat", "current_temperature": 19, "temperature": 20},
    )
    hass.states.async_set("switch.inversion_table", "on", {"friendly_name": "Inversion table"})
    hass.states.async_set("light.yoga_room_light", "off", {"friendly_name": "Yoga room light"})
    hass.states.async_set(
        "media_player.rest_speaker",
        "playing",
        {"friendly_name": "Rest speaker", "supported_features": 0xFFFFF},
    )
    calls: list[Any] = []
    for domain, service in (
        ("switch", "turn_off"),
        ("light", "turn_on"),
        ("media_player", "media_pause"),
        ("media_player", "play_media"),
        ("media_player", "search_media"),
    ):
        calls.append(async_mock_service(hass, domain, service))
    return calls


async def _ask(hass: HomeAssistant, language: str, calls: list[Any]) -> list[Any]:
    answers = []
    for sentence in DEVICE_SENTENCES[language]:
        result = await conversation.async_converse(hass, sentence, None, Context(), language)
        response = result.response
        done = [(call.domain, call.service, dict(call.data)) for found in calls for call in found]
        for found in calls:
            found.clear()
        answers.append((sentence, response.response_type, response.speech, done))
    return answers


@pytest.mark.parametrize("language", LANGUAGES)
async def test_the_users_own_devices_stay_home_assistants(
    hass: HomeAssistant, assist: None, language: str
) -> None:
    """A device or area named with a routine word is handled as without Back Relief."""
    assert await async_setup_component(hass, "media_player", {})
    calls = await _house(hass)
    entry = await set_up(hass, make_entry("Alex"))
    with_back_relief = await _ask(hass, language, calls)
    assert state(hass, entry, "sensor", "session") == "idle"

    assert await hass.config_entries.async_remove(entry.entry_id)
    await hass.async_block_till_done()
    without = await _ask(hass, language, calls)
    assert with_back_relief == without
    # The switch was switched: the sentences did reach Home Assistant's intents.
    assert any(done for *_, done in without)


@pytest.mark.parametrize(
    ("language", "pause", "resume", "done"),
    [
        ("en", "pause", "carry on", "I'm done"),
        ("de", "Pause", "weiter", "ich bin fertig"),
        ("fr", "pause", "continue", "j'ai fini"),
        ("es", "pausa", "sigue", "he terminado"),
        ("nl", "pauze", "ga door", "ik ben klaar"),
    ],
)
async def test_bare_words_act_on_the_session_from_the_chat(
    hass: HomeAssistant, assist: None, language: str, pause: str, resume: str, done: str
) -> None:
    """With a session going, the bare words need no area: the phone's chat works."""
    entry: MockConfigEntry = await set_up(hass, make_entry("Alex"))
    await call(hass, "start_session", activity="inversion", duration=10)

    async def chat(text: str) -> None:
        await conversation.async_converse(hass, text, None, Context(), language)

    await chat(pause)
    assert attributes(hass, entry, "sensor", "session")["status"] == "paused"
    await chat(resume)
    assert attributes(hass, entry, "sensor", "session")["status"] == "running"
    await chat(done)
    assert state(hass, entry, "sensor", "session") == "idle"


async def test_the_timer_is_the_sessions_when_home_assistant_has_none(
    hass: HomeAssistant, assist: None
) -> None:
    """Saying "pause the timer" with no timer of Home Assistant's pauses the session going."""
    entry: MockConfigEntry = await set_up(hass, make_entry("Alex"))
    await call(hass, "start_session", activity="inversion", duration=10)
    await conversation.async_converse(hass, "hang on, put the timer on hold", None, Context(), "en")
    assert attributes(hass, entry, "sensor", "session")["status"] == "paused"


class _OneKeyOnce(yaml.SafeLoader):
    """A loader that refuses a key written twice in one mapping."""


def _mapping(loader: _OneKeyOnce, node: yaml.MappingNode) -> dict[Any, Any]:
    keys = [loader.construct_object(key) for key, _ in node.value]
    assert len(keys) == len(set(keys)), sorted(key for key in keys if keys.count(key) > 1)
    return loader.construct_mapping(node)


_OneKeyOnce.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_rule_of_a_sentence_file_is_written_twice(language: str) -> None:
    """A list or rule named twice would silently replace the first (YAML keeps the last)."""
    path = (
        Path(__file__).parents[1] / "custom_components/back_relief/sentences" / f"{language}.yaml"
    )
    yaml.load(path.read_text(encoding="utf-8"), Loader=_OneKeyOnce)  # noqa: S506 - a safe loader
