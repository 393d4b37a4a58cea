"""The coordinator: one person's routine in Home Assistant.

The rules live in plain modules (``person``, ``checklist``, ``visits``,
``summary``, ``steps``); this adapter owns the pieces: it gives them the clock,
turns their refusals into translated errors in one place (``user_errors``),
saves, arms the timers, and passes the news on to the entities and the bus.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine, Iterator
from contextlib import contextmanager
from datetime import date, datetime, tzinfo
from functools import partial
from typing import Any, cast

from homeassistant.config_entries import ConfigEntry
from homeassistant.const import CONF_NAME
from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers.update_coordinator import DataUpdateCoordinator
from homeassistant.util import dt as dt_util

from .checklist import Checklist, ChecklistItem
from .clock import RoutineClock
from .closed_days import ClosedYear
from .commands import Change, RoutineCommands
from .const import (
    BUS_EVENT,
    CONF_MAX_INVERSION,
    CONF_PERSON,
    CONF_ROUTINES,
    DEFAULT_CHECKLIST,
    DEFAULT_OPTIONS,
    DOMAIN,
    GOAL_OPTIONS,
    LOGGER,
    SAVE_DELAY,
)
from .guided import Routine, TimedStep
from .history import History
from .insights import Words, insight_minutes
from .person import PersonRoutine, SessionEvent
from .phrases import built_in_routines, group_of, language, phrase
from .plan import PlanSettings
from .routine import Activity, DayLog, Goal, Visit, local_date
from .session import RoutineError, Session
from .steps import current_step
from .storage import BackReliefStore, async_load_routine, routine_store, segment_store
from .streaks import Streak
from .summary import build_summary

type EventListener = Callable[[str, dict[str, Any]], None]


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


class BackReliefCoordinator(DataUpdateCoordinator[PersonRoutine]):
    """Keeps one person's routine, saves it and tells entities about changes.

    Nothing is polled: every change calls the listeners at once.
    """

    def __init__(self, hass: HomeAssistant, entry: ConfigEntry[Any]) -> None:
        """Prepare an empty routine; ``async_load`` fills it."""
        name = cast("str", entry.data[CONF_NAME])
        super().__init__(hass, LOGGER, config_entry=entry, name=name, update_interval=None)
        self.entry = entry
        # What the entry held at setup; a change of name or person reloads.
        self.setup_data = dict(entry.data)
        self.store: BackReliefStore = routine_store(hass, entry.entry_id)
        # The stores of the years whose closed days changed while loaded.
        self._segments: dict[int, BackReliefStore] = {}
        self.data = PersonRoutine(checklist=self._default_checklist())
        self._event_listeners: list[EventListener] = []
        self.clock = RoutineClock(hass, self)
        self.commands = RoutineCommands(self)

    def _default_checklist(self) -> Checklist:
        return Checklist(
            [ChecklistItem(uid, phrase(self.hass, "checklist", uid)) for uid in DEFAULT_CHECKLIST]
        )

    async def _async_update_data(self) -> PersonRoutine:
        """Return the routine as it is: it changes by itself, never by polling."""
        return self.data

    # ----- setup and teardown -----

    async def async_load(self) -> None:
        """Read the stored routine; never lose it to a file that can't be read."""
        self.data = await async_load_routine(
            self.hass,
            self.store,
            entry_id=self.entry.entry_id,
            name=self.name,
            default_checklist=self._default_checklist,
            goals={goal: self.goal_minutes(goal) for goal in Goal},
            today=self.today(),
            plan_settings=self.plan_settings,
        )

    async def async_unload(self) -> None:
        """Stop the clock and write what is pending: the years first, then the person."""
        self.clock.cancel()
        self.save_quietly()  # closes what is over, so that every changed year has its store
        history = self.data.history
        for year, store in self._segments.items():
            await store.async_save(ClosedYear.stored(year, history.year_snapshot(year)))
        await self.store.async_save(self.data.as_stored())

    # ----- news -----

    @callback
    def async_add_event_listener(self, event_callback: EventListener) -> CALLBACK_TYPE:
        """Call back with each session event; returns the remover."""
        self._event_listeners.append(event_callback)
        return lambda: self._event_listeners.remove(event_callback)

    @callback
    def changed(self) -> None:
        """Save (coalesced) and tell the entities."""
        self.save_quietly()
        self.async_update_listeners()

    @callback
    def async_update_listeners(self) -> None:
        """Tell the entities; one that fails doesn't keep the news from the rest.

        Home Assistant does this itself from 2026.10; 2026.3 stops at the first failure.
        """
        for update_callback, _ in list(self._listeners.values()):
            try:
                update_callback()
            except Exception:  # noqa: BLE001 - one entity must not stop the others
                LOGGER.exception("An entity of %s could not be updated", self.name)

    @callback
    def save_quietly(self) -> None:
        """Save (coalesced) without telling the entities: a change none of them shows.

        Days before today close into their years, and only the years that
        changed are written. What is handed to the stores is a snapshot, as
        they serialise it in an executor while the routine goes on changing.
        """
        history = self.data.history
        history.close_days(self.today())
        for year, days in history.take_changed_years().items():
            if (store := self._segments.get(year)) is None:
                store = self._segments[year] = segment_store(self.hass, self.store.key, year)
            store.async_delay_save(partial(ClosedYear.stored, year, days), SAVE_DELAY)
        stored = self.data.as_stored()
        self.store.async_delay_save(lambda: stored, SAVE_DELAY)

    @callback
    def options_updated(self) -> None:
        """Apply changed options at once: goals, caps and the rest."""
        self.data.gentle.apply_settings(self.data.durations, self.plan_settings)
        self.changed()

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

    @callback
    def run_in_background(self, coro: Coroutine[Any, Any, None], what: str) -> None:
        """Run work for the house (speech, lights) without holding up the routine."""
        self.entry.async_create_task(self.hass, coro, f"back_relief {what} {self.entry.entry_id}")

    @callback
    def apply(self, change: Change) -> list[SessionEvent]:
        """Make a change of the routine, then re-arm, save, notify and pass its events on.

        The one place where a refusal of the routine becomes a translated error;
        a refused change has changed nothing.
        """
        with user_errors():
            events = change(dt_util.utcnow()) or []
        self.clock.arm()
        self.changed()
        for event in events:
            self.fire_event(event.type, event.data)
        return events

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

    @property
    def plan_settings(self) -> PlanSettings:
        """Return the options that shape the inversion plan."""
        return PlanSettings.from_options(self.options)

    @property
    def person_entity_id(self) -> str | None:
        """Return the linked person entity, if any."""
        return self.entry.data.get(CONF_PERSON)

    @property
    def time_zone(self) -> tzinfo:
        """Return the time zone days are counted in."""
        return dt_util.get_default_time_zone()

    def _date(self, now: datetime) -> date:
        return local_date(now, self.time_zone)

    def today(self) -> date:
        """Return today's local date."""
        return self._date(dt_util.utcnow())

    def today_log(self) -> DayLog:
        """Return today's log."""
        return self.data.history.get(self.today())

    def today_minutes(self, goal: Goal) -> int:
        """Return today's minutes toward a goal."""
        return self.today_log().goal_minutes(goal)

    def streak(self, goal: Goal) -> Streak:
        """Return a goal's streak as of today."""
        return self.data.streak(goal, self.goal_minutes(goal), self.today())

    def next_visit(self) -> Visit | None:
        """Return the next planned visit that hasn't begun."""
        return self.data.visits.next(dt_util.utcnow())

    def visit_on(self, day: date) -> Visit | None:
        """Return the first visit planned on a local day."""
        return self.data.visits.first_on(day, self.time_zone)

    def checklist_done(self, uid: str) -> bool:
        """Return whether a checklist item is done today."""
        return uid in self.today_log().checklist_done

    def summary(self, days: int) -> dict[str, Any]:
        """Return streaks, today, the session and the last days, JSON-ready."""
        goals = {goal: self.goal_minutes(goal) for goal in Goal}
        with user_errors():
            return build_summary(
                self.data,
                name=self.name,
                goals=goals,
                today=self.today(),
                now=dt_util.utcnow(),
                days=days,
                insight_minutes=insight_minutes(goals, self.durations[Activity.STRETCH]),
                insight_words=Words(language(self.hass), group_of(self.hass, "insights")),
            )

    def routines(self) -> dict[str, Routine]:
        """Return the built-in routines and the person's own."""
        own = (Routine.from_dict(stored) for stored in self.options[CONF_ROUTINES])
        return {**built_in_routines(self.hass), **{routine.key: routine for routine in own}}

    def guided_routine(self) -> Routine | None:
        """Return the guided routine of the session, if any."""
        session = self.data.session
        return self.routines().get(session.routine) if session and session.routine else None

    def current_step(self, now: datetime) -> TimedStep | None:
        """Return the step the session's guided routine is at, if any."""
        return current_step(self.data.session, self.guided_routine(), now)

    # ----- the routine's parts, as the entities and the announcer read them -----

    @property
    def history(self) -> History:
        """Return every day's log."""
        return self.data.history

    @property
    def session(self) -> Session | None:
        """Return the running or paused session."""
        return self.data.session

    @property
    def durations(self) -> dict[Activity, int]:
        """Return the default length of each activity's sessions."""
        return self.data.durations

    @property
    def reminders_enabled(self) -> bool:
        """Return whether announcements and reminders are on."""
        return self.data.reminders_enabled

    @property
    def flare_up(self) -> bool:
        """Return whether flare-up is on today."""
        return self.data.flare_up_on(self.today())

    @property
    def checklist(self) -> Checklist:
        """Return the daily checklist's items."""
        return self.data.checklist

    @property
    def rest_snapshot(self) -> dict[str, dict[str, Any]] | None:
        """Return how the rest lights were before a rest dimmed them."""
        return self.data.rest_snapshot

    @property
    def stretch_routine(self) -> str | None:
        """Return the routine the stretch button starts; None for a plain timer."""
        return self.data.stretch_routine

    @property
    def scheduled_visits(self) -> list[Visit]:
        """Return the planned visits that haven't begun."""
        return self.data.visits.scheduled
