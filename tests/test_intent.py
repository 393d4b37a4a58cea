"""Voice control through Assist's built-in agent: every sentence of the product, spoken.

Each test speaks to the real conversation agent, which reads the sentence files
Back Relief writes, and checks both what is said back and what changed.
"""

from __future__ import annotations

from datetime import date, timedelta
import importlib.util
import os
from pathlib import Path

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.number import SERVICE_SET_VALUE
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import Context, HomeAssistant
from homeassistant.helpers import device_registry as dr, entity_registry as er, intent, llm
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.back_relief.const import CONF_MAX_INVERSION, CONF_SPEAKERS, DOMAIN

from .conftest import attributes, entity_action, entity_id, make_entry, reload, say, set_up, state


@pytest.fixture
async def alex(hass: HomeAssistant, assist: None) -> MockConfigEntry:
    """Alex, alone in the house."""
    return await set_up(hass, make_entry("Alex"))


@pytest.fixture
async def sam_and_alex(hass: HomeAssistant, assist: None) -> tuple[MockConfigEntry, ...]:
    """Sam and Alex, sharing the house."""
    return (await set_up(hass, make_entry("Sam")), await set_up(hass, make_entry("Alex")))


# ----- the sentences of the product -----


@pytest.mark.parametrize(
    ("sentence", "activity", "minutes", "answer"),
    [
        (
            # A new person's inversion follows the gentle plan: it begins at 2 minutes.
            "start my inversion session",
            "inversion",
            2,
            "Inversion started: 2 minutes. I'll tell you when to come up.",
        ),
        (
            "start inversion for 20 minutes",
            "inversion",
            20,
            "Inversion started: 20 minutes. I'll tell you when to come up.",
        ),
        (
            "start my stretching routine",
            "stretch",
            15,
            "Stretching started: 15 minutes. Stretch only as far as it feels comfortable.",
        ),
        ("start a rest session for 15 minutes", "rest", 15, "Rest started: 15 minutes. Relax."),
        ("start exercise", "exercise", 20, "Exercise started: 20 minutes."),
        # Natural variants.
        (
            "Start inversion for twenty minutes.",
            "inversion",
            20,
            "Inversion started: 20 minutes. I'll tell you when to come up.",
        ),
        (
            "start the inversion table for half an hour",
            "inversion",
            30,
            "Inversion started: 30 minutes. I'll tell you when to come up.",
        ),
        (
            "I want to hang upside down for a quarter of an hour",
            "inversion",
            15,
            "Inversion started: 15 minutes. I'll tell you when to come up.",
        ),
        ("start a 10 minute yoga session", "exercise", 10, "Exercise started: 10 minutes."),
        ("begin my core workout", "exercise", 20, "Exercise started: 20 minutes."),
        ("start stretching for 5 minutes", "stretch", 5, None),
        ("let's relax for ten minutes", "rest", 10, "Rest started: 10 minutes. Relax."),
        ("start 25 minutes of rest", "rest", 25, None),
    ],
)
async def test_start(
    hass: HomeAssistant,
    alex: MockConfigEntry,
    sentence: str,
    activity: str,
    minutes: int,
    answer: str | None,
) -> None:
    """Each way of starting a session starts it, for as long as was said."""
    speech, response = await say(hass, sentence)
    if answer is not None:
        assert speech == answer
    assert response["response_type"] == "action_done"
    assert state(hass, alex, "sensor", "session") == activity
    assert attributes(hass, alex, "sensor", "session")["planned_minutes"] == minutes
    assert state(hass, alex, "binary_sensor", "session_active") == "on"


async def test_a_session_by_voice(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory, alex: MockConfigEntry
) -> None:
    """Pause, resume, ask the time and stop, as the product lists them."""
    await say(hass, "start inversion for 20 minutes")
    frozen_time.tick(timedelta(minutes=8))

    speech, _ = await say(hass, "pause my session")
    assert speech == "Inversion paused, with 12 minutes left."
    assert attributes(hass, alex, "sensor", "session")["status"] == "paused"

    frozen_time.tick(timedelta(minutes=5))
    speech, response = await say(hass, "how much time is left")
    assert speech == "Your inversion is paused with 12 minutes left."
    assert response["response_type"] == "query_answer"

    speech, _ = await say(hass, "resume my session")
    assert speech == "Inversion resumed: 12 minutes left."
    assert attributes(hass, alex, "sensor", "session")["status"] == "running"

    frozen_time.tick(timedelta(minutes=2, seconds=10))
    speech, _ = await say(hass, "how much time is left")
    assert speech == "You have 10 minutes left."
    speech, _ = await say(hass, "how long do I have left")
    assert speech == "You have 10 minutes left."

    speech, _ = await say(hass, "stop my session")
    assert speech == "Inversion stopped: 10 minutes counted."
    assert state(hass, alex, "sensor", "session") == "idle"
    assert state(hass, alex, "sensor", "inversion_today") == "10"


