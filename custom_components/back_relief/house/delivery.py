"""The delivery seam: a message goes to the person's channels, in one place.

A message has a kind (a session cue, a reminder, a check-in question nobody
answered on a satellite, the weekly summary), its words, and, as a
notification, a title, a tag and buttons. ``ROUTES`` says which channels each
kind reaches; the person's settings say which channels they have: their
speakers (the words are spoken), their phones (a notification with its
buttons) and a notify entity (a notification without). Whether a message is
due at all (quiet hours, at home, the reminders switch) is decided before it
gets here; a channel that fails is a device fault, never the routine's.

The seam also answers for the others what follows from ``ROUTES``: how the
``check_in`` event names where a question went (``event_channel``), and
whether a person's options let a check-in reach them at all (``can_check_in``,
which the options flow asks). A new channel is a ``Channel``, its line in
``channels_of`` and in ``Delivery.send``, and its kinds in ``ROUTES``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from homeassistant.const import ATTR_ENTITY_ID
from homeassistant.core import HomeAssistant, callback
from homeassistant.exceptions import HomeAssistantError

from ..coordinator import BackReliefCoordinator
from ..routine.settings import Settings
from .phones import Button, Phones
from .satellites import SATELLITE
from .speaker import Speaker

NOTIFY_FAULT = "notify_failed"


class Channel(StrEnum):
    """A way a message reaches the person.

    Its value is its name in the ``check_in`` event's ``channel``; when a
    question reached several, the event names the first in this order.
    """

    SPEAKERS = "speaker"
    PHONES = "phone"
    NOTIFY_ENTITY = "notify"


# The check_in event's other channels: answered on a voice satellite, which asks
# (``satellites``) rather than delivers; or asked nowhere.
ON_SATELLITE = "satellite"
NOWHERE = "none"


class Kind(StrEnum):
    """What a message is, which decides where it goes."""

    CUE = "cue"
    REMINDER = "reminder"
    CHECK_IN = "check_in"
    WEEKLY_SPOKEN = "weekly_spoken"
    WEEKLY_NOTIFIED = "weekly_notified"
    # Someone is on the inversion table too long: the phones, through Focus (``signs``).
    OVERTIME = "overtime"


# Where each kind of message goes, of the channels the person has.
ROUTES: dict[Kind, frozenset[Channel]] = {
    Kind.CUE: frozenset({Channel.SPEAKERS}),
    Kind.REMINDER: frozenset({Channel.SPEAKERS, Channel.PHONES}),
    # Asked on a satellite first (``satellites``); unanswered, it is sent.
    Kind.CHECK_IN: frozenset({Channel.PHONES}),
    # The person chooses how the weekly summary comes: spoken, or as a notification.
    Kind.WEEKLY_SPOKEN: frozenset({Channel.SPEAKERS}),
    Kind.WEEKLY_NOTIFIED: frozenset({Channel.NOTIFY_ENTITY}),
    Kind.OVERTIME: frozenset({Channel.PHONES}),
}
# Kinds that must reach the person at once: through iOS's Focus, at high priority on Android.
TIME_SENSITIVE: frozenset[Kind] = frozenset({Kind.OVERTIME})


def channels_of(settings: Settings) -> frozenset[Channel]:
    """Return the channels a person's settings give them."""
    has = {
        Channel.SPEAKERS: bool(settings.speakers),
        Channel.PHONES: bool(settings.notify.devices),
        Channel.NOTIFY_ENTITY: bool(settings.notify.entity),
    }
    return frozenset(channel for channel, given in has.items() if given)


def can_check_in(settings: Settings) -> bool:
    """Return whether a check-in can reach the person: asked on a satellite, or sent."""
    on_satellite = any(speaker.startswith(f"{SATELLITE}.") for speaker in settings.speakers)
    return on_satellite or bool(ROUTES[Kind.CHECK_IN] & channels_of(settings))


def event_channel(reached: frozenset[Channel]) -> str:
    """Return the check_in event's channel for a question sent: the first reached, or none."""
    return next((str(channel) for channel in Channel if channel in reached), NOWHERE)


@dataclass(frozen=True, slots=True, kw_only=True)
class Message:
    """Something to tell the person: its kind, its words, and as a notification, the rest."""

    kind: Kind
    text: str
    title: str = ""
    # A notification with the same tag replaces the one before.
    tag: str | None = None
    buttons: tuple[Button, ...] = ()


class Delivery:
    """Sends one person's messages to their channels."""

    def __init__(
        self,
        hass: HomeAssistant,
        coordinator: BackReliefCoordinator,
        speaker: Speaker,
        phones: Phones,
    ) -> None:
        """Bind to one person's speakers, phones and notify entity."""
        self.hass = hass
        self.coordinator = coordinator
        self.speaker = speaker
        self.phones = phones

    def channels(self, kind: Kind) -> frozenset[Channel]:
        """Return the channels a kind of message would reach now: its routes the person has."""
        return ROUTES[kind] & channels_of(self.coordinator.reader.settings)

    def reachable(self, kind: Kind) -> bool:
        """Return whether a kind of message would reach the person at all."""
        return bool(self.channels(kind))

    @callback
    def send(self, message: Message) -> frozenset[Channel]:
        """Send a message to its channels in the background; return those it went to."""
        reached: set[Channel] = set()
        channels = self.channels(message.kind)
        entity = self.coordinator.reader.settings.notify.entity
        if Channel.SPEAKERS in channels:
            self.speaker.speak(message.text)
            reached.add(Channel.SPEAKERS)
        if Channel.PHONES in channels and self.phones.send(
            message.title,
            message.text,
            tag=message.tag,
            buttons=list(message.buttons),
            time_sensitive=message.kind in TIME_SENSITIVE,
        ):
            reached.add(Channel.PHONES)
        if Channel.NOTIFY_ENTITY in channels and entity:
            self.coordinator.run_in_background(
                self._async_notify(entity, message.title, message.text), "notify"
            )
            reached.add(Channel.NOTIFY_ENTITY)
        return frozenset(reached)

    async def _async_notify(self, entity: str, title: str, text: str) -> None:
        """Send a message to a notify entity; a failing one is a device fault."""
        faults = self.speaker.faults
        if not faults.usable(NOTIFY_FAULT, entity):
            return
        try:
            await self.hass.services.async_call(
                "notify",
                "send_message",
                {ATTR_ENTITY_ID: entity, "title": title, "message": text},
                blocking=True,
            )
        except HomeAssistantError as err:
            faults.report(NOTIFY_FAULT, entity, str(err) or type(err).__name__)
        else:
            faults.fixed(NOTIFY_FAULT, entity)
