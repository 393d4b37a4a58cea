"""The house speaks: session cues and daily reminders on the person's speakers."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from functools import partial
from typing import Any

from homeassistant.const import ATTR_ENTITY_ID, STATE_HOME
from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers.event import async_track_point_in_utc_time, async_track_time_change
from homeassistant.util import dt as dt_util

from .const import (
    CONF_NOTIFY_ENTITY,
    CONF_ONLY_WHEN_HOME,
    CONF_QUIET_END,
    CONF_QUIET_START,
    CONF_REMINDER_EXERCISE,
    CONF_REMINDER_INVERSION,
    CONF_REMINDER_REST,
    CONF_REMINDER_SUN,
    CONF_REMINDER_VISIT,
    CONF_SPEAKERS,
    CONF_TTS_ENTITY,
    CONF_WEATHER_ENTITY,
    CONF_WEEKLY_SUMMARY,
    EVENT_FINISHED,
    EVENT_REMINDER,
    EVENT_STARTED,
    EVENT_STEP,
    LOGGER,
    REMINDER_SUN,
    REMINDER_VISIT,
    STALE_CUE_AFTER,
    SUN_ITEM,
    WEEKLY_NOTIFY,
    WEEKLY_SPEAK,
)
from .coordinator import BackReliefCoordinator
from .guided import COMFORT
from .house import DeviceFaults
from .phrases import phrase
from .routine import Activity, Goal

# Each kind of reminder, by the option that holds its daily time.
REMINDER_OPTIONS: dict[str, str] = {
    Goal.EXERCISE: CONF_REMINDER_EXERCISE,
    Goal.INVERSION: CONF_REMINDER_INVERSION,
    Goal.REST: CONF_REMINDER_REST,
    REMINDER_VISIT: CONF_REMINDER_VISIT,
    REMINDER_SUN: CONF_REMINDER_SUN,
}
ONE_MINUTE = timedelta(minutes=1)
# Weather that is no invitation to sit in the sun.
WET_WEATHER = frozenset(
    {"rainy", "pouring", "lightning-rainy", "snowy", "snowy-rainy", "hail", "exceptional"}
)
WEEKLY_SUMMARY_DAY = 6  # Sunday
WEEKLY_SUMMARY_TIME = time(18, 0)


def in_quiet_hours(now: time, start: time, end: time) -> bool:
    """Return whether a local time falls in quiet hours, which may span midnight."""
    if start == end:
        return False
    if start < end:
        return start <= now < end
    return now >= start or now < end


@dataclass(frozen=True, slots=True)
class ReminderDecision:
    """Whether a reminder is spoken, and if not, why not."""

    spoken: bool
    reason: str | None = None


class Announcer:
    """Speaks session cues and reminders; never holds up the routine."""

    def __init__(self, hass: HomeAssistant, coordinator: BackReliefCoordinator) -> None:
        """Bind to one person's routine."""
        self.hass = hass
        self.coordinator = coordinator
        self.faults = DeviceFaults(hass, coordinator.entry.entry_id, coordinator.name)
        self._unsub_one_minute: CALLBACK_TYPE | None = None
        self._unsub_reminders: list[CALLBACK_TYPE] = []
        self._reminder_times: dict[str, str] = {}
        self._cued_ends_at: datetime | None = None
        self._speaking = asyncio.Lock()

    @callback
    def async_start(self) -> CALLBACK_TYPE:
        """Follow the routine; returns what undoes it all."""
        removers = [
            self.coordinator.async_add_event_listener(self._handle_event),
            self.coordinator.async_add_listener(self._handle_change),
            async_track_time_change(
                self.hass,
                self._weekly_summary,
                hour=WEEKLY_SUMMARY_TIME.hour,
                minute=WEEKLY_SUMMARY_TIME.minute,
                second=0,
            ),
        ]
        self._handle_change()

        @callback
        def stop() -> None:
            for remove in removers:
                remove()
            self._cancel_one_minute()
            self._cancel_reminders()
            self.faults.clear_all()

        return stop

    # ----- speaking -----

    @callback
    def speak(self, message: str) -> None:
        """Say a message on every speaker, in the background."""
        speakers: list[str] = list(self.coordinator.options.get(CONF_SPEAKERS) or [])
        if speakers:
            self.coordinator.run_in_background(self._async_speak(speakers, message), "announce")

    async def _async_speak(self, speakers: list[str], message: str) -> None:
        # One message at a time: a satellite refuses a second announcement
        # while it speaks, and a player would cut the first one off.
        async with self._speaking:
            await self._async_speak_now(speakers, message)

    async def _async_speak_now(self, speakers: list[str], message: str) -> None:
        players = [
            entity_id
            for entity_id in speakers
            if entity_id.startswith("media_player.") and self.faults.usable("speaker", entity_id)
        ]
        satellites = [
            entity_id
            for entity_id in speakers
            if entity_id.startswith("assist_satellite.")
            and self.faults.usable("speaker", entity_id)
        ]
        for satellite in satellites:
            try:
                await self.hass.services.async_call(
                    "assist_satellite",
                    "announce",
                    {ATTR_ENTITY_ID: satellite, "message": message},
                    blocking=True,
                )
            except HomeAssistantError as err:
                self.faults.report("speaker", satellite, str(err) or type(err).__name__)
            else:
                self.faults.fixed("speaker", satellite)
        if players:
            await self._async_speak_on_players(players, message)

    async def _async_speak_on_players(self, players: list[str], message: str) -> None:
        engine = self.coordinator.options.get(CONF_TTS_ENTITY) or self._default_engine()
        if engine is None:
            self.faults.report("tts_failed", "tts", "no text-to-speech engine is set up")
            return
        try:
            if engine.startswith("tts."):
                await self.hass.services.async_call(
                    "tts",
                    "speak",
                    {"media_player_entity_id": players, "message": message, "cache": True},
                    target={ATTR_ENTITY_ID: engine},
                    blocking=True,
                )
            else:
                # An engine of the older kind, without an entity: its say action.
                await self.hass.services.async_call(
                    "tts",
                    f"{engine}_say",
                    {ATTR_ENTITY_ID: players, "message": message, "cache": True},
                    blocking=True,
                )
        except HomeAssistantError as err:
            self.faults.report("tts_failed", engine, str(err) or type(err).__name__)
            return
        self.faults.fixed("tts_failed", engine)
        for player in players:
            self.faults.fixed("speaker", player)

    def _default_engine(self) -> str | None:
        """Return the system's default engine, as Home Assistant's tts picks it.

        The first text-to-speech entity, Home Assistant Cloud's when there is
        one; else an engine of the older kind, by the name of its say action.
        """
        registry = er.async_get(self.hass)
        engines = self.hass.states.async_entity_ids("tts")
        for engine in engines:
            if (entry := registry.async_get(engine)) is not None and entry.platform == "cloud":
                return engine
        if engines:
            return engines[0]
        for service in self.hass.services.async_services_for_domain("tts"):
            if service.endswith("_say"):
                return service.removesuffix("_say")
        return None

    # ----- session cues -----

    @callback
    def _handle_event(self, event_type: str, data: dict[str, Any]) -> None:
        if not self.coordinator.reminders_enabled:
            return
        if event_type == EVENT_STARTED and not data["routine"]:
            self.say("started", data["activity"], minutes=data["planned_minutes"])
        elif event_type == EVENT_STEP:
            self.speak(self._step_text(data))
        elif event_type == EVENT_FINISHED and not data["stopped_early"]:
            late = timedelta(seconds=data.get("late_seconds", 0))
            if data["while_offline"] and late > STALE_CUE_AFTER:
                LOGGER.debug("Not announcing a session end that is %s late", late)
                return
            text = phrase(self.hass, "finished", data["activity"], minutes=data["credited_minutes"])
            if data["activity"] == Activity.INVERSION and (
                tomorrow := self.coordinator.inversion_tomorrow()
            ):
                # On the plan, the next step is said where it is wanted.
                text += " " + phrase(self.hass, "plan", "tomorrow", minutes=tomorrow)
            self.speak(text)

    def _step_text(self, data: dict[str, Any]) -> str:
        """Return what is said at a step; the first one also starts the routine.

        A routine's start and first step are one message, so that neither cuts
        the other off. A routine without the built-in comfort step gets the
        reminder to stretch only to where it feels comfortable.
        """
        key = f"step_{data['side']}" if data["side"] else "step"
        text = phrase(self.hass, "routine", key, name=data["name"], cue=data["cue"])
        if data["step"] != 0:
            return text
        routine = self.coordinator.routines().get(data["routine"])
        name = routine.name if routine else data["routine"]
        start = phrase(
            self.hass, "routine", "started", routine=name, minutes=data["planned_minutes"]
        )
        if routine is None or routine.steps[0].key != COMFORT.key:
            start += " " + phrase(self.hass, "routine", "comfort")
        return f"{start} {text}"

    @callback
    def say(self, group: str, key: str, **values: Any) -> None:
        """Speak one of the texts in Home Assistant's language."""
        self.speak(phrase(self.hass, group, key, **values))

    @callback
    def _handle_change(self) -> None:
        """Keep the one-minute cue and the reminder times in step with the routine."""
        self._arm_one_minute()
        self._arm_reminders()

    @callback
    def _arm_one_minute(self) -> None:
        session = self.coordinator.session
        if session is None or session.is_paused:
            self._cancel_one_minute()
            self._cued_ends_at = None
            return
        if session.ends_at == self._cued_ends_at:
            return
        self._cancel_one_minute()
        self._cued_ends_at = session.ends_at
        cue_at = session.ends_at - ONE_MINUTE
        if session.planned_minutes > 1 and cue_at > dt_util.utcnow():
            self._unsub_one_minute = async_track_point_in_utc_time(
                self.hass, self._one_minute_left, cue_at
            )

    @callback
    def _cancel_one_minute(self) -> None:
        if self._unsub_one_minute is not None:
            self._unsub_one_minute()
            self._unsub_one_minute = None

    @callback
    def _one_minute_left(self, now: datetime) -> None:
        self._unsub_one_minute = None
        session = self.coordinator.session
        if session is not None and not session.is_paused and self.coordinator.reminders_enabled:
            self.say("one_minute_left", str(session.activity))

    # ----- reminders -----

    @callback
    def _arm_reminders(self) -> None:
        options = self.coordinator.options
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

    def _reason_not_needed(self, kind: str) -> str | None:
        """Return why a reminder is not needed today, None when it is."""
        coordinator = self.coordinator
        if kind in set(Goal):
            goal = Goal(kind)
            met = coordinator.today_minutes(goal) >= coordinator.reminder_goal_minutes(goal)
            return "goal_met" if met else None
        if kind == REMINDER_SUN:
            return self._reason_no_sun()
        return None

    def _reason_no_sun(self) -> str | None:
        """Return why a few minutes in the sun aren't suggested now, None when they are."""
        if self.coordinator.checklist_done(SUN_ITEM):
            return "done"
        sun = self.hass.states.get("sun.sun")
        if sun is None or sun.state != "above_horizon":
            return "sun_down"
        weather = self.coordinator.options.get(CONF_WEATHER_ENTITY)
        if weather and (state := self.hass.states.get(weather)) and state.state in WET_WEATHER:
            return "weather"
        return None

    def decide_reminder(self, kind: str) -> ReminderDecision:
        """Return whether a reminder is spoken now, and if not, why not."""
        coordinator = self.coordinator
        options = coordinator.options
        if reason := self._reason_not_needed(kind):
            return ReminderDecision(spoken=False, reason=reason)
        if not coordinator.reminders_enabled:
            return ReminderDecision(spoken=False, reason="reminders_off")
        local_now = dt_util.now().time()
        quiet_start = time.fromisoformat(options[CONF_QUIET_START])
        quiet_end = time.fromisoformat(options[CONF_QUIET_END])
        if in_quiet_hours(local_now, quiet_start, quiet_end):
            return ReminderDecision(spoken=False, reason="quiet_hours")
        person = coordinator.person_entity_id
        if person and options[CONF_ONLY_WHEN_HOME]:
            state = self.hass.states.get(person)
            if state is None or state.state != STATE_HOME:
                return ReminderDecision(spoken=False, reason="not_home")
        if not options.get(CONF_SPEAKERS):
            return ReminderDecision(spoken=False, reason="no_speakers")
        return ReminderDecision(spoken=True)

    @callback
    def _remind(self, kind: str, now: datetime) -> None:
        coordinator = self.coordinator
        details: dict[str, Any] = {}
        values: dict[str, Any] = {"name": coordinator.name}
        if kind in set(Goal):
            goal = Goal(kind)
            minutes_today = coordinator.today_minutes(goal)
            goal_minutes = coordinator.reminder_goal_minutes(goal)
            details = {"minutes_today": minutes_today, "goal": goal_minutes}
            values["minutes"] = max(goal_minutes - minutes_today, 0)
        elif kind == REMINDER_VISIT:
            visit = coordinator.next_visit()
            tomorrow = coordinator.today() + timedelta(days=1)
            if visit is None or dt_util.as_local(visit.visited_at).date() != tomorrow:
                return  # only the day before a visit
            visit_time = dt_util.as_local(visit.visited_at).strftime("%H:%M")
            details = {"visit_at": visit.visited_at.isoformat()}
            values["time"] = visit_time
        decision = self.decide_reminder(kind)
        coordinator.fire_event(
            EVENT_REMINDER,
            {"activity": kind, "spoken": decision.spoken, "reason": decision.reason, **details},
        )
        if decision.spoken:
            self.say("reminder", kind, **values)

    # ----- the weekly summary -----

    def weekly_summary_text(self) -> str:
        """Return the week in a few spoken sentences."""
        coordinator = self.coordinator
        today = coordinator.today()
        first = today - timedelta(days=6)
        insights = coordinator.history.pain_insights(today, coordinator.goal_minutes(Goal.EXERCISE))
        days = {
            str(goal): coordinator.history.days_meeting(
                goal, coordinator.goal_minutes(goal), first, today
            )
            for goal in Goal
        }
        text = phrase(self.hass, "weekly", "goals", name=coordinator.name, **days)
        if insights.average_7_days is not None:
            previous = insights.average_previous_7_days
            key = "pain" if previous is None else "pain_compared"
            text += " " + phrase(
                self.hass, "weekly", key, pain=insights.average_7_days, previous=previous
            )
        return text

    @callback
    def _weekly_summary(self, now: datetime) -> None:
        how = self.coordinator.options.get(CONF_WEEKLY_SUMMARY)
        if dt_util.as_local(now).weekday() != WEEKLY_SUMMARY_DAY or not how:
            return
        text = self.weekly_summary_text()
        if how == WEEKLY_SPEAK and self.decide_reminder("weekly").spoken:
            self.speak(text)
        notify = self.coordinator.options.get(CONF_NOTIFY_ENTITY)
        if how == WEEKLY_NOTIFY and notify:
            title = phrase(self.hass, "weekly", "title", name=self.coordinator.name)
            self.coordinator.run_in_background(self._async_notify(notify, title, text), "notify")

    async def _async_notify(self, notify: str, title: str, message: str) -> None:
        if not self.faults.usable("notify_failed", notify):
            return
        try:
            await self.hass.services.async_call(
                "notify",
                "send_message",
                {ATTR_ENTITY_ID: notify, "title": title, "message": message},
                blocking=True,
            )
        except HomeAssistantError as err:
            self.faults.report("notify_failed", notify, str(err) or type(err).__name__)
        else:
            self.faults.fixed("notify_failed", notify)
