"""The house speaks: session cues and daily reminders on the person's speakers."""

from __future__ import annotations

from collections.abc import Coroutine
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
    CONF_ONLY_WHEN_HOME,
    CONF_QUIET_END,
    CONF_QUIET_START,
    CONF_REMINDER_EXERCISE,
    CONF_REMINDER_INVERSION,
    CONF_REMINDER_REST,
    CONF_SPEAKERS,
    CONF_TTS_ENTITY,
    EVENT_FINISHED,
    EVENT_REMINDER,
    EVENT_STARTED,
    LOGGER,
    STALE_CUE_AFTER,
)
from .coordinator import BackReliefCoordinator
from .house import DeviceFaults
from .phrases import async_phrase
from .routine import Goal

REMINDER_OPTIONS: dict[Goal, str] = {
    Goal.EXERCISE: CONF_REMINDER_EXERCISE,
    Goal.INVERSION: CONF_REMINDER_INVERSION,
    Goal.REST: CONF_REMINDER_REST,
}
ONE_MINUTE = timedelta(minutes=1)


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
        self._reminder_times: dict[Goal, str] = {}
        self._cued_ends_at: datetime | None = None

    @callback
    def async_start(self) -> CALLBACK_TYPE:
        """Follow the routine; returns what undoes it all."""
        removers = [
            self.coordinator.async_add_event_listener(self._handle_event),
            self.coordinator.async_add_listener(self._handle_change),
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
            self._background(self._async_speak(speakers, message))

    def _background(self, coro: Coroutine[Any, Any, None]) -> None:
        self.coordinator.entry.async_create_task(
            self.hass, coro, f"back_relief announce {self.coordinator.entry.entry_id}"
        )

    async def _async_speak(self, speakers: list[str], message: str) -> None:
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
        if event_type == EVENT_STARTED:
            self._background(self._async_cue("started", data, data["planned_minutes"]))
        elif event_type == EVENT_FINISHED and not data["stopped_early"]:
            late = timedelta(seconds=data.get("late_seconds", 0))
            if data["while_offline"] and late > STALE_CUE_AFTER:
                LOGGER.debug("Not announcing a session end that is %s late", late)
                return
            self._background(self._async_cue("finished", data, data["credited_minutes"]))

    async def _async_cue(self, group: str, data: dict[str, Any], minutes: int) -> None:
        if not self.coordinator.reminders_enabled:
            return
        self.speak(await async_phrase(self.hass, group, data["activity"], minutes=minutes))

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
                self.hass, self._async_one_minute_left, cue_at
            )

    @callback
    def _cancel_one_minute(self) -> None:
        if self._unsub_one_minute is not None:
            self._unsub_one_minute()
            self._unsub_one_minute = None

    @callback
    def _async_one_minute_left(self, now: datetime) -> None:
        self._unsub_one_minute = None
        session = self.coordinator.session
        if session is not None and not session.is_paused:
            data = {"activity": str(session.activity)}
            self._background(self._async_cue("one_minute_left", data, 1))

    # ----- reminders -----

    @callback
    def _arm_reminders(self) -> None:
        options = self.coordinator.options
        wanted = {goal: options[key] for goal, key in REMINDER_OPTIONS.items() if options.get(key)}
        if wanted == self._reminder_times:
            return
        self._cancel_reminders()
        self._reminder_times = wanted
        for goal, at in wanted.items():
            when = time.fromisoformat(at)
            self._unsub_reminders.append(
                async_track_time_change(
                    self.hass,
                    partial(self._remind, goal),
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

    def decide_reminder(self, goal: Goal) -> ReminderDecision:
        """Return whether a reminder for a goal is spoken now."""
        coordinator = self.coordinator
        options = coordinator.options
        if coordinator.streak(goal).today_met:
            return ReminderDecision(spoken=False, reason="goal_met")
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
    def _remind(self, goal: Goal, now: datetime) -> None:
        decision = self.decide_reminder(goal)
        remaining = max(
            self.coordinator.goal_minutes(goal) - self.coordinator.today_minutes(goal), 0
        )
        self.coordinator.fire_event(
            EVENT_REMINDER,
            {
                "activity": str(goal),
                "spoken": decision.spoken,
                "reason": decision.reason,
                "minutes_today": self.coordinator.today_minutes(goal),
                "goal": self.coordinator.goal_minutes(goal),
            },
        )
        if decision.spoken:
            self._background(self._async_remind(goal, remaining))

    async def _async_remind(self, goal: Goal, remaining: int) -> None:
        message = await async_phrase(
            self.hass, "reminder", str(goal), name=self.coordinator.name, minutes=remaining
        )
        self.speak(message)
