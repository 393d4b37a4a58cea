"""The house speaks and asks: one person's speaker, phones, cues, reminders, check-ins, week.

Each job has its own room (``speaker``, ``phones``, ``cues``, ``reminders`` with
the pure ``reminder_rules``, ``checkins``, ``weekly``); the announcer puts them
together for an entry.
"""

from __future__ import annotations

from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback

from ..coordinator import BackReliefCoordinator
from .checkins import CheckIns
from .cues import SessionCues
from .delivery import Delivery
from .faults import DeviceFaults
from .phones import Phones
from .reminders import Reminders
from .speaker import Speaker
from .weekly import WeeklySummary


class Announcer:
    """Speaks, asks and tells the phones; never holds up the routine."""

    def __init__(self, hass: HomeAssistant, coordinator: BackReliefCoordinator) -> None:
        """Bind to one person's routine."""
        self.speaker = Speaker(hass, coordinator)
        self.phones = Phones(hass, coordinator, self.speaker.faults)
        # Every message to the person goes through here, to their channels.
        self.delivery = Delivery(hass, coordinator, self.speaker, self.phones)
        self.cues = SessionCues(hass, coordinator, self.delivery)
        self.reminders = Reminders(hass, coordinator, self.delivery)
        self.checkins = CheckIns(hass, coordinator, self.delivery, self.reminders)
        self.weekly = WeeklySummary(hass, coordinator, self.delivery, self.reminders)

    @property
    def faults(self) -> DeviceFaults:
        """Return the faults of the person's devices, shared with the rest lights."""
        return self.speaker.faults

    @callback
    def async_start(self) -> CALLBACK_TYPE:
        """Follow the routine; returns what undoes it all."""
        removers = [
            self.cues.async_start(),
            self.phones.async_start(),
            self.reminders.async_start(),
            self.checkins.async_start(),
            self.weekly.async_start(),
        ]

        @callback
        def stop() -> None:
            for remove in removers:
                remove()
            self.faults.clear_all()

        return stop
