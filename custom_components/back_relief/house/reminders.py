"""Daily reminders at the person's times: the facts gathered, the rules applied, spoken."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from functools import partial
from typing import Any

from homeassistant.const import STATE_HOME
from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.helpers.event import async_track_time_change
from homeassistant.util import dt as dt_util

from ..const import REMIND_LATER, REMINDER_CHECKIN, REMINDER_SUN, REMINDER_VISIT, SUN_ITEM
from ..coordinator import BackReliefCoordinator
from ..language.phrases import phrase
from ..routine.day import Goal
from ..routine.events import Reminder
from ..timers import Timer
from .phone_actions import PhoneAction, Verb
from .phones import Button, Phones
from .reminder_rules import ReminderDecision, ReminderFacts, decide_reminder
from .speaker import Speaker, Speaking


class Reminders(Speaking):
    """Keeps the reminder times in step with the options and reminds when one is due."""

    def __init__(
        self,
        hass: HomeAssistant,
        coordinator: BackReliefCoordinator,
        speaker: Speaker,
        phones: Phones,
    ) -> None:
        """Bind to one person's routine, speakers and phones."""
        super().__init__(hass, coordinator, speaker)
        self.phones = phones
        self._unsub_reminders: list[CALLBACK_TYPE] = []
        self._reminder_times: dict[str, time] = {}
        # "In 30 minutes" pressed on a phone: the reminder once more, by kind.
        self._later: dict[str, Timer] = {}

    @callback
    def async_start(self) -> CALLBACK_TYPE:
        """Follow the options' reminder times; returns what undoes it."""
        remove = self.coordinator.async_add_listener(self._arm_reminders)
        self._arm_reminders()

        @callback
        def stop() -> None:
            remove()
            self._cancel_reminders()
            for timer in self._later.values():
                timer.cancel()
            self._later.clear()

        return stop

    @callback
    def _arm_reminders(self) -> None:
        wanted = self.coordinator.reader.settings.reminder_times
        if wanted == self._reminder_times:
            return
        self._cancel_reminders()
        self._reminder_times = wanted
        for kind, when in wanted.items():
            self._unsub_reminders.append(
                async_track_time_change(
                    self.hass,
                    partial(self._remind, kind),
                    hour=when.hour,
                    minute=when.minute,
                    second=when.second,
                )
            )

    @callback
    def _cancel_reminders(self) -> None:
        for remove in self._unsub_reminders:
            remove()
        self._unsub_reminders = []
        self._reminder_times = {}

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
            has_speakers=bool(settings.speakers) or self.phones.configured,
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
            text = phrase(self.hass, "reminder", kind, **values)
            self.speaker.speak(text)
            self._send_to_phones(kind, text)

    def _send_to_phones(self, kind: str, text: str) -> None:
        """Send a reminder to the phones; a goal's reminder can be answered there."""
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
        title = phrase(self.hass, "phone", "reminder_title", name=self.coordinator.name)
        self.phones.send(title, text, tag=f"back_relief_{entry_id}_{kind}", buttons=buttons)

    def later_pending(self, kind: str) -> bool:
        """Return whether a reminder asked for again later is still to come."""
        return kind in self._later and self._later[kind].armed

    @callback
    def remind_later(self, kind: str) -> None:
        """Remind once more in 30 minutes, with the rules applied again then."""
        timer = self._later.setdefault(kind, Timer(self.hass, partial(self._remind, kind)))
        timer.arm_at(dt_util.utcnow() + REMIND_LATER)
