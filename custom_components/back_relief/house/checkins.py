"""The house asks: the daily pain check-in, and how a session felt.

A question is asked on the person's voice satellites through Home Assistant's
own ``assist_satellite.ask_question``; the answer is matched here, in Home
Assistant's language (``checkin_answers``). No usable answer after a second
try, or no satellite: the question goes to the phones. Every check-in ends in
one ``check_in`` event that says what happened.
"""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.helpers.event import async_track_time_change
from homeassistant.util import dt as dt_util

from ..const import (
    CHANNEL_NONE,
    CHANNEL_PHONE,
    CHANNEL_SATELLITE,
    QUESTION_PAIN,
    QUESTION_SESSION,
    REMINDER_CHECKIN,
)
from ..coordinator import BackReliefCoordinator
from ..language.checkin_answers import FEEDBACK_ANSWERS, parse_feedback, parse_level
from ..language.phrases import group_of, phrase
from ..routine.day import Activity
from ..routine.events import CheckIn, Finished, SessionEvent
from .phone_actions import PhoneAction, Verb
from .phones import Button, Phones
from .reminders import Reminders
from .satellites import Question, SatelliteAsker
from .speaker import Speaker, Speaking


class CheckIns(Speaking):
    """Asks the person how their back is, once a day, and how each session felt."""

    def __init__(
        self,
        hass: HomeAssistant,
        coordinator: BackReliefCoordinator,
        speaker: Speaker,
        reminders: Reminders,
        phones: Phones,
    ) -> None:
        """Bind to one person's routine, satellites, reminder rules and phones."""
        super().__init__(hass, coordinator, speaker)
        self.reminders = reminders
        self.phones = phones
        self.asker = SatelliteAsker(hass, coordinator, speaker)
        self._unsub_daily: CALLBACK_TYPE | None = None
        self._daily_at: time | None = None

    @callback
    def async_start(self) -> CALLBACK_TYPE:
        """Follow the check-in time and the sessions; returns what undoes it."""
        removers = [
            self.coordinator.async_add_listener(self._arm_daily),
            self.coordinator.async_add_event_listener(self._handle_event),
        ]
        self._arm_daily()

        @callback
        def stop() -> None:
            for remove in removers:
                remove()
            self._cancel_daily()

        return stop

    @callback
    def _arm_daily(self) -> None:
        wanted = self.coordinator.reader.settings.checkin_time
        if wanted == self._daily_at:
            return
        self._cancel_daily()
        self._daily_at = wanted
        if wanted:
            when = wanted
            self._unsub_daily = async_track_time_change(
                self.hass, self._daily, hour=when.hour, minute=when.minute, second=when.second
            )

    @callback
    def _cancel_daily(self) -> None:
        if self._unsub_daily is not None:
            self._unsub_daily()
        self._unsub_daily = None
        self._daily_at = None

    @callback
    def _daily(self, now: datetime) -> None:
        decision = self.reminders.decide(REMINDER_CHECKIN)
        if not decision.spoken:
            self._fire(QUESTION_PAIN, None, CHANNEL_NONE, decision.reason)
            return
        self.check_in()

    @callback
    def check_in(self) -> None:
        """Ask now, whatever the time and the conditions (the check_in action)."""
        self.coordinator.run_in_background(self._async_check_in(), "check-in")

    # ----- the pain check-in -----

    def _pain_question(self) -> Question:
        numbers = group_of(self.hass, "numbers")
        return Question(
            phrase(self.hass, "checkin", "question"),
            phrase(self.hass, "checkin", "again"),
            lambda text: parse_level(text, numbers),
        )

    async def _async_check_in(self) -> None:
        heard = await self.asker.async_ask(self._pain_question())
        if heard.answer is not None:
            self.coordinator.commands.log_pain(heard.answer)
            self._fire(QUESTION_PAIN, heard.answer, CHANNEL_SATELLITE, None, heard.satellite)
            await self.asker.async_thank(
                heard, phrase(self.hass, "checkin", "thanks", level=heard.answer)
            )
            return
        name = self.coordinator.name
        sent = self.phones.send(
            phrase(self.hass, "phone", "checkin_title", name=name),
            phrase(self.hass, "phone", "checkin_message"),
            tag=f"back_relief_{self.coordinator.entry.entry_id}_checkin",
            buttons=[
                self._button(
                    Verb.REPLY, "level", phrase(self.hass, "phone", "reply"), text_input=True
                )
            ],
        )
        self._fire(QUESTION_PAIN, None, CHANNEL_PHONE if sent else CHANNEL_NONE, heard.reason)

    # ----- how a session felt -----

    @callback
    def _handle_event(self, event: SessionEvent) -> None:
        if (
            not isinstance(event, Finished)
            or event.while_offline
            or not event.credited_minutes
            or not self.coordinator.reader.settings.checkin_after_session
            or not self.coordinator.reader.reminders_enabled
        ):
            return
        self.coordinator.run_in_background(
            self._async_ask_feedback(event.session.started_at, event.activity), "feedback"
        )

    async def _async_ask_feedback(self, started_at: datetime, activity: Activity) -> None:
        words = group_of(self.hass, "feedback_words")
        question = Question(
            phrase(self.hass, "checkin", "feedback_question"),
            phrase(self.hass, "checkin", "feedback_again"),
            lambda text: parse_feedback(text, words),
        )
        heard = await self.asker.async_ask(question)
        if heard.answer is not None:
            self.coordinator.commands.give_feedback(started_at, heard.answer)
            self._fire(QUESTION_SESSION, heard.answer, CHANNEL_SATELLITE, None, heard.satellite)
            await self.asker.async_thank(heard, phrase(self.hass, "checkin", "feedback_thanks"))
            return
        buttons = [
            Button(
                PhoneAction(Verb.FEEDBACK, answer, self.coordinator.entry.entry_id, started_at),
                phrase(self.hass, "phone", answer),
            )
            for answer in FEEDBACK_ANSWERS
        ]
        name = phrase(self.hass, "calendar", f"activity_{activity}")
        sent = self.phones.send(
            phrase(self.hass, "phone", "feedback_title", activity=name),
            phrase(self.hass, "checkin", "feedback_question"),
            tag=f"back_relief_{self.coordinator.entry.entry_id}_feedback",
            buttons=buttons,
        )
        self._fire(QUESTION_SESSION, None, CHANNEL_PHONE if sent else CHANNEL_NONE, heard.reason)

    # ----- answers from the phones -----

    def _button(self, verb: Verb, value: str, title: str, *, text_input: bool = False) -> Button:
        action = PhoneAction(verb, value, self.coordinator.entry.entry_id, dt_util.utcnow())
        return Button(action, title, text_input)

    @callback
    def answered_on_phone(self, question: str, answer: Any) -> None:
        """Tell automations that a question was answered on a phone."""
        self._fire(question, answer, CHANNEL_PHONE, None)

    @callback
    def _fire(
        self,
        question: str,
        answer: Any,
        channel: str,
        reason: str | None,
        satellite: str | None = None,
    ) -> None:
        self.coordinator.fire_event(
            CheckIn(
                question=question,
                answer=answer,
                channel=channel,
                reason=reason,
                satellite=satellite,
            )
        )
