"""Runtime data of one person: the routine, its storage and its timers."""

from __future__ import annotations

from collections.abc import Callable, Coroutine, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
import shutil
from typing import Any, cast
from uuid import uuid4

from homeassistant.config_entries import ConfigEntry
from homeassistant.const import CONF_NAME
from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import issue_registry as ir
from homeassistant.helpers.event import async_track_point_in_utc_time, async_track_time_change
from homeassistant.helpers.storage import Store
from homeassistant.util import dt as dt_util

from .const import (
    BUS_EVENT,
    CONF_MAX_INVERSION,
    CONF_PERSON,
    CONF_ROUTINES,
    DEFAULT_CHECKLIST,
    DEFAULT_DURATIONS,
    DEFAULT_OPTIONS,
    DOMAIN,
    EVENT_CANCELLED,
    EVENT_EXTENDED,
    EVENT_FINISHED,
    EVENT_PAUSED,
    EVENT_RESUMED,
    EVENT_STARTED,
    EVENT_STEP,
    FLARE_UP_LOOKBACK_DAYS,
    GOAL_OPTIONS,
    LOGGER,
    SAVE_DELAY,
    STORAGE_MINOR_VERSION,
    STORAGE_VERSION,
)
from .guided import Routine, TimedStep
from .phrases import built_in_routines, phrase
from .routine import (
    Activity,
    DayLog,
    Goal,
    History,
    PainEntry,
    SessionRecord,
    Streak,
    Visit,
    local_date,
)
from .session import RoutineError, Session

type BackReliefConfigEntry = ConfigEntry[BackReliefCoordinator]
type EventListener = Callable[[str, dict[str, Any]], None]


@dataclass(slots=True)
class ChecklistItem:
    """A daily checklist item; each day starts with it open."""

    uid: str
    summary: str


