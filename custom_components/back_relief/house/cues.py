"""Session cues: the start, each step of a routine, one minute left, the end."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.util import dt as dt_util

from ..const import LOGGER, STALE_CUE_AFTER
from ..coordinator import BackReliefCoordinator
from ..language.phrases import phrase
from ..routine.day import Activity
from ..routine.events import Finished, SessionEvent, Started, Step
from ..routine.guided import COMFORT_KEY
from ..timers import Timer
from .delivery import Delivery, Kind, Message

ONE_MINUTE = timedelta(minutes=1)


class SessionCues:
    """Says what a session does, as it does it, while the reminders switch is on."""

    def __init__(
        self, hass: HomeAssistant, coordinator: BackReliefCoordinator, delivery: Delivery
    ) -> None:
        """Bind to one person's routine and the way messages reach them."""
        self.hass = hass
        self.coordinator = coordinator
        self.delivery = delivery
        self._one_minute = Timer(hass, self._one_minute_left)
        self._cued_ends_at: datetime | None = None

    @callback
    def async_start(self) -> CALLBACK_TYPE:
        """Follow the session; returns what undoes it."""
        removers = [
            self.coordinator.async_add_event_listener(self._handle_event),
            self.coordinator.async_add_listener(self._arm_one_minute),
        ]
        self._arm_one_minute()

        @callback
        def stop() -> None:
            for remove in removers:
                remove()
            self._one_minute.cancel()

        return stop

    @callback
    def say(self, group: str, key: str, **values: Any) -> None:
        """Speak one of the texts in Home Assistant's language."""
        self.cue(phrase(self.hass, group, key, **values))

    @callback
    def cue(self, text: str) -> None:
        """Say a cue where cues go."""
        self.delivery.send(Message(kind=Kind.CUE, text=text))

    @callback
    def _handle_event(self, event: SessionEvent) -> None:
        if not self.coordinator.reader.reminders_enabled:
            return
        if isinstance(event, Started) and not event.session.routine:
            self.say("started", str(event.activity), minutes=event.session.planned_minutes)
        elif isinstance(event, Step):
            self.cue(self._step_text(event))
        elif isinstance(event, Finished) and not event.stopped_early:
            late = timedelta(seconds=event.late_seconds or 0)
            if event.while_offline and late > STALE_CUE_AFTER:
                LOGGER.debug("Not announcing a session end that is %s late", late)
                return
            text = phrase(
                self.hass, "finished", str(event.activity), minutes=event.credited_minutes
            )
            if event.activity is Activity.INVERSION and (
                tomorrow := self.coordinator.data.inversion_tomorrow(
                    self.coordinator.reader.today(), self.coordinator.reader.plan_settings
                )
            ):
                # On the plan, the next step is said where it is wanted.
                text += " " + phrase(self.hass, "plan", "tomorrow", minutes=tomorrow)
            self.cue(text)

    def _step_text(self, step: Step) -> str:
        """Return what is said at a step; the first one also starts the routine.

        A routine's start and first step are one message, so that neither cuts
        the other off. A routine without the built-in comfort step gets the
        reminder to stretch only to where it feels comfortable.
        """
        key = f"step_{step.side}" if step.side else "step"
        text = phrase(self.hass, "routine", key, name=step.name, cue=step.cue)
        if step.step != 0:
            return text
        key = step.session.routine or ""
        routine = self.coordinator.reader.routines().get(key)
        name = routine.name if routine else key
        start = phrase(
            self.hass, "routine", "started", routine=name, minutes=step.session.planned_minutes
        )
        if routine is None or routine.steps[0].key != COMFORT_KEY:
            start += " " + phrase(self.hass, "routine", "comfort")
        return f"{start} {text}"

    @callback
    def _arm_one_minute(self) -> None:
        session = self.coordinator.reader.session
        if session is None or session.is_paused:
            self._one_minute.cancel()
            self._cued_ends_at = None
            return
        if session.ends_at == self._cued_ends_at:
            return
        self._cued_ends_at = session.ends_at
        cue_at = session.ends_at - ONE_MINUTE
        wanted = session.planned_minutes > 1 and cue_at > dt_util.utcnow()
        self._one_minute.arm_at(cue_at if wanted else None)

    @callback
    def _one_minute_left(self, now: datetime) -> None:
        session = self.coordinator.reader.session
        if (
            session is not None
            and not session.is_paused
            and self.coordinator.reader.reminders_enabled
        ):
            self.say("one_minute_left", str(session.activity))
