"""Every session event says where it came from: the card, voice, an action, a button, a phone.

The source reaches the bus event and the event entity alike, stays with the
session's record, and shows in get_summary and the report.
"""

from __future__ import annotations

from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.event import ATTR_EVENT_TYPE
from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_capture_events
from pytest_homeassistant_custom_component.test_util.aiohttp import AiohttpClientMocker

from custom_components.back_relief.const import BUS_EVENT
from custom_components.back_relief.routine.day import Activity, SessionRecord

from .conftest import (
    PERSON,
    advance,
    call,
    current,
    entity_action,
    entity_id,
    make_entry,
    move_to,
    pushed,
    restart,
    say,
    set_up,
)
from .test_services import assert_rejected

SESSION_EVENT = "event.alex_session"


def sources(events: list[Any]) -> list[tuple[str, str | None]]:
    """Return each bus event's type and source."""
    return [(event.data["type"], event.data["source"]) for event in events]


def entity_says(hass: HomeAssistant) -> tuple[str, str | None]:
    """Return the event entity's last event type and its source."""
    attributes = current(hass, SESSION_EVENT).attributes
    return attributes[ATTR_EVENT_TYPE], attributes["source"]


async def recorded_sources(hass: HomeAssistant) -> list[str | None]:
    """Return the source of each of today's session records, as get_summary gives them."""
    summary = await call(hass, "get_summary", days=1)
    assert summary is not None
    return [record["source"] for record in summary["days"][0]["sessions"]]


async def test_buttons_say_button(hass: HomeAssistant, setup_entry: MockConfigEntry) -> None:
    """The start and stop buttons: every event, and the record, say "button"."""
    events = async_capture_events(hass, BUS_EVENT)
    start = entity_id(hass, setup_entry, "button", "start_exercise")
    stop = entity_id(hass, setup_entry, "button", "stop_session")

    await entity_action(hass, start, "press")
    assert entity_says(hass) == ("started", "button")
    await hass.async_block_till_done()
    await entity_action(hass, stop, "press")

    assert sources(events) == [("started", "button"), ("finished", "button")]
    assert entity_says(hass) == ("finished", "button")


async def test_the_card_says_card_and_other_callers_are_actions(
    hass: HomeAssistant, setup_entry: MockConfigEntry, frozen_time: FrozenDateTimeFactory
) -> None:
    """An action with source card is the card's; without one, it is an action."""
    events = async_capture_events(hass, BUS_EVENT)

    await call(hass, "start_session", activity="rest", duration=20, source="card")
    await call(hass, "pause_session")
    await call(hass, "resume_session", source="card")
    await call(hass, "extend_session", minutes=5, source="action")
    await advance(hass, frozen_time, minutes=3)
    await call(hass, "stop_session", source="card")

    assert sources(events) == [
        ("started", "card"),
        ("paused", "action"),
        ("resumed", "card"),
        ("extended", "action"),
        ("finished", "card"),
    ]
    assert entity_says(hass) == ("finished", "card")
    # The record keeps what started the session.
    assert await recorded_sources(hass) == ["card"]


async def test_only_the_card_and_actions_say_who_they_are(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """A caller can't pass for voice, a button, a sign, a tag or a phone."""
    await assert_rejected(
        hass,
        "start_session",
        {"activity": "rest", "source": "voice"},
        "not_one_of",
        "source can be one of: card, action; not voice",
    )


async def test_a_session_that_ends_by_itself_carries_what_started_it(
    hass: HomeAssistant, setup_entry: MockConfigEntry, frozen_time: FrozenDateTimeFactory
) -> None:
    """At its end time the session finishes as the card started it; so does a cancel's default."""
    events = async_capture_events(hass, BUS_EVENT)
    await call(hass, "start_session", activity="exercise", duration=2, source="card")

    await advance(hass, frozen_time, minutes=2)

    assert sources(events) == [("started", "card"), ("finished", "card")]
    assert entity_says(hass) == ("finished", "card")


async def test_the_source_survives_a_restart(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory
) -> None:
    """A session the card started and that ended while Home Assistant was down is the card's."""
    entry = await set_up(hass, make_entry())
    await call(hass, "start_session", activity="rest", duration=10, source="card")
    events = async_capture_events(hass, BUS_EVENT)

    await restart(hass, frozen_time, entry, minutes=30)

    assert sources(events) == [("finished", "card")]
    assert events[0].data["while_offline"] is True
    assert await recorded_sources(hass) == ["card"]


async def test_voice_says_voice(
    hass: HomeAssistant, assist: None, setup_entry: MockConfigEntry
) -> None:
    """Started, paused, resumed, extended and stopped by voice: every event says "voice"."""
    events = async_capture_events(hass, BUS_EVENT)

    for sentence in (
        "start my inversion session",
        "pause my session",
        "resume my session",
        "add 5 minutes",
        "stop my session",
    ):
        await say(hass, sentence)
        await hass.async_block_till_done()

    assert sources(events) == [
        ("started", "voice"),
        ("paused", "voice"),
        ("resumed", "voice"),
        ("extended", "voice"),
        ("finished", "voice"),
    ]
    assert entity_says(hass) == ("finished", "voice")


async def test_cancel_by_voice_says_voice(
    hass: HomeAssistant, assist: None, setup_entry: MockConfigEntry
) -> None:
    """Cancelled by voice, after the card started it."""
    await call(hass, "start_session", activity="stretch", duration=10, source="card")
    events = async_capture_events(hass, BUS_EVENT)

    await say(hass, "cancel my session")
    await hass.async_block_till_done()

    assert sources(events) == [("cancelled", "voice")]


async def test_start_now_on_the_phone_says_phone(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    phone: str,
    aioclient_mock: AiohttpClientMocker,
) -> None:
    """A reminder's Start now button starts the session from the phone."""
    hass.states.async_set(PERSON, "home")
    await set_up(
        hass, make_entry(person=PERSON, notify_devices=[phone], reminder_inversion="18:00:00")
    )
    await move_to(hass, frozen_time, "2026-11-25T18:00:00+01:00")
    (notification,) = pushed(aioclient_mock)
    start = next(
        button["action"]
        for button in notification["data"]["actions"]
        if button["title"] == "Start now"
    )
    events = async_capture_events(hass, BUS_EVENT)

    hass.bus.async_fire("mobile_app_notification_action", {"action": start})
    await hass.async_block_till_done()

    assert sources(events) == [("started", "phone")]
    assert entity_says(hass) == ("started", "phone")


def test_a_record_keeps_its_source_and_older_records_read_without_one() -> None:
    """A record stored before sources were kept reads back with none; a new one keeps it."""
    older = ["2026-11-25T08:00:00+00:00", "2026-11-25T08:10:00+00:00", "rest", 10, None]
    assert SessionRecord.from_list(older).source is None
    assert SessionRecord.from_list([*older, "easier"]).source is None
    assert SessionRecord.from_list(older).as_list() == older

    record = SessionRecord.from_list(older)
    record.source = "card"
    assert record.as_list() == [*older, None, "card"]
    assert SessionRecord.from_list(record.as_list()) == record
    assert SessionRecord.from_list(record.as_list()).activity is Activity.REST