class BackReliefStore(Store[dict[str, Any]]):
    """The person's stored routine, with a hook for future format changes."""

    async def _async_migrate_func(
        self,
        old_major_version: int,
        old_minor_version: int,
        old_data: dict[str, Any],
    ) -> dict[str, Any]:
        """Bring data written by an older version up to date."""
        # Version 1.1 is the first format; later versions add their steps here.
        del old_major_version, old_minor_version
        return old_data


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn a refusal of the routine into a translated validation error."""
    try:
        yield
    except RoutineError as err:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key=err.key,
            translation_placeholders=err.placeholders or None,
        ) from err


class BackReliefCoordinator:
    """Keeps one person's routine, saves it and tells entities about changes."""

    def __init__(self, hass: HomeAssistant, entry: BackReliefConfigEntry) -> None:
        """Prepare an empty routine; ``async_load`` fills it."""
        self.hass = hass
        self.entry = entry
        # What the entry held at setup; a change of name or person reloads.
        self.setup_data = dict(entry.data)
        self.store = BackReliefStore(
            hass,
            STORAGE_VERSION,
            f"{DOMAIN}.{entry.entry_id}",
            minor_version=STORAGE_MINOR_VERSION,
        )
        self.history = History()
        self.session: Session | None = None
        self.durations: dict[Activity, int] = dict(DEFAULT_DURATIONS)
        self.reminders_enabled = True
        self.flare_up = False
        self.checklist: list[ChecklistItem] = [
            ChecklistItem(uid, phrase(hass, "checklist", uid)) for uid in DEFAULT_CHECKLIST
        ]
        # How each rest light was before a rest session dimmed it.
        self.rest_snapshot: dict[str, dict[str, Any]] | None = None
        self._listeners: list[CALLBACK_TYPE] = []
        self._event_listeners: list[EventListener] = []
        self._unsub_session_timer: CALLBACK_TYPE | None = None
        self._unsub_step_timer: CALLBACK_TYPE | None = None
        self._unsub_visit_timer: CALLBACK_TYPE | None = None
        # The routine the stretch button starts, None for a plain timer.
        self.stretch_routine: str | None = None
        self.scheduled_visits: list[Visit] = []
        self._unsub_midnight: CALLBACK_TYPE | None = None

    # ----- setup and teardown -----

    @property
    def name(self) -> str:
        """Return the person's name."""
        return cast("str", self.entry.data[CONF_NAME])

    async def async_load(self) -> None:
        """Read the stored routine; never lose it to a file that can't be read."""
        stored = await self.store.async_load()
        if stored is None:
            return
        try:
            self._restore(stored)
        except (KeyError, TypeError, ValueError, AttributeError) as err:
            # Nothing was taken from the file: the routine starts clean.
            await self._async_set_aside_unreadable(err)

    def _restore(self, stored: dict[str, Any]) -> None:
        """Fill the routine from its stored form."""
        history = History.from_dict(stored.get("history", {}))
        session = Session.from_dict(stored["session"]) if stored.get("session") else None
        durations = dict(DEFAULT_DURATIONS)
        durations.update(
            {Activity(key): int(value) for key, value in stored.get("durations", {}).items()}
        )
        checklist = [
            ChecklistItem(str(item["uid"]), str(item["summary"]))
            for item in stored.get("checklist", [])
        ] or self.checklist
        scheduled_visits = [
            Visit(datetime.fromisoformat(at), note)
            for at, note in stored.get("scheduled_visits", [])
        ]
        rest_snapshot = stored.get("rest_snapshot")
        if rest_snapshot is not None and not isinstance(rest_snapshot, dict):
            raise TypeError("rest_snapshot")
        # Nothing is taken from the file until all of it has been read.
        self.history = history
        self.session = session
        self.durations = durations
        self.reminders_enabled = bool(stored.get("reminders", True))
        self.flare_up = bool(stored.get("flare_up", False))
        self.checklist = checklist
        self.rest_snapshot = rest_snapshot
        self.stretch_routine = stored.get("stretch_routine")
        self.scheduled_visits = scheduled_visits

    async def _async_set_aside_unreadable(self, err: Exception) -> None:
        """Keep a copy of a file we can't read, raise a repair issue, start clean."""
        source = Path(self.store.path)
        stamp = dt_util.utcnow().strftime("%Y%m%dT%H%M%S")
        kept = source.with_name(f"{source.name}.unreadable.{stamp}")
        try:
            await self.hass.async_add_executor_job(shutil.copyfile, source, kept)
        except OSError as copy_err:
            # Without a copy, the original must not be overwritten: stop saving.
            self.store.make_read_only()
            kept = source
            LOGGER.error("No copy of %s could be made (%s); it won't be written", source, copy_err)
        LOGGER.error(
            "The stored routine of %s could not be read (%s); a copy is kept at %s",
            self.name,
            err,
            kept,
        )
        ir.async_create_issue(
            self.hass,
            DOMAIN,
            f"storage_unreadable_{self.entry.entry_id}",
            is_fixable=False,
            is_persistent=True,
            severity=ir.IssueSeverity.ERROR,
            translation_key="storage_unreadable",
            translation_placeholders={"name": self.name, "path": str(kept)},
        )

    @callback
    def async_start(self) -> None:
        """Arm the timers; finish a session whose end passed while we were away."""
        self._unsub_midnight = async_track_time_change(
            self.hass, self._async_midnight, hour=0, minute=0, second=0
        )
        now = dt_util.utcnow()
        if self.flare_up:
            self._mark_flare_up_since_last_run(now)
        if self.session is not None and self.session.is_due(now):
            self._finish(now, while_offline=True)
        self._arm_session_timer()
        if self._record_begun_visits(now):
            self._changed()
        self._arm_visit_timer()

    @callback
    def async_cancel_timers(self) -> None:
        """Cancel every timer of the routine."""
        self._cancel_session_timer()
        for unsub in (self._unsub_midnight, self._unsub_visit_timer):
            if unsub is not None:
                unsub()
        self._unsub_midnight = self._unsub_visit_timer = None

    async def async_shutdown(self) -> None:
        """Cancel the timers and write what is pending."""
        self.async_cancel_timers()
        await self.store.async_save(self._data_to_save())

    # ----- listeners -----

    @callback
    def async_add_listener(self, update_callback: CALLBACK_TYPE) -> CALLBACK_TYPE:
        """Call back when anything in the routine changes; returns the remover."""
        self._listeners.append(update_callback)
        return lambda: self._listeners.remove(update_callback)

    @callback
    def async_add_event_listener(self, event_callback: EventListener) -> CALLBACK_TYPE:
        """Call back with each session event; returns the remover."""
        self._event_listeners.append(event_callback)
        return lambda: self._event_listeners.remove(event_callback)

    @callback
    def _changed(self) -> None:
        """Save (coalesced) and tell the entities."""
        self.store.async_delay_save(self._data_to_save, SAVE_DELAY)
        self._notify()

    @callback
    def _notify(self) -> None:
        """Tell the entities; one that fails doesn't keep the news from the rest."""
        for update_callback in list(self._listeners):
            try:
                update_callback()
            except Exception:  # noqa: BLE001 - one entity must not stop the others
                LOGGER.exception("An entity of %s could not be updated", self.name)

    @callback
    def fire_event(self, event_type: str, data: dict[str, Any]) -> None:
        """Announce a session event on the event entity and the bus."""
        for event_callback in list(self._event_listeners):
            try:
                event_callback(event_type, data)
            except Exception:  # noqa: BLE001 - the event still reaches the rest and the bus
                LOGGER.exception("A %s event of %s was not handled", event_type, self.name)
        self.hass.bus.async_fire(
            BUS_EVENT,
            {"config_entry_id": self.entry.entry_id, "type": event_type, **data},
        )

    def _data_to_save(self) -> dict[str, Any]:
        """Return everything kept across restarts."""
        return {
            "history": self.history.as_dict(),
            "session": self.session.as_dict() if self.session else None,
            "durations": {str(key): value for key, value in self.durations.items()},
            "reminders": self.reminders_enabled,
            "flare_up": self.flare_up,
            "checklist": [{"uid": item.uid, "summary": item.summary} for item in self.checklist],
            "rest_snapshot": self.rest_snapshot,
            "stretch_routine": self.stretch_routine,
            "scheduled_visits": [
                [visit.visited_at.isoformat(), visit.note] for visit in self.scheduled_visits
            ],
        }

    @callback
    def run_in_background(self, coro: Coroutine[Any, Any, None], what: str) -> None:
        """Run work for the house (speech, lights) without holding up the routine."""
        self.entry.async_create_task(self.hass, coro, f"back_relief {what} {self.entry.entry_id}")

    # ----- reading -----

    @property
    def options(self) -> dict[str, Any]:
        """Return the options with their defaults filled in."""
        return {**DEFAULT_OPTIONS, **self.entry.options}

    @property
    def max_inversion(self) -> int:
        """Return the longest inversion session allowed, in minutes."""
        return int(self.options[CONF_MAX_INVERSION])

    def goal_minutes(self, goal: Goal) -> int:
        """Return a daily goal in minutes."""
        return int(self.options[GOAL_OPTIONS[goal]])

    def today(self) -> date:
        """Return today's local date."""
        return local_date(dt_util.utcnow(), dt_util.get_default_time_zone())

    def today_log(self) -> DayLog:
        """Return today's log."""
        return self.history.get(self.today())

    def today_minutes(self, goal: Goal) -> int:
        """Return today's minutes toward a goal."""
        return self.today_log().goal_minutes(goal)

    def streak(self, goal: Goal) -> Streak:
        """Return a goal's streak as of today."""
        return self.history.streak(goal, self.goal_minutes(goal), self.today())

    def latest_pain(self) -> PainEntry | None:
        """Return the most recent pain report."""
        return self.history.latest_pain()

    def latest_visit(self) -> Visit | None:
        """Return the most recent chiropractor visit."""
        return self.history.latest_visit()

    def checklist_done(self, uid: str) -> bool:
        """Return whether a checklist item is done today."""
        return uid in self.today_log().checklist_done

    # ----- sessions -----

    @callback
    def start_session(
        self, activity: Activity, minutes: int | None = None, routine: str | None = None
    ) -> Session:
        """Start a session; its length defaults to the activity's duration."""
        guided: Routine | None = None
        if routine is not None:
            if activity is not Activity.STRETCH:
                raise ServiceValidationError(
                    translation_domain=DOMAIN, translation_key="routine_stretch_only"
                )
            guided = self.routine(routine)
        with user_errors():
            if self.session is not None:
                raise RoutineError("session_active", activity=str(self.session.activity))
            if guided is not None:
                # A guided routine's session lasts as long as its steps.
                minutes = guided.minutes
            elif minutes is None:
                minutes = self.durations[activity]
                if activity is Activity.INVERSION:
                    # A default set before the cap was lowered still starts.
                    minutes = min(minutes, self.max_inversion)
            session = Session.start(
                activity,
                minutes,
                dt_util.utcnow(),
                max_inversion=self.max_inversion,
                routine=routine,
            )
        self.session = session
        self._arm_session_timer()
        self._changed()
        self.fire_event(EVENT_STARTED, self._session_event_data(session))
        self._fire_step()
        return session

    @callback
    def start_with_defaults(self, activity: Activity) -> Session:
        """Start an activity as its button does: stretching runs the chosen routine."""
        routine = None
        if activity is Activity.STRETCH and self.stretch_routine in self.routines():
            routine = self.stretch_routine
        return self.start_session(activity, routine=routine)

    @callback
    def pause_session(self) -> None:
        """Pause the running session."""
        with user_errors():
            self.session = self._current_session().pause(dt_util.utcnow())
        self._cancel_session_timer()
        self._changed()
        self.fire_event(EVENT_PAUSED, self._session_event_data(self.session))

    @callback
    def resume_session(self) -> None:
        """Resume the paused session."""
        with user_errors():
            self.session = self._current_session().resume(dt_util.utcnow())
        self._arm_session_timer()
        self._changed()
        self.fire_event(EVENT_RESUMED, self._session_event_data(self.session))

    @callback
    def extend_session(self, minutes: int) -> None:
        """Add minutes to the session."""
        with user_errors():
            self.session = self._current_session().extend(minutes, max_inversion=self.max_inversion)
        self._arm_session_timer()
        self._changed()
        self.fire_event(
            EVENT_EXTENDED, {**self._session_event_data(self.session), "added_minutes": minutes}
        )

    @callback
    def move_step(self, *, forward: bool) -> None:
        """Go on to a guided routine's next step now, or start the current step again."""
        with user_errors():
            session = self._current_session()
        now = dt_util.utcnow()
        if (step := self.current_step(now)) is None:
            raise ServiceValidationError(
                translation_domain=DOMAIN, translation_key="no_guided_routine"
            )
        position = session.routine_time(now)
        if not forward:
            shift = step.starts_after - position
        elif step.index + 1 < self.step_count():
            shift = step.ends_after - position
        else:
            # On from the last step: the routine is done, whatever minutes were left.
            shift = session.remaining(now)
        self.session = session.shift_routine(shift)
        self._arm_session_timer()
        self._changed()
        self._fire_step()

    @callback
    def stop_session(self) -> int:
        """End the session now, crediting the minutes run; returns them."""
        with user_errors():
            session = self._current_session()
        now = dt_util.utcnow()
        minutes = session.minutes_run(now)
        self._end(session, minutes)
        self.fire_event(
            EVENT_FINISHED,
            {
                **self._session_event_data(session),
                "credited_minutes": minutes,
                "stopped_early": True,
                "while_offline": False,
            },
        )
        return minutes

    @callback
    def cancel_session(self) -> None:
        """End the session now, crediting nothing."""
        with user_errors():
            session = self._current_session()
        self._end(session, 0)
        self.fire_event(
            EVENT_CANCELLED, {**self._session_event_data(session), "credited_minutes": 0}
        )

    def _current_session(self) -> Session:
        """Return the session, or refuse when there is none."""
        if self.session is None:
            raise RoutineError("no_session")
        return self.session

    @callback
    def _finish(self, now: datetime, *, while_offline: bool) -> None:
        """Finish a session at its end time, crediting its planned minutes (less any skipped)."""
        session = self._current_session()
        self._end(session, session.full_minutes)
        self.fire_event(
            EVENT_FINISHED,
            {
                **self._session_event_data(session),
                "credited_minutes": session.full_minutes,
                "stopped_early": False,
                "while_offline": while_offline,
                "late_seconds": round((now - session.ends_at).total_seconds()),
            },
        )

    @callback
    def _end(self, session: Session, credited_minutes: int) -> None:
        """Clear the session and credit minutes to the day it started."""
        self._cancel_session_timer()
        self.session = None
        started_day = local_date(session.started_at, dt_util.get_default_time_zone())
        self.history.add_minutes(started_day, session.activity, credited_minutes)
        if credited_minutes > 0:
            self.history.edit(started_day).sessions.append(
                SessionRecord(
                    started_at=session.started_at,
                    ended_at=min(dt_util.utcnow(), session.ends_at),
                    activity=session.activity,
                    minutes=credited_minutes,
                    routine=session.routine,
                )
            )
        self._changed()

    @staticmethod
    def _session_event_data(session: Session) -> dict[str, Any]:
        """Return what every session event tells about the session."""
        return {
            "activity": str(session.activity),
            "planned_minutes": session.planned_minutes,
            "started_at": session.started_at.isoformat(),
            "ends_at": session.ends_at.isoformat(),
            "routine": session.routine,
        }

    @callback
    def _arm_session_timer(self) -> None:
        """Wake up at the running session's end time and at its next step."""
        self._cancel_session_timer()
        if self.session is None or self.session.is_paused:
            return
        self._unsub_session_timer = async_track_point_in_utc_time(
            self.hass, self._async_session_due, self.session.ends_at
        )
        self._arm_step_timer()

    @callback
    def _arm_step_timer(self) -> None:
        """Wake up when a guided routine's step ends."""
        if self.session is None or self.session.is_paused:
            return
        now = dt_util.utcnow()
        if (step := self.current_step(now)) is not None:
            step_ends = now + (step.ends_after - self.session.routine_time(now))
            if step_ends < self.session.ends_at:
                self._unsub_step_timer = async_track_point_in_utc_time(
                    self.hass, self._async_step_due, step_ends
                )

    @callback
    def _cancel_session_timer(self) -> None:
        if self._unsub_session_timer is not None:
            self._unsub_session_timer()
            self._unsub_session_timer = None
        if self._unsub_step_timer is not None:
            self._unsub_step_timer()
            self._unsub_step_timer = None

    @callback
    def _async_step_due(self, now: datetime) -> None:
        """Move a guided routine on to its next step."""
        self._unsub_step_timer = None
        self._arm_step_timer()
        self._notify()
        self._fire_step()

    @callback
    def _fire_step(self) -> None:
        """Announce the step a guided routine is at."""
        now = dt_util.utcnow()
        if self.session is None or (step := self.current_step(now)) is None:
            return
        step_ends = self.step_ends_at(self.session, step, now)
        self.fire_event(
            EVENT_STEP,
            {
                **self._session_event_data(self.session),
                "step": step.index,
                "name": step.name,
                "side": step.side,
                "cue": step.cue,
                "step_ends_at": step_ends.isoformat() if step_ends else None,
            },
        )

    # ----- guided routines -----

    def routines(self) -> dict[str, Routine]:
        """Return the built-in routines and the person's own."""
        own = {
            routine.key: routine
            for routine in (Routine.from_dict(stored) for stored in self.options[CONF_ROUTINES])
        }
        return {**built_in_routines(self.hass), **own}

    def routine(self, key: str) -> Routine:
        """Return a routine by its key, or refuse an unknown one."""
        if (found := self.routines().get(key)) is None:
            raise ServiceValidationError(
                translation_domain=DOMAIN,
                translation_key="unknown_routine",
                translation_placeholders={
                    "routine": key,
                    "routines": ", ".join(self.routines()),
                },
            )
        return found

    def current_step(self, now: datetime) -> TimedStep | None:
        """Return the step the session's guided routine is at, if any."""
        session = self.session
        if session is None or session.routine is None:
            return None
        routine = self.routines().get(session.routine)
        return routine.step_at(session.routine_time(now)) if routine else None

    def step_count(self) -> int:
        """Return how many steps the session's guided routine has, each side counted."""
        session = self.session
        routine = self.routines().get(session.routine) if session and session.routine else None
        return len(routine.timeline()) if routine else 0

    @staticmethod
    def step_ends_at(session: Session, step: TimedStep, now: datetime) -> datetime | None:
        """Return when a step of the running session ends; None while paused."""
        if session.is_paused:
            return None
        return now + (step.ends_after - session.routine_time(now))

    @callback
    def set_stretch_routine(self, key: str | None) -> None:
        """Choose the routine the stretch button starts; None for a plain timer."""
        self.stretch_routine = key
        self._changed()

    @callback
    def _async_session_due(self, now: datetime) -> None:
        """Finish the session when its end time comes."""
        self._unsub_session_timer = None
        if self.session is not None and self.session.is_due(now):
            self._finish(now, while_offline=False)
        else:
            self._arm_session_timer()

    # ----- the day -----

    @callback
    def _async_midnight(self, now: datetime) -> None:
        """Start a new day: totals and the checklist start fresh."""
        if self.flare_up:
            self._mark_flare_up(now)
        self._changed()

    def _mark_flare_up(self, now: datetime) -> None:
        """Pause today's streaks."""
        day = local_date(now, dt_util.get_default_time_zone())
        if not self.history.get(day).flare_up:
            self.history.edit(day).flare_up = True

    @callback
    def _mark_flare_up_since_last_run(self, now: datetime) -> None:
        """Pause every day that flare-up stayed on while Home Assistant was down.

        The switch was on when Home Assistant stopped, and that day was marked;
        so was every day up to today.
        """
        today = local_date(now, dt_util.get_default_time_zone())
        days = self.history.days_between(today - timedelta(days=FLARE_UP_LOOKBACK_DAYS), today)
        marked = [day for day, log in days if log.flare_up]
        first = marked[-1] if marked else today
        for day, log in days:
            if day >= first and not log.flare_up:
                self.history.edit(day).flare_up = True
        self._changed()

    @callback
    def set_flare_up(self, on: bool) -> None:  # noqa: FBT001
        """Turn flare-up on or off; a day with any flare-up is paused."""
        self.flare_up = on
        if on:
            self._mark_flare_up(dt_util.utcnow())
        self._changed()

    @callback
    def set_reminders(self, on: bool) -> None:  # noqa: FBT001
        """Turn announcements and reminders on or off."""
        self.reminders_enabled = on
        self._changed()

    @callback
    def set_duration(self, activity: Activity, minutes: int) -> None:
        """Set the default length of an activity's sessions."""
        self.durations[activity] = minutes
        self._changed()

    @callback
    def set_rest_snapshot(self, snapshot: dict[str, dict[str, Any]] | None) -> None:
        """Keep (or forget) how the rest lights were, across restarts."""
        self.rest_snapshot = snapshot
        self.store.async_delay_save(self._data_to_save, SAVE_DELAY)

    @property
    def person_entity_id(self) -> str | None:
        """Return the linked person entity, if any."""
        return self.entry.data.get(CONF_PERSON)

    @callback
    def options_updated(self) -> None:
        """Apply changed options at once: goals, caps and the rest."""
        self._changed()

    # ----- logging -----

    @callback
    def log_activity(
        self, activity: Activity, minutes: int, day: date, kind: str | None = None
    ) -> None:
        """Credit minutes done away from a session."""
        self.history.add_minutes(day, activity, minutes, kind)
        self._changed()

    @callback
    def log_pain(self, level: int, note: str | None = None) -> None:
        """Record a pain level."""
        now = dt_util.utcnow()
        self.history.edit(self.today()).pain.append(PainEntry(now, level, note))
        self._changed()

    @callback
    def log_visit(self, day: date, note: str | None = None) -> None:
        """Record a chiropractor visit; today's at the current time."""
        today = day == self.today()
        visited_at = dt_util.utcnow() if today else dt_util.start_of_local_day(day)
        self.history.edit(day).visits.append(Visit(visited_at, note))
        # A visit logged on the day of a scheduled one is that visit.
        time_zone = dt_util.get_default_time_zone()
        self.scheduled_visits = [
            visit
            for visit in self.scheduled_visits
            if local_date(visit.visited_at, time_zone) != day
        ]
        self._arm_visit_timer()
        self._changed()

    @callback
    def schedule_visit(self, at: datetime, note: str | None = None) -> None:
        """Plan a chiropractor visit."""
        self.scheduled_visits = sorted(
            [*self.scheduled_visits, Visit(at, note)], key=lambda visit: visit.visited_at
        )
        self._arm_visit_timer()
        self._changed()

    @callback
    def _arm_visit_timer(self) -> None:
        """Move on to the following visit when the next one begins."""
        if self._unsub_visit_timer is not None:
            self._unsub_visit_timer()
            self._unsub_visit_timer = None
        if (visit := self.next_visit()) is not None:
            self._unsub_visit_timer = async_track_point_in_utc_time(
                self.hass, self._async_visit_begun, visit.visited_at + timedelta(seconds=1)
            )

    @callback
    def _async_visit_begun(self, now: datetime) -> None:
        """Count a planned visit as made once it begins."""
        self._unsub_visit_timer = None
        self._record_begun_visits(now)
        self._arm_visit_timer()
        self._changed()

    @callback
    def _record_begun_visits(self, now: datetime) -> bool:
        """Move planned visits that have begun into the history; return whether any had."""
        time_zone = dt_util.get_default_time_zone()
        begun = [visit for visit in self.scheduled_visits if visit.visited_at <= now]
        for visit in begun:
            self.history.edit(local_date(visit.visited_at, time_zone)).visits.append(visit)
        self.scheduled_visits = [visit for visit in self.scheduled_visits if visit not in begun]
        return bool(begun)

    def next_visit(self) -> Visit | None:
        """Return the next planned visit that hasn't begun."""
        now = dt_util.utcnow()
        return next((visit for visit in self.scheduled_visits if visit.visited_at >= now), None)

    # ----- checklist -----

    @callback
    def add_checklist_item(self, summary: str) -> ChecklistItem:
        """Add an item to every day's checklist."""
        item = ChecklistItem(uuid4().hex, summary)
        self.checklist.append(item)
        self._changed()
        return item

    @callback
    def update_checklist_item(self, uid: str, summary: str | None, *, done: bool | None) -> None:
        """Rename an item or check it for today."""
        item = self._checklist_item(uid)
        if summary is not None:
            item.summary = summary
        if done is not None and done != self.checklist_done(uid):
            done_today = self.history.edit(self.today()).checklist_done
            if done:
                done_today.append(uid)
            else:
                done_today.remove(uid)
        self._changed()

    @callback
    def remove_checklist_items(self, uids: list[str]) -> None:
        """Remove items from the checklist."""
        for uid in uids:
            self._checklist_item(uid)
        self.checklist = [item for item in self.checklist if item.uid not in uids]
        self._changed()

    @callback
    def move_checklist_item(self, uid: str, previous_uid: str | None) -> None:
        """Move an item after another one, or to the top."""
        item = self._checklist_item(uid)
        # Both items are looked up before anything moves: a refusal changes nothing.
        anchor = self._checklist_item(previous_uid) if previous_uid is not None else None
        self.checklist.remove(item)
        position = 0 if anchor is None else self.checklist.index(anchor) + 1
        self.checklist.insert(position, item)
        self._changed()

    def _checklist_item(self, uid: str) -> ChecklistItem:
        for item in self.checklist:
            if item.uid == uid:
                return item
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="unknown_checklist_item",
            translation_placeholders={"uid": uid},
        )

    # ----- summary -----

    def summary(self, days: int) -> dict[str, Any]:
        """Return streaks, today, the session and the last days, JSON-ready."""
        today = self.today()
        now = dt_util.utcnow()
        session = self.session
        goals = {goal: self.goal_minutes(goal) for goal in Goal}
        return {
            "person": self.name,
            "date": today.isoformat(),
            "goals": {str(goal): minutes for goal, minutes in goals.items()},
            "today": {str(goal): self.today_minutes(goal) for goal in Goal},
            "streaks": {
                str(goal): {
                    "current": streak.current,
                    "best": streak.best,
                    "today_met": streak.today_met,
                }
                for goal in Goal
                for streak in (self.streak(goal),)
            },
            "session": None
            if session is None
            else {
                **self._session_event_data(session),
                "status": str(session.status),
                "remaining_seconds": round(session.remaining(now).total_seconds()),
            },
            "pain": asdict(self.history.pain_insights(today, self.goal_minutes(Goal.EXERCISE))),
            "next_visit": next_visit.visited_at.isoformat()
            if (next_visit := self.next_visit())
            else None,
            "days": [
                {
                    "date": day.isoformat(),
                    **{str(activity): log.minutes.get(activity, 0) for activity in Activity},
                    "pain": log.average_pain,
                    "flare_up": log.flare_up,
                    "met": {str(goal): log.goal_minutes(goal) >= goals[goal] for goal in Goal},
                }
                for day, log in self.history.days_between(today - timedelta(days=days - 1), today)
            ],
        }