async def test_cancel_counts_nothing(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory, alex: MockConfigEntry
) -> None:
    """Cancelling ends the session and counts nothing."""
    await say(hass, "start a rest session for 15 minutes")
    frozen_time.tick(timedelta(minutes=6))
    speech, _ = await say(hass, "cancel my session")
    assert speech == "Rest cancelled; nothing was counted."
    assert state(hass, alex, "sensor", "session") == "idle"
    assert state(hass, alex, "sensor", "rest_today") == "0"


async def test_done_stretching(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory, alex: MockConfigEntry
) -> None:
    """Saying "I'm done stretching" stops the stretch and counts it as exercise."""
    await say(hass, "start my stretching routine")
    frozen_time.tick(timedelta(minutes=7, seconds=20))
    speech, _ = await say(hass, "how much longer")
    assert speech == "You have 8 minutes left."
    speech, _ = await say(hass, "I'm done stretching")
    assert speech == "Stretching stopped: 7 minutes counted."
    assert state(hass, alex, "sensor", "exercise_today") == "7"


async def test_a_very_short_session_counts_nothing(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory, alex: MockConfigEntry
) -> None:
    """Stopped within seconds, a session says it was too short to count."""
    await say(hass, "start exercise")
    frozen_time.tick(timedelta(seconds=20))
    speech, _ = await say(hass, "how much time is left")
    assert speech == "You have 20 minutes left."
    speech, _ = await say(hass, "end my workout")
    assert speech == "Exercise stopped; it was too short to count."


async def test_less_than_a_minute_left(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory, alex: MockConfigEntry
) -> None:
    """The last seconds are "less than a minute"."""
    await say(hass, "start exercise for 1 minute")
    frozen_time.tick(timedelta(seconds=25))
    speech, _ = await say(hass, "how many minutes are left")
    assert speech == "You have less than a minute left."


@pytest.mark.parametrize(
    ("sentence", "answer", "kind"),
    [
        ("log 30 minutes of yoga", "Logged 30 minutes of yoga.", "yoga"),
        ("log half an hour of yoga", "Logged 30 minutes of yoga.", "yoga"),
        ("I did thirty minutes of core", "Logged 30 minutes of core.", "core"),
        ("record yoga for 30 minutes", "Logged 30 minutes of yoga.", "yoga"),
        ("log 30 minutes of exercise", "Logged 30 minutes of exercise.", None),
        # A verb says what was done, not what kind of exercise it was.
        ("I worked out for 30 minutes", "Logged 30 minutes of exercise.", None),
        ("I went for a walk for 30 minutes", "Logged 30 minutes of exercise.", None),
    ],
)
async def test_log_activity(
    hass: HomeAssistant, alex: MockConfigEntry, sentence: str, answer: str, kind: str | None
) -> None:
    """Minutes done elsewhere count toward today's exercise, with what they were."""
    speech, _ = await say(hass, sentence)
    assert speech == answer
    assert state(hass, alex, "sensor", "exercise_today") == "30"
    log = alex.runtime_data.coordinator.reader.today_log()
    assert log.kinds == ({kind: 30} if kind else {})


async def test_log_stretching_and_rest(hass: HomeAssistant, alex: MockConfigEntry) -> None:
    """Stretching counts as exercise; rest is rest."""
    speech, _ = await say(hass, "log 10 minutes of stretching")
    assert speech == "Logged 10 minutes of stretching."
    speech, _ = await say(hass, "log 20 minutes of relaxation")
    assert speech == "Logged 20 minutes of relaxation."
    assert state(hass, alex, "sensor", "exercise_today") == "10"
    assert state(hass, alex, "sensor", "rest_today") == "20"


