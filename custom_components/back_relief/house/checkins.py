"""The house asks: the daily pain check-in, and how a session felt.

A question is asked on the person's voice satellites through Home Assistant's
own ``assist_satellite.ask_question``; the answer is matched here, in Home
Assistant's language (``checkin_answers``). No usable answer after a second
try, or no satellite: the question goes to the phones. Every check-in ends in
one ``check_in`` event that says what happened.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.util import dt as dt_util

from ..const import QUESTION_PAIN, QUESTION_SESSION, REMINDER_CHECKIN
from ..coordinator import BackReliefCoordinator
from ..language.checkin_answers import FEEDBACK_ANSWERS, parse_feedback, parse_level
from ..language.phrases import group_of, phrase
from ..routine.day import Activity
from ..routine.events import CheckIn, Finished, SessionEvent
from ..timers import DailyAt
from .delivery import NOWHERE, ON_SATELLITE, Channel, Delivery, Kind, Message, event_channel
from .phone_actions import PhoneAction, Verb
from .phones import Button
from .reminders import Reminders
from .satellites import Question, SatelliteAsker


class CheckIns:
    """Asks the person how their back is, once a day, and how each session felt."""

    def __init__(
        self,
        hass: HomeAssistant,
        coordinator: BackReliefCoordinator,
        delivery: Delivery,
        reminders: Reminders,
    ) -> None:
        """Bind to one person's routine, satellites, reminder rules and channels."""
        self.hass = hass
        self.coordinator = coordinator
        self.delivery = delivery
        self.reminders = reminders
        self.asker = SatelliteAsker(hass, coordinator, delivery.speaker)
        self._daily = DailyAt(hass, self._daily_check_in)

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
            self._daily.cancel()

        return stop

    @callback
    def _arm_daily(self) -> None:
        self._daily.set(self.coordinator.reader.settings.checkin_time)

    @callback
    def _daily_check_in(self, now: datetime) -> None:
        decision = self.reminders.decide(REMINDER_CHECKIN)
        if not decision.spoken:
            self._fire(QUESTION_PAIN, None, NOWHERE, decision.reason)
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
            self._fire(QUESTION_PAIN, heard.answer, ON_SATELLITE, None, heard.satellite)
            await self.asker.async_thank(
                heard, phrase(self.hass, "checkin", "thanks", level=heard.answer)
            )
            return
        reply = self._button(
            Verb.REPLY, "level", phrase(self.hass, "phone", "reply"), text_input=True
        )
        channel = self._send(
            phrase(self.hass, "phone", "checkin_title", name=self.coordinator.name),
            phrase(self.hass, "phone", "checkin_message"),
            "checkin",
            reply,
        )
        self._fire(QUESTION_PAIN, None, channel, heard.reason)

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
            self._fire(QUESTION_SESSION, heard.answer, ON_SATELLITE, None, heard.satellite)
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
        channel = self._send(
            phrase(self.hass, "phone", "feedback_title", activity=name),
            phrase(self.hass, "checkin", "feedback_question"),
            "feedback",
            *buttons,
        )
        self._fire(QUESTION_SESSION, None, channel, heard.reason)

    # ----- no answer on a satellite: the question is sent -----

    def _send(self, title: str, text: str, tag: str, *buttons: Button) -> str:
        """Send a question nobody answered; return the check_in event's channel."""
        reached = self.delivery.send(
            Message(
                kind=Kind.CHECK_IN,
                text=text,
                title=title,
                tag=f"back_relief_{self.coordinator.entry.entry_id}_{tag}",
                buttons=buttons,
            )
        )
        return event_channel(reached)

    # ----- answers from the phones -----

    def _button(self, verb: Verb, value: str, title: str, *, text_input: bool = False) -> Button:
        action = PhoneAction(verb, value, self.coordinator.entry.entry_id, dt_util.utcnow())
        return Button(action, title, text_input)

    @callback
    def answered_on_phone(self, question: str, answer: Any) -> None:
        """Tell automations that a question was answered on a phone."""
        self._fire(question, answer, str(Channel.PHONES), None)

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
