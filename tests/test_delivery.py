"""The delivery seam: each kind of message reaches the person's channels its route allows."""

from __future__ import annotations

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant, ServiceCall
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_mock_service
from pytest_homeassistant_custom_component.test_util.aiohttp import AiohttpClientMocker

from custom_components.back_relief.house.delivery import Channel, Delivery, Kind, Message

from .conftest import PERSON, SPEAKER, make_entry, move_to, pushed, set_up, spoken

NOTIFY = "notify.alex"


def delivery(entry: MockConfigEntry) -> Delivery:
    """Return the person's delivery seam, owned by their announcer."""
    return entry.runtime_data.announcer.delivery


async def alex_with_every_channel(hass: HomeAssistant, phone: str) -> MockConfigEntry:
    """Alex with a speaker, a phone and a notify entity."""
    hass.states.async_set(NOTIFY, "unknown")
    return await set_up(
        hass,
        make_entry(person=PERSON, speakers=[SPEAKER], notify_devices=[phone], notify_entity=NOTIFY),
    )


async def test_each_kind_reaches_the_channels_of_its_route(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    speech_calls: list[ServiceCall],
    phone: str,
    aioclient_mock: AiohttpClientMocker,
) -> None:
    """Cues are spoken; reminders spoken and sent to the phones; check-ins sent to the phones."""
    entry = await alex_with_every_channel(hass, phone)
    seam = delivery(entry)

    assert seam.channels(Kind.CUE) == {Channel.SPEAKERS}
    assert seam.channels(Kind.REMINDER) == {Channel.SPEAKERS, Channel.PHONES}
    assert seam.channels(Kind.CHECK_IN) == {Channel.PHONES}
    assert seam.channels(Kind.WEEKLY_SPOKEN) == {Channel.SPEAKERS}
    assert seam.channels(Kind.WEEKLY_NOTIFIED) == {Channel.NOTIFY_ENTITY}

    reached = seam.send(Message(kind=Kind.REMINDER, text="Time to stretch.", title="Alex"))
    await hass.async_block_till_done()

    assert reached == {Channel.SPEAKERS, Channel.PHONES}
    assert spoken(speech_calls) == [([SPEAKER], "Time to stretch.")]
    assert [(sent["title"], sent["message"]) for sent in pushed(aioclient_mock)] == [
        ("Alex", "Time to stretch.")
    ]


async def test_a_notification_without_buttons_goes_to_the_notify_entity(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    speech_calls: list[ServiceCall],
    phone: str,
    aioclient_mock: AiohttpClientMocker,
) -> None:
    """The weekly summary as a notification: the notify entity only, not spoken, no phone."""
    sent = async_mock_service(hass, "notify", "send_message")
    entry = await alex_with_every_channel(hass, phone)

    reached = delivery(entry).send(
        Message(kind=Kind.WEEKLY_NOTIFIED, text="A good week.", title="Your week")
    )
    await hass.async_block_till_done()

    assert reached == {Channel.NOTIFY_ENTITY}
    assert [call.data for call in sent] == [
        {"entity_id": NOTIFY, "title": "Your week", "message": "A good week."}
    ]
    assert speech_calls == []
    assert pushed(aioclient_mock) == []


async def test_nobody_to_reach_reaches_nobody(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory, speech_calls: list[ServiceCall]
) -> None:
    """Without channels a message goes nowhere, and the seam says so."""
    entry = await set_up(hass, make_entry())
    seam = delivery(entry)

    assert not seam.reachable(Kind.REMINDER)
    assert seam.send(Message(kind=Kind.CUE, text="One minute left.")) == frozenset()
    await move_to(hass, frozen_time, "2026-11-25T10:00:00+01:00")
    assert speech_calls == []