@pytest.mark.parametrize(
    ("language", "sentence", "answer"),
    [
        ("en", "I rested for 15 minutes", "Logged 15 minutes of rest."),
        ("en", "I stretched for 15 minutes", "Logged 15 minutes of stretching."),
        ("de", "ich habe mich 15 Minuten ausgeruht", "15 Minuten Ruhepause eingetragen."),
        ("nl", "ik heb 15 minuten gerust", "15 minuten rust genoteerd."),
    ],
)
async def test_logged_with_a_verb_names_the_activity(
    hass: HomeAssistant, alex: MockConfigEntry, language: str, sentence: str, answer: str
) -> None:
    """A verb such as "I rested" logs the activity, and the answer names it, not the verb."""
    speech, _ = await say(hass, sentence, language=language)
    assert speech == answer
    assert alex.runtime_data.coordinator.reader.today_log().kinds == {}


@pytest.mark.parametrize(
    ("sentence", "level", "answer"),
    [
        ("my back pain is 4", 4, "Pain level 4 logged."),
        ("my back pain is four", 4, "Pain level 4 logged."),
        ("my pain level is 2 out of 10", 2, "Pain level 2 logged."),
        ("log my back pain at 8", 8, "Pain level 8 logged. Take it easy today."),
        ("my back hurts a 0", 0, "Pain level 0 logged."),
    ],
)
async def test_log_pain(
    hass: HomeAssistant, alex: MockConfigEntry, sentence: str, level: int, answer: str
) -> None:
    """Pain is logged from what was said."""
    speech, _ = await say(hass, sentence)
    assert speech == answer
    assert state(hass, alex, "sensor", "pain_level") == str(level)


async def test_extend_by_voice(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory, alex: MockConfigEntry
) -> None:
    """More minutes move the end; past the inversion cap, nothing changes."""
    await say(hass, "start inversion for 15 minutes")
    frozen_time.tick(timedelta(minutes=5))
    speech, _ = await say(hass, "add 1 minute")
    assert speech == "Inversion extended by 1 minute: 11 minutes left."
    speech, _ = await say(hass, "give me five more minutes")
    assert speech == "Inversion extended by 5 minutes: 16 minutes left."
    assert attributes(hass, alex, "sensor", "session")["planned_minutes"] == 21

    before = attributes(hass, alex, "sensor", "session")
    speech, response = await say(hass, "add 20 minutes")
    assert response["response_type"] == "error"
    assert "30" in speech
    assert attributes(hass, alex, "sensor", "session") == before


async def test_flare_up_by_voice(hass: HomeAssistant, alex: MockConfigEntry) -> None:
    """A flare-up said is the flare-up switch turned on; over, turned off."""
    speech, _ = await say(hass, "I'm having a flare-up")
    assert speech == "Flare-up noted: today won't break a streak. Go gently."
    assert state(hass, alex, "switch", "flare_up") == "on"
    speech, _ = await say(hass, "my flare-up is over")
    assert speech == "Flare-up over; today still won't break a streak."
    assert state(hass, alex, "switch", "flare_up") == "off"
    assert alex.runtime_data.coordinator.reader.today_log().flare_up


async def test_checklist_by_voice(hass: HomeAssistant, alex: MockConfigEntry) -> None:
    """An item said done is checked off today; said again, it was already."""
    todo = entity_id(hass, alex, "todo", "checklist")
    assert hass.states.get(todo).state == "3"  # type: ignore[union-attr]
    speech, _ = await say(hass, "I took my vitamin D")
    assert speech == "Vitamin D checked off."
    assert hass.states.get(todo).state == "2"  # type: ignore[union-attr]
    speech, _ = await say(hass, "I've taken my vitamin d today")
    assert speech == "Vitamin D was already checked off today."

    await hass.services.async_call(
        "todo", "remove_item", {"entity_id": todo, "item": "Herbal remedy"}, blocking=True
    )
    speech, response = await say(hass, "I took my herbal remedy")
    assert speech == "Herbal remedy isn't on the checklist."
    assert response["response_type"] == "error"
    assert hass.states.get(todo).state == "1"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("language", "extend", "extended", "flare_up", "flared", "check", "checked"),
    [
        (
            "de",
            "gib mir noch eine Minute",
            "Inversion um 1 Minute verlängert: noch 11 Minuten.",
            "ich habe einen Schub",
            "Schub notiert: heute reißt keine Serie. Mach langsam.",
            "ich habe mein Vitamin D genommen",
            "Vitamin D abgehakt.",
        ),
        (
            "fr",
            "ajoute 1 minute",
            "L'inversion, 1 minute de plus : il reste 11 minutes.",
            "j'ai une crise",
            "Crise notée : aujourd'hui ne cassera aucune série. Allez-y doucement.",
            "j'ai pris ma vitamine D",
            "Vitamine D : c'est coché dans la liste.",
        ),
        (
            "es",
            "añade 1 minuto",
            "Inversión alargada 1 minuto: quedan 11 minutos.",
            "tengo una crisis",
            "Crisis anotada: hoy no se romperá ninguna racha. Con calma.",
            "me tomé la vitamina D",
            "Marcado: Vitamina D.",
        ),
        (
            "nl",
            "voeg 1 minuut toe",
            "Inversie verlengd met 1 minuut: nog 11 minuten.",
            "ik heb een opflakkering",
            "Opflakkering genoteerd: vandaag breekt geen reeks. Doe rustig aan.",
            "ik heb mijn vitamine D genomen",
            "Vitamine D afgevinkt.",
        ),
    ],
)
async def test_extend_flare_up_and_checklist_in_each_language(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    assist: None,
    language: str,
    extend: str,
    extended: str,
    flare_up: str,
    flared: str,
    check: str,
    checked: str,
) -> None:
    """The new answers say what happened, in the person's language, in the singular too."""
    hass.config.language = language
    alex = await set_up(hass, make_entry("Alex"))
    await say(hass, "start inversion for 15 minutes")
    frozen_time.tick(timedelta(minutes=5))
    assert (await say(hass, extend, language))[0] == extended
    assert (await say(hass, flare_up, language))[0] == flared
    assert state(hass, alex, "switch", "flare_up") == "on"
    assert (await say(hass, check, language))[0] == checked


