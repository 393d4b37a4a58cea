"""The person's phones: notifications with buttons, and the session on the lock screen.

Each phone is a ``mobile_app`` device; it is reached through its own notify
action, ``notify.mobile_app_<device name as a slug>``. A phone that can't be
reached is logged once and named in a repair issue (see ``house``); it never
holds up the routine.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import device_registry as dr
from homeassistant.util import dt as dt_util, slugify

from ..const import LOGGER
from ..coordinator import BackReliefCoordinator
from ..language.phrases import phrase
from ..routine.events import (
    Cancelled,
    Extended,
    Finished,
    Paused,
    Resumed,
    SessionEvent,
    Started,
    Step,
)
from .faults import DeviceFaults
from .phone_actions import PhoneAction

MOBILE_APP = "mobile_app"
CLEAR_NOTIFICATION = "clear_notification"
PHONE_FAULT = "phone_failed"
LIVE_EVENTS = (Started, Paused, Resumed, Extended, Step)
ENDING_EVENTS = (Finished, Cancelled)


@dataclass(frozen=True, slots=True)
class Button:
    """One button of a notification; a reply field when ``text_input``."""

    action: PhoneAction
    title: str
    text_input: bool = False

    def as_data(self) -> dict[str, str]:
        """Return the button as the companion apps read it."""
        data = {"action": self.action.encode(), "title": self.title}
        if self.text_input:
            data["behavior"] = "textInput"
        return data


class Phones:
    """Sends one person's notifications to their phones and keeps the session on them."""

    def __init__(
        self, hass: HomeAssistant, coordinator: BackReliefCoordinator, faults: DeviceFaults
    ) -> None:
        """Bind to one person's phones."""
        self.hass = hass
        self.coordinator = coordinator
        self.faults = faults
        self._live = False

    @property
    def tag(self) -> str:
        """Return the tag of the person's session notification."""
        return f"back_relief_{self.coordinator.entry.entry_id}_session"

    @property
    def configured(self) -> bool:
        """Return whether the person chose any phones."""
        return bool(self.coordinator.reader.settings.notify.devices)

    @callback
    def async_start(self) -> CALLBACK_TYPE:
        """Keep the session on the phones' lock screens; returns what undoes it."""
        return self.coordinator.async_add_event_listener(self._handle_event)

    def notify_actions(self) -> list[tuple[str, str]]:
        """Return each chosen phone's name and notify action; report those that have none."""
        registry = dr.async_get(self.hass)
        found: list[tuple[str, str]] = []
        for device_id in self.coordinator.reader.settings.notify.devices:
            device = registry.async_get(device_id)
            name = self._registered_name(device.config_entries, device.name) if device else None
            if name is None:
                self.faults.report(PHONE_FAULT, device_id, phrase(self.hass, "faults", "missing"))
                continue
            service = f"{MOBILE_APP}_{slugify(name)}"
            if not self.hass.services.has_service("notify", service):
                reason = phrase(
                    self.hass, "faults", "no_notify_action", service=f"notify.{service}"
                )
                self.faults.report(PHONE_FAULT, name, reason)
                continue
            found.append((name, service))
        return found

    def _registered_name(self, config_entries: set[str], device_name: str | None) -> str | None:
        """Return the name the companion app registered, which names its notify action."""
        for entry_id in config_entries:
            entry = self.hass.config_entries.async_get_entry(entry_id)
            if entry is not None and entry.domain == MOBILE_APP:
                return str(entry.data.get("device_name") or device_name)
        return None

    @callback
    def send(
        self,
        title: str,
        message: str,
        *,
        tag: str | None,
        buttons: list[Button] | None = None,
        time_sensitive: bool = False,
    ) -> bool:
        """Send a notification to every phone in the background; False when there is none.

        A time-sensitive one breaks through iOS's Focus and arrives at once on Android.
        """
        data: dict[str, Any] = {"tag": tag} if tag else {}
        if buttons:
            data["actions"] = [button.as_data() for button in buttons]
        if time_sensitive:
            data |= {"push": {"interruption-level": "time-sensitive"}, "priority": "high", "ttl": 0}
        return self._send_all({"title": title, "message": message, "data": data})

    @callback
    def _send_all(self, payload: dict[str, Any]) -> bool:
        phones = self.notify_actions()
        for name, service in phones:
            self.coordinator.run_in_background(self._async_send(name, service, payload), "phone")
        return bool(phones)

    async def _async_send(self, name: str, service: str, payload: dict[str, Any]) -> None:
        try:
            await self.hass.services.async_call("notify", service, payload, blocking=True)
        except HomeAssistantError as err:
            self.faults.report(PHONE_FAULT, name, str(err) or type(err).__name__)
        else:
            self.faults.fixed(PHONE_FAULT, name)

    # ----- the session on the lock screen -----

    @callback
    def _handle_event(self, event: SessionEvent) -> None:
        if not self.configured:
            return
        if isinstance(event, LIVE_EVENTS):
            self._live = self._send_all(self._live_update())
        elif isinstance(event, ENDING_EVENTS) and self._live:
            self._live = False
            self._send_all({"message": CLEAR_NOTIFICATION, "data": {"tag": self.tag}})

    def _live_update(self) -> dict[str, Any]:
        """Return the session as a live, updating notification, counted down by the phone."""
        coordinator = self.coordinator
        session = coordinator.reader.session
        if session is None:
            return {"message": CLEAR_NOTIFICATION, "data": {"tag": self.tag}}
        activity = phrase(self.hass, "calendar", f"activity_{session.activity}")
        title = phrase(
            self.hass, "phone", "live_title", activity=activity, minutes=session.planned_minutes
        )
        step = coordinator.reader.current_step(dt_util.utcnow())
        if session.is_paused:
            message = phrase(self.hass, "phone", "live_paused")
        elif step is not None:
            message = (
                phrase(self.hass, "phone", "live_step", step=step.name, cue=step.cue)
                if step.cue
                else step.name
            )
        else:
            ends = dt_util.as_local(session.ends_at).strftime("%H:%M")
            message = phrase(self.hass, "phone", "live_running", time=ends)
        data: dict[str, Any] = {
            "tag": self.tag,
            "live_update": True,
            "alert_once": True,
            "sticky": True,
            "visibility": "public",
            "chronometer": not session.is_paused,
            "when": int(session.ends_at.timestamp()),
            "when_relative": False,
        }
        LOGGER.debug("Live update of %s's session: %s", coordinator.name, message)
        return {"title": title, "message": message, "data": data}
