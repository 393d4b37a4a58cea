"""Daily reminders at the person's times: the facts gathered, the rules applied, spoken."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from functools import partial
from typing import Any

from homeassistant.const import STATE_HOME
from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.helpers.event import async_track_time_change
from homeassistant.util import dt as dt_util

from ..const import (
    CONF_ONLY_WHEN_HOME,
    CONF_QUIET_END,
    CONF_QUIET_START,
    CONF_REMINDER_EXERCISE,
    CONF_REMINDER_INVERSION,
    CONF_REMINDER_REST,
    CONF_REMINDER_SUN,
    CONF_REMINDER_VISIT,
    CONF_SPEAKERS,
    CONF_WEATHER_ENTITY,
    EVENT_REMINDER,
    REMIND_LATER,
    REMINDER_CHECKIN,
    REMINDER_SUN,
    REMINDER_VISIT,
    SUN_ITEM,
)
from ..coordinator import BackReliefCoordinator
from ..language.phrases import phrase
from ..routine.day import Goal
from ..timers import Timer
from .phone_actions import PhoneAction, Verb
from .phones import Button, Phones
from .reminder_rules import ReminderDecision, ReminderFacts, decide_reminder
from .speaker import Speaker, Speaking

# Each kind of reminder, by the option that holds its daily time.
REMINDER_OPTIONS: dict[str, str] = {
    Goal.EXERCISE: CONF_REMINDER_EXERCISE,
    Goal.INVERSION: CONF_REMINDER_INVERSION,
    Goal.REST: CONF_REMINDER_REST,
    REMINDER_VISIT: CONF_REMINDER_VISIT,
    REMINDER_SUN: CONF_REMINDER_SUN,
}


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
        self._reminder_times: dict[str, str] = {}
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
        options = self.coordinator.reader.options
        wanted = {kind: options[key] for kind, key in REMINDER_OPTIONS.items() if options.get(key)}
        if wanted == self._reminder_times:
            return
        self._cancel_reminders()
        self._reminder_times = wanted
        for kind, at in wanted.items():
            when = time.fromisoformat(at)
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
        options = coordinator.reader.options
        person = coordinator.reader.person_entity_id
        away = False
        if person and options[CONF_ONLY_WHEN_HOME]:
            state = self.hass.states.get(person)
            away = state is None or state.state != STATE_HOME
        sun: dict[str, Any] = {}
        if kind == REMINDER_SUN:
            sun_state = self.hass.states.get("sun.sun")
            weather = options.get(CONF_WEATHER_ENTITY)
            weather_state = self.hass.states.get(weather) if weather else None
            sun = {
                "sun_item_done": coordinator.reader.checklist_done(SUN_ITEM),
                "sun_up": sun_state is not None and sun_state.state == "above_horizon",
                "weather": weather_state.state if weather_state else None,
            }
        return ReminderFacts(
            kind=kind,
            local_time=dt_util.now().time(),
            quiet_start=time.fromisoformat(options[CONF_QUIET_START]),
            quiet_end=time.fromisoformat(options[CONF_QUIET_END]),
            reminders_on=coordinator.reader.reminders_enabled,
            away=away,
            has_speakers=bool(options.get(CONF_SPEAKERS)) or self.phones.configured,
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
        details: dict[str, Any] = {}
        values: dict[str, Any] = {"name": coordinator.name}
        if kind in set(Goal):
            goal = Goal(kind)
            minutes_today = coordinator.reader.today_minutes(goal)
            goal_minutes = coordinator.reader.today_goal(goal)
            details = {"minutes_today": minutes_today, "goal": goal_minutes}
            values["minutes"] = max(goal_minutes - minutes_today, 0)
        elif kind == REMINDER_VISIT:
            # Tomorrow's visit, also when another one is still to come today.
            visit = coordinator.reader.visit_on(coordinator.reader.today() + timedelta(days=1))
            if visit is None:
                return  # only the day before a visit
            visit_time = dt_util.as_local(visit.visited_at).strftime("%H:%M")
            details = {"visit_at": visit.visited_at.isoformat()}
            values["time"] = visit_time
        decision = self.decide(kind)
        coordinator.fire_event(
            EVENT_REMINDER,
            {"activity": kind, "spoken": decision.spoken, "reason": decision.reason, **details},
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