async def test_streaks(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory, alex: MockConfigEntry
) -> None:
    """Streaks are told with the best one; stretching asks for the exercise streak."""
    speech, response = await say(hass, "what's my exercise streak")
    assert speech == "Your exercise streak is 0 days; your best is 0."
    assert response["response_type"] == "query_answer"

    today = date.fromisoformat("2026-11-25")
    # Nine days in a row, a gap, then five days up to today.
    days = [today - timedelta(days=back) for back in (*range(7, 16), *range(5))]
    for day in days:
        await hass.services.async_call(
            DOMAIN,
            "log_activity",
            {"activity": "exercise", "minutes": 20, "date": day.isoformat()},
            blocking=True,
        )
    await hass.services.async_call(
        DOMAIN, "log_activity", {"activity": "rest", "minutes": 15}, blocking=True
    )

    speech, _ = await say(hass, "what's my exercise streak")
    assert speech == "Your exercise streak is 5 days; your best is 9."
    assert state(hass, alex, "sensor", "exercise_streak") == "5"
    speech, _ = await say(hass, "what's my rest streak")
    assert speech == "Your rest streak is 1 day; your best is 1."
    speech, _ = await say(hass, "how long is my stretching streak")
    assert speech == "Your exercise streak is 5 days; your best is 9."
    speech, _ = await say(hass, "what is my inversion streak")
    assert speech == "Your inversion streak is 0 days; your best is 0."
    speech, _ = await say(hass, "what are my streaks")
    assert speech == "Your streaks: exercise 5 days, rest 1 day, inversion 0 days."


# ----- refusals, in plain words -----


async def test_nothing_to_pause_stop_or_ask(hass: HomeAssistant, alex: MockConfigEntry) -> None:
    """Without a session, each request says so, as an error response."""
    for sentence in ("pause my session", "resume my session", "stop my session"):
        speech, response = await say(hass, sentence)
        assert speech == "There is no session going."
        assert response["response_type"] == "error"
    speech, _ = await say(hass, "cancel my session")
    assert speech == "There is no session going."
    speech, _ = await say(hass, "how much time is left in my session")
    assert speech == "There is no session going."


async def test_refusals_of_a_running_session(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory, alex: MockConfigEntry
) -> None:
    """A second start, a second pause, a resume while running: said plainly, nothing changed."""
    await say(hass, "start my inversion session")

    speech, response = await say(hass, "start exercise")
    assert speech == "Your inversion session is still going. Stop or cancel it first."
    assert response["response_type"] == "error"
    assert state(hass, alex, "sensor", "session") == "inversion"

    speech, _ = await say(hass, "resume my session")
    assert speech == "Your session isn't paused."

    await say(hass, "pause my session")
    speech, _ = await say(hass, "pause my session")
    assert speech == "Your session is already paused."


