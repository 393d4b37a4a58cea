"""The person's phone, through Home Assistant's own mobile_app: buttons and the lock screen.

The phone is a real mobile_app registration; what it is sent goes to the
companion apps' push service (outside Home Assistant, mocked), and its
buttons come back as Home Assistant's ``mobile_app_notification_action`` event.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.helpers import issue_registry as ir
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.test_util.aiohttp import AiohttpClientMocker

from custom_components.back_relief.const import DOMAIN

from .conftest import PERSON, advance, call, make_entry, move_to, pushed, set_up, state

EVENT = "mobile_app_notification_action"


async def press(hass: HomeAssistant, action: str, **extra: Any) -> None:
    """Press a notification's button on the phone."""
    hass.bus.async_fire(EVENT, {"action": action, **extra})
    await hass.async_block_till_done()


def buttons(notification: dict[str, Any]) -> dict[str, str]:
    """Return a notification's buttons: title to action id."""
    return {button["title"]: button["action"] for button in notification["data"]["actions"]}


async def remind(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, phone: str, **options: Any
) -> MockConfigEntry:
    """Set Alex up with the phone and an inversion reminder at 18:00, and let it come."""
    hass.states.async_set(PERSON, "home")
    entry = await set_up(
        hass,
        make_entry(person=PERSON, notify_devices=[phone], reminder_inversion="18:00:00", **options),
    )
    await move_to(hass, freezer, "2026-11-25T18:00:00+01:00")
    return entry


async def test_a_reminder_reaches_the_phone_with_its_buttons(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    phone: str,
    aioclient_mock: AiohttpClientMocker,
) -> None:
    """With no speaker at all, the reminder goes to the phone's own notify action."""
    await remind(hass, frozen_time, phone)

    (notification,) = pushed(aioclient_mock)
    assert notification["title"] == "Back Relief: Alex"
    # Someone new to the table is asked for the gentle plan's first 2 minutes.
    assert notification["message"] == (
        "Alex, a gentle reminder: your inversion session is still open today, 2 minutes to go."
    )
    assert list(buttons(notification)) == ["Start now", "In 30 minutes", "Skip today"]
    assert all(action.startswith("BACK_RELIEF|") for action in buttons(notification).values())


async def test_start_now_starts_once(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    phone: str,
    aioclient_mock: AiohttpClientMocker,
) -> None:
    """The Start now button starts the inversion; pressed again, it changes nothing."""
    entry = await remind(hass, frozen_time, phone)
    start = buttons(pushed(aioclient_mock)[0])["Start now"]

    await press(hass, start)
    assert state(hass, entry, "sensor", "session") == "inversion"
    ends = state(hass, entry, "sensor", "session_ends")

    await advance(hass, frozen_time, minutes=1)
    await press(hass, start)
    assert state(hass, entry, "sensor", "session_ends") == ends


async def test_start_now_after_the_session_was_done_changes_nothing(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    phone: str,
    aioclient_mock: AiohttpClientMocker,
) -> None:
    """A session started since the reminder makes its buttons stale."""
    entry = await remind(hass, frozen_time, phone)
    actions = buttons(pushed(aioclient_mock)[0])
    await advance(hass, frozen_time, minutes=1)
    await call(hass, "start_session", activity="inversion", duration=5)
    await advance(hass, frozen_time, minutes=5)

    await press(hass, actions["Start now"])
    await press(hass, actions["Skip today"])

    assert state(hass, entry, "sensor", "session") == "idle"
    summary = await call(hass, "get_summary", days=1)
    assert summary is not None
    assert summary["days"][0]["inversion"] == 5


async def test_in_30_minutes_reminds_once_more(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    phone: str,
    aioclient_mock: AiohttpClientMocker,
) -> None:
    """The In 30 minutes button brings the reminder back once, half an hour later."""
    await remind(hass, frozen_time, phone)
    later = buttons(pushed(aioclient_mock)[0])["In 30 minutes"]

    await press(hass, later)
    await press(hass, later)  # a second press asks for nothing more
    await advance(hass, frozen_time, minutes=29)
    assert len(pushed(aioclient_mock)) == 1

    await advance(hass, frozen_time, minutes=1)
    assert len(pushed(aioclient_mock)) == 2
    await advance(hass, frozen_time, minutes=30)
    assert len(pushed(aioclient_mock)) == 2


async def test_skip_today_holds_the_reminder_back_until_tomorrow(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    phone: str,
    aioclient_mock: AiohttpClientMocker,
) -> None:
    """The Skip today button is kept with the day: no reminder asked for later, one tomorrow."""
    await remind(hass, frozen_time, phone)
    actions = buttons(pushed(aioclient_mock)[0])

    await press(hass, actions["Skip today"])
    await press(hass, actions["In 30 minutes"])
    await advance(hass, frozen_time, minutes=31)
    assert len(pushed(aioclient_mock)) == 1

    await move_to(hass, frozen_time, "2026-11-26T18:00:00+01:00")
    assert len(pushed(aioclient_mock)) == 2


