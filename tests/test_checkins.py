"""The house asks: the daily check-in and the question after a session, on a real satellite.

The satellite is an entity of a test platform under Home Assistant's own
assist_satellite component, asked through ``assist_satellite.ask_question``;
what the person says comes back through Home Assistant's pipeline events.
"""

from __future__ import annotations

from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.helpers import issue_registry as ir
from pytest_homeassistant_custom_component.common import async_capture_events
from pytest_homeassistant_custom_component.test_util.aiohttp import AiohttpClientMocker

from custom_components.back_relief.const import BUS_EVENT, DOMAIN

from .conftest import (
    PERSON,
    SATELLITE,
    AskingSatellite,
    advance,
    call,
    make_entry,
    move_to,
    pushed,
    set_up,
    state,
)

QUESTION = "How is your back today, from 0 to 10?"
AGAIN = "Sorry, I didn't catch a number. How is your back today, from 0 to 10?"


def check_ins(events: list[Any]) -> list[dict[str, Any]]:
    """Return the check_in events, without the entry id."""
    return [
        {key: value for key, value in event.data.items() if key not in ("config_entry_id", "type")}
        for event in events
        if event.data["type"] == "check_in"
    ]


async def test_the_daily_check_in_is_asked_at_its_time_and_only_then(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory, satellite: AskingSatellite
) -> None:
    """At checkin_time the satellite asks; "about a 4" logs 4 and is thanked for."""
    entry = await set_up(
        hass, make_entry(person=PERSON, speakers=[SATELLITE], checkin_time="18:00:00")
    )
    events = async_capture_events(hass, BUS_EVENT)
    satellite.replies = ["about a 4"]

    await move_to(hass, frozen_time, "2026-11-25T17:59:59+01:00")
    assert satellite.questions == []

    await move_to(hass, frozen_time, "2026-11-25T18:00:00+01:00")
    assert satellite.questions == [QUESTION]
    assert state(hass, entry, "sensor", "pain_level") == "4"
    assert satellite.announcements == ["Thank you, I noted 4."]
    assert check_ins(events) == [
        {
            "question": "pain",
            "answer": 4,
            "channel": "satellite",
            "reason": None,
            "satellite": SATELLITE,
            "source": None,
        }
    ]

    # Logged today: the next day's check-in asks again, not a second one today.
    await advance(hass, frozen_time, hours=1)
    assert satellite.questions == [QUESTION]


async def test_no_check_in_once_pain_is_logged(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory, satellite: AskingSatellite
) -> None:
    """With a level logged that day, nobody is asked; the event says why."""
    await set_up(hass, make_entry(person=PERSON, speakers=[SATELLITE], checkin_time="18:00:00"))
    events = async_capture_events(hass, BUS_EVENT)
    await call(hass, "log_pain", level=3)

    await move_to(hass, frozen_time, "2026-11-25T18:00:00+01:00")

    assert satellite.questions == []
    assert check_ins(events) == [
        {
            "question": "pain",
            "answer": None,
            "channel": "none",
            "reason": "logged",
            "satellite": None,
            "source": None,
        }
    ]


async def test_a_second_try_when_the_first_answer_has_no_number(
    hass: HomeAssistant, satellite: AskingSatellite
) -> None:
    """An answer without a number is asked once more; "not so good, seven" then logs 7."""
    entry = await set_up(hass, make_entry(person=PERSON, speakers=[SATELLITE]))
    satellite.replies = ["I don't know", "not so good, seven"]

    await call(hass, "check_in")

    assert satellite.questions == [QUESTION, AGAIN]
    assert state(hass, entry, "sensor", "pain_level") == "7"


async def test_the_check_in_in_german(hass: HomeAssistant, satellite: AskingSatellite) -> None:
    """In a German house the question is German, and so is the answer."""
    hass.config.language = "de"
    entry = await set_up(hass, make_entry(person=PERSON, speakers=[SATELLITE]))
    satellite.replies = ["so eine Sechs heute"]

    await call(hass, "check_in")

    assert satellite.questions == ["Wie geht es deinem Rücken heute, von 0 bis 10?"]
    assert state(hass, entry, "sensor", "pain_level") == "6"
    assert satellite.announcements == ["Danke, ich habe 6 notiert."]