async def test_the_wrong_activity_is_not_stopped(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory, alex: MockConfigEntry
) -> None:
    """Stopping "my inversion" leaves a stretch alone; "my exercise" includes it."""
    await say(hass, "start my stretching routine")
    speech, response = await say(hass, "stop my inversion")
    assert speech == "Your stretching session is going, not inversion."
    assert response["response_type"] == "error"
    assert state(hass, alex, "sensor", "session") == "stretch"
    frozen_time.tick(timedelta(minutes=3))
    speech, _ = await say(hass, "stop my exercise")
    assert speech == "Stretching stopped: 3 minutes counted."


async def test_too_long_a_session(hass: HomeAssistant, assist: None) -> None:
    """Past the inversion limit, the answer says the allowed range; nothing starts."""
    entry = await set_up(hass, make_entry("Alex", **{CONF_MAX_INVERSION: 25}))
    speech, response = await say(hass, "start inversion for 45 minutes")
    assert speech == "Inversion sessions can be 1 to 25 minutes long."
    assert response["response_type"] == "error"
    assert state(hass, entry, "sensor", "session") == "idle"
    speech, _ = await say(hass, "start exercise for 2 hours")
    assert speech == "Exercise started: 120 minutes."


async def test_out_of_range_through_an_intent(hass: HomeAssistant, alex: MockConfigEntry) -> None:
    """Numbers the sentences can't carry (an LLM might send them) are refused in words."""
    response = await intent.async_handle(
        hass, "test", "BackReliefLogPain", {"level": {"value": 11}}, language="en"
    )
    assert response.speech["plain"]["speech"] == "Pain is logged from 0 to 10."
    assert response.response_type is intent.IntentResponseType.ERROR
    response = await intent.async_handle(
        hass,
        "test",
        "BackReliefLogActivity",
        {"activity": {"value": "exercise"}, "minutes": {"value": 700}},
        language="en",
    )
    assert response.speech["plain"]["speech"] == "You can log 1 to 600 minutes at a time."
    assert state(hass, alex, "sensor", "exercise_today") == "0"
    assert state(hass, alex, "sensor", "pain_level") == "unknown"


async def test_nobody_set_up(hass: HomeAssistant, assist: None) -> None:
    """With every person removed, an intent (from an LLM, say) answers so."""
    entry = await set_up(hass, make_entry("Alex"))
    assert await hass.config_entries.async_remove(entry.entry_id)
    response = await intent.async_handle(hass, "test", "BackReliefStreak", {}, language="en")
    assert response.speech["plain"]["speech"] == "Nobody is set up in Back Relief yet."


# ----- several people -----


async def test_two_people_by_name(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    sam_and_alex: tuple[MockConfigEntry, ...],
) -> None:
    """A sentence that names the person acts on that person's routine only."""
    sam, alex = sam_and_alex
    # Past the gentle plan's first length, as someone used to the table.
    await entity_action(hass, "number.sam_inversion_duration", SERVICE_SET_VALUE, value=15)
    speech, _ = await say(hass, "start Sam's inversion")
    assert speech == "Inversion started for Sam: 15 minutes. I'll tell you when to come up."
    assert state(hass, sam, "sensor", "session") == "inversion"
    assert state(hass, alex, "sensor", "session") == "idle"

    speech, _ = await say(hass, "start stretching for Alex for 10 minutes")
    assert speech.startswith("Stretching started for Alex: 10 minutes.")
    assert state(hass, alex, "sensor", "session") == "stretch"

    frozen_time.tick(timedelta(minutes=4))
    speech, _ = await say(hass, "how much time does Sam have left")
    assert speech == "Sam has 11 minutes left."
    speech, _ = await say(hass, "pause Alex's session")
    assert speech == "Stretching paused for Alex, with 6 minutes left."
    speech, _ = await say(hass, "Sam is done")
    assert speech == "Inversion stopped for Sam: 4 minutes counted."
    assert state(hass, sam, "sensor", "inversion_today") == "4"
    assert attributes(hass, alex, "sensor", "session")["status"] == "paused"

    speech, _ = await say(hass, "log 30 minutes of yoga for Sam")
    assert speech == "Logged 30 minutes of yoga for Sam."
    assert state(hass, sam, "sensor", "exercise_today") == "30"
    assert state(hass, alex, "sensor", "exercise_today") == "0"
    speech, _ = await say(hass, "Sam's back pain is 3")
    assert speech == "Pain level 3 logged for Sam."
    assert state(hass, sam, "sensor", "pain_level") == "3"
    speech, _ = await say(hass, "what's Alex's exercise streak")
    assert speech == "Alex's exercise streak is 0 days; the best is 0."