async def test_a_day_old_press_changes_nothing(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    phone: str,
    aioclient_mock: AiohttpClientMocker,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Yesterday's "Start now", pressed today, starts nothing."""
    entry = await remind(hass, frozen_time, phone)
    start = buttons(pushed(aioclient_mock)[0])["Start now"]

    await advance(hass, frozen_time, days=1, seconds=1)
    await press(hass, start)

    assert state(hass, entry, "sensor", "session") == "idle"
    assert "A stale notification button of Alex changed nothing (too_old)" in caplog.text


async def test_a_press_for_a_person_removed_changes_nothing(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    phone: str,
    aioclient_mock: AiohttpClientMocker,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The button of a person no longer set up is logged and does nothing; others are untouched."""
    entry = await remind(hass, frozen_time, phone)
    start = buttons(pushed(aioclient_mock)[0])["Start now"]
    sam = await set_up(hass, make_entry("Sam"))
    assert await hass.config_entries.async_remove(entry.entry_id)
    await hass.async_block_till_done()

    await press(hass, start)
    await press(hass, "ALARM")  # another automation's button

    assert state(hass, sam, "sensor", "session") == "idle"
    assert caplog.text.count("A notification button of a person no longer here") == 1


async def test_a_check_in_level_button_logs_for_that_person_only(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    phone: str,
    aioclient_mock: AiohttpClientMocker,
) -> None:
    """The reply to Alex's check-in logs Alex's pain, not Sam's."""
    alex = await set_up(hass, make_entry(notify_devices=[phone]))
    sam = await set_up(hass, make_entry("Sam"))
    await call(hass, "check_in", config_entry_id=alex.entry_id)
    reply = buttons(pushed(aioclient_mock)[0])["Answer with a number"]

    await press(hass, reply, reply_text="six")

    assert state(hass, alex, "sensor", "pain_level") == "6"
    assert state(hass, sam, "sensor", "pain_level") == "unknown"


async def test_feedback_buttons_keep_the_answer_once(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    phone: str,
    aioclient_mock: AiohttpClientMocker,
) -> None:
    """Without a satellite the question after a session goes to the phone; one answer counts."""
    await set_up(hass, make_entry(notify_devices=[phone], checkin_after_session=True))
    await call(hass, "start_session", activity="rest", duration=10)
    await advance(hass, frozen_time, minutes=4)
    await call(hass, "stop_session")
    feedback = next(n for n in pushed(aioclient_mock) if "actions" in n["data"])
    assert feedback["title"] == "Back Relief: your Rest session"
    actions = buttons(feedback)
    assert list(actions) == ["Easier", "The same", "Harder"]

    await press(hass, actions["Easier"])
    await press(hass, actions["Harder"])

    summary = await call(hass, "get_summary", days=1)
    assert summary is not None
    assert [s["feedback"] for s in summary["days"][0]["sessions"]] == ["easier"]


async def test_the_session_lives_on_the_lock_screen_and_is_cleared(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    phone: str,
    aioclient_mock: AiohttpClientMocker,
) -> None:
    """A live update with the countdown while it runs; cleared with the same tag at the end."""
    await set_up(hass, make_entry(notify_devices=[phone]))

    await call(hass, "start_session", activity="inversion", duration=15)
    await call(hass, "pause_session")
    await call(hass, "resume_session")
    await call(hass, "stop_session")

    started, paused, resumed, cleared = pushed(aioclient_mock)
    tag = "back_relief_entry_alex_session"
    assert started["title"] == "Inversion, 15 minutes"
    assert started["message"] == "Ends at 09:15."
    assert started["data"] == {
        "tag": tag,
        "live_update": True,
        "alert_once": True,
        "sticky": True,
        "visibility": "public",
        "chronometer": True,
        "when": int(datetime.fromisoformat("2026-11-25T09:15:00+01:00").timestamp()),
        "when_relative": False,
    }
    assert paused["message"] == "Paused."
    assert paused["data"]["chronometer"] is False
    assert resumed["data"]["chronometer"] is True
    assert cleared == {"message": "clear_notification", "data": {"tag": tag}}


async def test_a_guided_step_shows_on_the_lock_screen(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    phone: str,
    aioclient_mock: AiohttpClientMocker,
) -> None:
    """In a guided routine the live notification names the step and its cue."""
    await set_up(hass, make_entry(notify_devices=[phone]))
    await call(hass, "start_session", activity="stretch", routine="gentle_back")

    assert ":" in pushed(aioclient_mock)[-1]["message"]
    assert pushed(aioclient_mock)[-1]["data"]["live_update"] is True


async def test_a_phone_that_is_gone_is_named_in_a_repair_issue(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory
) -> None:
    """A chosen phone without its notify action never breaks a session; a repair issue names it."""
    entry = await set_up(hass, make_entry(notify_devices=["gone-device"]))

    await call(hass, "start_session", activity="rest", duration=5)

    assert state(hass, entry, "sensor", "session") == "rest"
    issue = ir.async_get(hass).async_get_issue(DOMAIN, "phone_failed_entry_alex_gone-device")
    assert issue is not None