async def test_no_answer_goes_to_the_phone_and_its_reply_is_logged_once(
    hass: HomeAssistant,
    satellite: AskingSatellite,
    phone: str,
    aioclient_mock: AiohttpClientMocker,
) -> None:
    """Silence twice: the phone gets the question with a reply field; the reply logs 5."""
    entry = await set_up(
        hass, make_entry(person=PERSON, speakers=[SATELLITE], notify_devices=[phone])
    )
    events = async_capture_events(hass, BUS_EVENT)
    satellite.replies = [None, None]

    await call(hass, "check_in")

    assert satellite.questions == [QUESTION, AGAIN]
    (notification,) = pushed(aioclient_mock)
    assert notification["title"] == "Back Relief: how is your back, Alex?"
    assert notification["message"] == "From 0 (no pain) to 10 (worst), how is your back today?"
    (reply,) = notification["data"]["actions"]
    assert reply["title"] == "Answer with a number"
    assert reply["behavior"] == "textInput"
    assert check_ins(events) == [
        {
            "question": "pain",
            "answer": None,
            "channel": "phone",
            "reason": "no_answer",
            "satellite": None,
            "source": None,
        }
    ]

    for _ in range(2):  # pressed twice, or on two phones: logged once
        hass.bus.async_fire(
            "mobile_app_notification_action",
            {"action": reply["action"], "reply_text": "about 5"},
        )
        await hass.async_block_till_done()

    assert state(hass, entry, "sensor", "pain_level") == "5"
    summary = await call(hass, "get_summary", days=1)
    assert summary is not None
    assert summary["days"][0]["pain"] == 5
    assert check_ins(events)[1:] == [
        {
            "question": "pain",
            "answer": 5,
            "channel": "phone",
            "reason": None,
            "satellite": None,
            "source": None,
        }
    ]


async def test_a_busy_satellite_and_no_phone(
    hass: HomeAssistant, satellite: AskingSatellite
) -> None:
    """A satellite busy with an announcement is not interrupted; the event says so."""
    await set_up(hass, make_entry(person=PERSON, speakers=[SATELLITE]))
    events = async_capture_events(hass, BUS_EVENT)
    satellite._is_announcing = True  # busy the way Home Assistant marks it

    await call(hass, "check_in")

    assert satellite.questions == []
    assert check_ins(events) == [
        {
            "question": "pain",
            "answer": None,
            "channel": "none",
            "reason": "busy",
            "satellite": None,
            "source": None,
        }
    ]


async def test_without_a_satellite_or_a_phone_nothing_breaks(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory
) -> None:
    """Nobody to ask: the check-in ends at once, and the event says why."""
    await set_up(hass, make_entry())
    events = async_capture_events(hass, BUS_EVENT)

    await call(hass, "check_in")

    assert check_ins(events) == [
        {
            "question": "pain",
            "answer": None,
            "channel": "none",
            "reason": "no_satellite",
            "satellite": None,
            "source": None,
        }
    ]


async def test_a_missing_satellite_is_named_in_a_repair_issue(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory
) -> None:
    """A satellite that is gone is never asked, and a repair issue names it."""
    await set_up(hass, make_entry(speakers=["assist_satellite.attic"]))

    await call(hass, "check_in")

    issue = ir.async_get(hass).async_get_issue(DOMAIN, "speaker_entry_alex_assist_satellite.attic")
    assert issue is not None
    assert issue.translation_placeholders is not None
    assert issue.translation_placeholders["entity_id"] == "assist_satellite.attic"


async def test_after_a_session_the_house_asks_how_it_felt(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory, satellite: AskingSatellite
) -> None:
    """The answer "it was harder" is kept with the session record and shows in get_summary."""
    await set_up(hass, make_entry(person=PERSON, speakers=[SATELLITE], checkin_after_session=True))
    events = async_capture_events(hass, BUS_EVENT)
    satellite.replies = ["it was harder"]
    await call(hass, "start_session", activity="exercise", duration=10)

    await advance(hass, frozen_time, minutes=10)

    assert satellite.questions == ["Was that easier, the same or harder than usual?"]
    summary = await call(hass, "get_summary", days=1)
    assert summary is not None
    (session,) = summary["days"][0]["sessions"]
    assert session["activity"] == "exercise"
    assert session["minutes"] == 10
    assert session["feedback"] == "harder"
    assert check_ins(events)[-1]["answer"] == "harder"


async def test_no_question_after_a_session_unless_asked_for(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory, satellite: AskingSatellite
) -> None:
    """checkin_after_session is off by default: a session ends with no question."""
    await set_up(hass, make_entry(person=PERSON, speakers=[SATELLITE]))
    await call(hass, "start_session", activity="rest", duration=5)
    await call(hass, "stop_session")
    assert satellite.questions == []