async def test_two_people_without_a_name(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    sam_and_alex: tuple[MockConfigEntry, ...],
) -> None:
    """Without a way to tell, the answer says how to say it; a session tells by itself."""
    sam, alex = sam_and_alex
    speech, response = await say(hass, "start my inversion session")
    assert speech == "Whose routine: Alex or Sam?"
    assert response["response_type"] == "error"
    assert state(hass, sam, "sensor", "session") == "idle"
    assert state(hass, alex, "sensor", "session") == "idle"

    speech, _ = await say(hass, "my back pain is 4")
    assert speech == "Whose routine: Alex or Sam?"
    speech, _ = await say(hass, "pause my session")
    assert speech == "There is no session going."

    # Only Sam has a session: "my session" can only be Sam's.
    await say(hass, "start inversion for Sam for 20 minutes")
    frozen_time.tick(timedelta(minutes=5))
    speech, _ = await say(hass, "how much time is left")
    assert speech == "Sam has 15 minutes left."
    speech, _ = await say(hass, "pause my session")
    assert speech == "Inversion paused for Sam, with 15 minutes left."

    # With two sessions going, it asks again.
    await say(hass, "start rest for Alex")
    speech, _ = await say(hass, "cancel my session")
    assert speech == "Whose routine: Alex or Sam?"
    assert state(hass, sam, "sensor", "session") == "inversion"
    assert state(hass, alex, "sensor", "session") == "rest"


async def test_the_satellite_tells_whose_routine(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    assist: None,
    device_registry: dr.DeviceRegistry,
    entity_registry: er.EntityRegistry,
) -> None:
    """A request heard by a speaker in one person's speakers is for that person."""
    satellite_entry = MockConfigEntry(domain="test")
    satellite_entry.add_to_hass(hass)
    device = device_registry.async_get_or_create(
        config_entry_id=satellite_entry.entry_id, identifiers={("test", "bedroom")}
    )
    speaker = entity_registry.async_get_or_create(
        "media_player", "test", "bedroom", device_id=device.id
    )
    sam = await set_up(hass, make_entry("Sam", **{CONF_SPEAKERS: [speaker.entity_id]}))
    alex = await set_up(hass, make_entry("Alex"))

    speech, _ = await say(hass, "start exercise", device_id=device.id)
    assert speech == "Exercise started for Sam: 20 minutes."
    assert state(hass, sam, "sensor", "session") == "exercise"
    assert state(hass, alex, "sensor", "session") == "idle"


async def test_the_user_tells_whose_routine(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory, assist: None
) -> None:
    """Typed in the app by a user who is a person of Back Relief: that person's routine."""
    user = await hass.auth.async_create_user("Alex")
    hass.states.async_set("person.alex", "home", {"user_id": user.id})
    sam = await set_up(hass, make_entry("Sam"))
    entry = await set_up(hass, make_entry("Alex", person="person.alex"))

    speech, _ = await say(hass, "log 20 minutes of yoga", context=Context(user_id=user.id))
    assert speech == "Logged 20 minutes of yoga for Alex."
    assert state(hass, entry, "sensor", "exercise_today") == "20"
    assert state(hass, sam, "sensor", "exercise_today") == "0"


async def test_a_person_not_loaded(
    hass: HomeAssistant, sam_and_alex: tuple[MockConfigEntry, ...]
) -> None:
    """A named person whose routine isn't loaded is said to be unavailable."""
    sam, _ = sam_and_alex
    assert await hass.config_entries.async_unload(sam.entry_id)
    speech, response = await say(hass, "start Sam's inversion")
    assert speech == "Sam's routine isn't available right now."
    assert response["response_type"] == "error"


# ----- German -----


