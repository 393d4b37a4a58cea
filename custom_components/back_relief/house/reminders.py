"""Daily reminders at the person's times: the facts gathered, the rules applied, delivered."""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import partial
from typing import Any

from homeassistant.const import STATE_HOME
from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.util import dt as dt_util

from ..const import REMIND_LATER, REMINDER_CHECKIN, REMINDER_SUN, REMINDER_VISIT, SUN_ITEM
from ..coordinator import BackReliefCoordinator
from ..language.phrases import phrase
from ..routine.day import Goal
from ..routine.events import Reminder
from ..timers import DailyAt, Timer
from .delivery import Delivery, Kind, Message
from .phone_actions import PhoneAction, Verb
from .phones import Button
from .reminder_rules import ReminderDecision, ReminderFacts, decide_reminder


class Reminders:
    """Keeps the reminder times in step with the options and reminds when one is due."""

    def __init__(
        self, hass: HomeAssistant, coordinator: BackReliefCoordinator, delivery: Delivery
    ) -> None:
        """Bind to one person's routine and the way messages reach them."""
        self.hass = hass
        self.coordinator = coordinator
        self.delivery = delivery
        # Each kind's daily time, and "In 30 minutes" pressed on a phone: once more.
        self._daily: dict[str, DailyAt] = {}
        self._later: dict[str, Timer] = {}

    @callback
    def async_start(self) -> CALLBACK_TYPE:
        """Follow the options' reminder times; returns what undoes it."""
        remove = self.coordinator.async_add_listener(self._arm_reminders)
        self._arm_reminders()

        @callback
        def stop() -> None:
            remove()
            for daily in self._daily.values():
                daily.cancel()
            for timer in self._later.values():
                timer.cancel()
            self._later.clear()

        return stop

    @callback
    def _arm_reminders(self) -> None:
        wanted = self.coordinator.reader.settings.reminder_times
        for kind in {*self._daily, *wanted}:
            daily = self._daily.setdefault(kind, DailyAt(self.hass, partial(self._remind, kind)))
            daily.set(wanted.get(kind))

    def facts(self, kind: str) -> ReminderFacts:
        """Gather what a reminder of this kind depends on, now."""
        coordinator = self.coordinator
        settings = coordinator.reader.settings
        person = coordinator.reader.person_entity_id
        away = False
        if person and settings.only_when_home:
            state = self.hass.states.get(person)
            away = state is None or state.state != STATE_HOME
        sun: dict[str, Any] = {}
        if kind == REMINDER_SUN:
            sun_state = self.hass.states.get("sun.sun")
            weather = settings.weather_entity
            weather_state = self.hass.states.get(weather) if weather else None
            sun = {
                "sun_item_done": coordinator.reader.checklist_done(SUN_ITEM),
                "sun_up": sun_state is not None and sun_state.state == "above_horizon",
                "weather": weather_state.state if weather_state else None,
            }
        return ReminderFacts(
            kind=kind,
            local_time=dt_util.now().time(),
            quiet_start=settings.quiet_start,
            quiet_end=settings.quiet_end,
            reminders_on=coordinator.reader.reminders_enabled,
            away=away,
            has_speakers=self._reaches(kind),
            goal_met=kind in set(Goal) and coordinator.reader.today_met(Goal(kind)),
            pain_logged=kind == REMINDER_CHECKIN and bool(coordinator.reader.today_log().pain),
            skipped=kind in coordinator.reader.today_log().skipped,
            **sun,
        )

    def decide(self, kind: str) -> ReminderDecision:
        """Return whether a reminder is spoken now, and if not, why not."""
        return decide_reminder(self.facts(kind))

    @callback
    def _remind(self, kind: str, now: datetime) -> None:
        coordinator = self.coordinator
        values: dict[str, Any] = {"name": coordinator.name}
        minutes_today: int | None = None
        goal_minutes: int | None = None
        visit_at: datetime | None = None
        if kind in set(Goal):
            goal = Goal(kind)
            minutes_today = coordinator.reader.today_minutes(goal)
            goal_minutes = coordinator.reader.today_goal(goal)
            values["minutes"] = max(goal_minutes - minutes_today, 0)
        elif kind == REMINDER_VISIT:
            # Tomorrow's visit, also when another one is still to come today.
            visit = coordinator.reader.visit_on(coordinator.reader.today() + timedelta(days=1))
            if visit is None:
                return  # only the day before a visit
            visit_at = visit.visited_at
            values["time"] = dt_util.as_local(visit_at).strftime("%H:%M")
        decision = self.decide(kind)
        coordinator.fire_event(
            Reminder(
                kind=kind,
                spoken=decision.spoken,
                reason=decision.reason,
                minutes_today=minutes_today,
                goal=goal_minutes,
                visit_at=visit_at,
            )
        )
        if decision.spoken:
            self.delivery.send(self._message(kind, phrase(self.hass, "reminder", kind, **values)))

    def _reaches(self, kind: str) -> bool:
        """Return whether a reminder of a kind (a check-in's question too) reaches anyone."""
        if kind == REMINDER_CHECKIN:
            # Asked on a satellite, one of the speakers, first; unanswered, it is sent.
            settings = self.coordinator.reader.settings
            return bool(settings.speakers) or self.delivery.reachable(Kind.CHECK_IN)
        if kind == "weekly":
            return self.delivery.reachable(Kind.WEEKLY_SPOKEN)
        return self.delivery.reachable(Kind.REMINDER)

    def _message(self, kind: str, text: str) -> Message:
        """Return a reminder as it is delivered; a goal's reminder can be answered on a phone."""
        entry_id = self.coordinator.entry.entry_id
        now = dt_util.utcnow()
        buttons = []
        if kind in set(Goal):
            buttons = [
                Button(
                    PhoneAction(Verb.START, kind, entry_id, now),
                    phrase(self.hass, "phone", "start_now"),
                ),
                Button(
                    PhoneAction(Verb.LATER, kind, entry_id, now),
                    phrase(self.hass, "phone", "later"),
                ),
                Button(
                    PhoneAction(Verb.SKIP, kind, entry_id, now), phrase(self.hass, "phone", "skip")
                ),
            ]
        return Message(
            kind=Kind.REMINDER,
            text=text,
            title=phrase(self.hass, "phone", "reminder_title", name=self.coordinator.name),
            tag=f"back_relief_{entry_id}_{kind}",
            buttons=tuple(buttons),
        )

    def later_pending(self, kind: str) -> bool:
        """Return whether a reminder asked for again later is still to come."""
        return kind in self._later and self._later[kind].armed

    @callback
    def remind_later(self, kind: str) -> None:
        """Remind once more in 30 minutes, with the rules applied again then."""
        timer = self._later.setdefault(kind, Timer(self.hass, partial(self._remind, kind)))
        timer.arm_at(dt_util.utcnow() + REMIND_LATER)