async def test_german(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory, alex: MockConfigEntry
) -> None:
    """German sentences get German answers."""
    speech, _ = await say(hass, "Starte Inversion für zwanzig Minuten", "de")
    assert speech == (
        "Inversion gestartet: 20 Minuten. Ich sage dir, wann du langsam hochkommen sollst."
    )
    assert attributes(hass, alex, "sensor", "session")["planned_minutes"] == 20
    frozen_time.tick(timedelta(minutes=8))
    speech, _ = await say(hass, "wie viel Zeit ist noch übrig", "de")
    assert speech == "Du hast noch 12 Minuten."
    speech, _ = await say(hass, "pausiere meine Sitzung", "de")
    assert speech == "Inversion pausiert, noch 12 Minuten."
    speech, _ = await say(hass, "setze meine Sitzung fort", "de")
    assert speech == "Inversion geht weiter: noch 12 Minuten."
    speech, _ = await say(hass, "beende meine Sitzung", "de")
    assert speech == "Inversion beendet: 8 Minuten gezählt."
    speech, _ = await say(hass, "trage eine halbe Stunde Yoga ein", "de")
    assert speech == "30 Minuten Yoga eingetragen."
    speech, _ = await say(hass, "meine Rückenschmerzen sind bei 4", "de")
    assert speech == "Schmerzstufe 4 eingetragen."
    speech, _ = await say(hass, "wie lang ist meine Trainingsserie", "de")
    assert speech == "Deine Trainingsserie ist 1 Tag lang; dein Rekord: 1."
    speech, _ = await say(hass, "brich meine Sitzung ab", "de")
    assert speech == "Es läuft gerade keine Sitzung."


# ----- the sentence files -----


def sentences_file(hass: HomeAssistant, language: str = "en") -> Path:
    """Return where Back Relief writes a language's sentences."""
    return Path(hass.config.path("custom_sentences", language, "back_relief.yaml"))


async def test_sentence_files_follow_the_people(hass: HomeAssistant, assist: None) -> None:
    """Written with a marker and the names; names come and go; removed with the last person."""
    sam = await set_up(hass, make_entry("Sam"))
    english = sentences_file(hass).read_text(encoding="utf-8")
    assert english.startswith("# Written by Back Relief 0.1.0.")
    assert "in: Sam" in english
    assert "in: Sam" in sentences_file(hass, "de").read_text(encoding="utf-8")

    alex = await set_up(hass, make_entry("Alex"))
    assert "in: Alex" in sentences_file(hass).read_text(encoding="utf-8")
    speech, _ = await say(hass, "start Alex's inversion")
    assert speech.startswith("Inversion started for Alex")

    assert await hass.config_entries.async_remove(alex.entry_id)
    await hass.async_block_till_done()
    english = sentences_file(hass).read_text(encoding="utf-8")
    assert "in: Alex" not in english
    assert "in: Sam" in english
    # Assist forgot Alex's name at once.
    speech, response = await say(hass, "start Alex's inversion")
    assert response["response_type"] == "error"
    assert state(hass, sam, "sensor", "session") == "idle"

    assert await hass.config_entries.async_remove(sam.entry_id)
    await hass.async_block_till_done()
    assert not sentences_file(hass).exists()
    assert not sentences_file(hass, "de").exists()
    assert not Path(hass.config.path("custom_sentences")).exists()
    speech, response = await say(hass, "start my inversion session")
    assert response["response_type"] == "error"
    assert not speech.startswith("Inversion started")


async def test_an_older_file_is_rewritten(hass: HomeAssistant, assist: None) -> None:
    """A file from an older Back Relief is brought up to date at start-up."""
    path = sentences_file(hass)
    path.parent.mkdir(parents=True)
    path.write_text("# Written by Back Relief 0.0.1.\nlanguage: en\nintents: {}\n", "utf-8")
    await set_up(hass, make_entry("Alex"))
    assert path.read_text(encoding="utf-8").startswith("# Written by Back Relief 0.1.0.")
    speech, _ = await say(hass, "start exercise")
    assert speech == "Exercise started: 20 minutes."


async def test_the_users_own_file_is_never_touched(
    hass: HomeAssistant, assist: None, caplog: pytest.LogCaptureFixture
) -> None:
    """A file the user wrote at our path stays exactly as it is, and the log says so."""
    path = sentences_file(hass)
    path.parent.mkdir(parents=True)
    mine = "language: en\nintents: {}\n"
    path.write_text(mine, "utf-8")
    entry = await set_up(hass, make_entry("Alex"))
    assert path.read_text(encoding="utf-8") == mine
    assert "was not written by Back Relief" in caplog.text
    # The other language is still Back Relief's.
    assert sentences_file(hass, "de").exists()

    assert await hass.config_entries.async_remove(entry.entry_id)
    await hass.async_block_till_done()
    assert path.read_text(encoding="utf-8") == mine
    assert not sentences_file(hass, "de").exists()


async def test_assist_started_after_back_relief(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory
) -> None:
    """When Assist starts later, it reads the sentences already written."""
    entry = await set_up(hass, make_entry("Alex"))
    assert sentences_file(hass).exists()
    assert await async_setup_component(hass, "homeassistant", {})
    assert await async_setup_component(hass, "conversation", {})
    speech, _ = await say(hass, "start exercise")
    assert speech == "Exercise started: 20 minutes."
    assert state(hass, entry, "sensor", "session") == "exercise"


async def test_an_unchanged_file_is_left_alone(hass: HomeAssistant, assist: None) -> None:
    """Reloading a person rewrites nothing when nothing changed."""
    entry = await set_up(hass, make_entry("Alex"))
    path = sentences_file(hass)
    os.utime(path, (0, 0))
    await reload(hass, entry)
    assert path.stat().st_mtime == 0


async def test_a_single_person_named(hass: HomeAssistant, alex: MockConfigEntry) -> None:
    """Alone in the house, naming yourself still works and names you back."""
    speech, _ = await say(hass, "start Alex's exercise for 5 minutes")
    assert speech == "Exercise started for Alex: 5 minutes."


async def test_an_unwritable_folder_does_not_stop_the_routine(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory, caplog: pytest.LogCaptureFixture
) -> None:
    """When the sentences can't be written, the person still loads; the log says why."""
    Path(hass.config.path("custom_sentences")).write_text("not a folder", "utf-8")
    entry = await set_up(hass, make_entry("Alex"))
    assert entry.state is ConfigEntryState.LOADED
    assert "Could not write Back Relief's sentences" in caplog.text


# ----- LLM conversation agents -----

# Home Assistant 2026.10 gathers LLM tools from each integration's llm.py; 2026.3
# offered every registered intent by itself, named after the intent.
PLATFORM_TOOLS = importlib.util.find_spec("homeassistant.components.llm") is not None


async def test_llm_agents_get_the_same_actions(
    hass: HomeAssistant, sam_and_alex: tuple[MockConfigEntry, ...]
) -> None:
    """The Assist LLM API offers Back Relief's intents as tools that answer in words."""
    sam, _ = sam_and_alex
    context = llm.LLMContext(
        platform="test",
        context=Context(),
        language="en",
        assistant="conversation",
        device_id=None,
    )
    api = await llm.async_get_api(hass, llm.LLM_API_ASSIST, context)
    names = {tool.name for tool in api.tools}
    start = "back_relief__start_session" if PLATFORM_TOOLS else "BackReliefStartSession"
    assert start in names
    if PLATFORM_TOOLS:
        from custom_components.back_relief.voice.llm import async_get_tools  # noqa: PLC0415

        assert async_get_tools(hass, context, "another_api") is None
        assert "Back Relief keeps the daily back-care routine" in api.api_prompt
        assert "Alex, Sam" in api.api_prompt

    result = await api.async_call_tool(
        llm.ToolInput(
            tool_name=start,
            tool_args={"activity": "inversion", "minutes": 20, "person": "Sam"},
        )
    )
    data = getattr(result, "data", result)
    assert data["speech"]["plain"]["speech"] == (
        "Inversion started for Sam: 20 minutes. I'll tell you when to come up."
    )
    assert attributes(hass, sam, "sensor", "session")["planned_minutes"] == 20

    # An LLM may pass the entry id; a name nobody has gets the names that exist.
    pain = "back_relief__log_pain" if PLATFORM_TOOLS else "BackReliefLogPain"
    result = await api.async_call_tool(
        llm.ToolInput(tool_name=pain, tool_args={"level": 2, "person": sam.entry_id})
    )
    assert getattr(result, "data", result)["speech"]["plain"]["speech"] == (
        "Pain level 2 logged for Sam."
    )
    result = await api.async_call_tool(
        llm.ToolInput(tool_name=pain, tool_args={"level": 2, "person": "Kim"})
    )
    assert getattr(result, "data", result)["speech"]["plain"]["speech"] == (
        "Whose routine: Alex or Sam? Say, for example, Alex's back pain is 4."
    )


async def test_stretching_routine_by_voice_runs_the_chosen_routine(
    hass: HomeAssistant, alex: MockConfigEntry
) -> None:
    """Like the stretch button, "start my stretching routine" runs the routine chosen."""
    select = entity_id(hass, alex, "select", "stretch_routine")
    await hass.services.async_call(
        "select", "select_option", {"entity_id": select, "option": "gentle_back"}, blocking=True
    )
    await say(hass, "start my stretching routine")
    session = attributes(hass, alex, "sensor", "session")
    assert (session["routine"], session["planned_minutes"]) == ("gentle_back", 7)
