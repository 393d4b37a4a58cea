"""The coordinator: one person's routine in Home Assistant.

The rules live in plain modules (``person``, ``checklist``, ``visits``,
``summary``, ``steps``); this adapter owns the pieces: it gives them the clock,
turns their refusals into translated errors in one place (``apply``, through
``reader.user_errors``), saves, arms the timers, and passes the news on to the
entities and the bus. It has a ``reader`` (what is read of the routine), a
``clock`` and ``commands``, each given what it needs.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any, cast

from homeassistant.config_entries import ConfigEntry
from homeassistant.const import CONF_NAME
from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.helpers.update_coordinator import DataUpdateCoordinator
from homeassistant.util import dt as dt_util

from .clock import RoutineClock
from .commands import Change, RoutineCommands
from .const import BUS_EVENT, DEFAULT_CHECKLIST, LOGGER, SAVE_DELAY
from .language.phrases import phrase
from .reader import RoutineReader, user_errors
from .routine.checklist import Checklist, ChecklistItem
from .routine.day import Goal
from .routine.events import SessionEvent
from .routine.person import PersonRoutine
from .routine.settings import Settings
from .storage import BackReliefStore, YearFiles, async_load_routine, person_stored, routine_store

type EventListener = Callable[[SessionEvent], None]


class BackReliefCoordinator(DataUpdateCoordinator[PersonRoutine]):
    """Keeps one person's routine, saves it and tells entities about changes.

    Nothing is polled: every change calls the listeners at once. What is read
    of the routine is its ``reader``'s; what a person can do, its ``commands``.
    """

    def __init__(self, hass: HomeAssistant, entry: ConfigEntry[Any]) -> None:
        """Prepare an empty routine; ``async_load`` fills it."""
        name = cast("str", entry.data[CONF_NAME])
        super().__init__(hass, LOGGER, config_entry=entry, name=name, update_interval=None)
        self.entry = entry
        # What the entry held at setup; a change of name or person reloads.
        self.setup_data = dict(entry.data)
        self.store: BackReliefStore = routine_store(hass, entry.entry_id)
        # Where the closed years are kept; known once loaded.
        self.year_files = YearFiles(hass, self.store.key)
        self.data = PersonRoutine(checklist=self._default_checklist())
        self._event_listeners: list[EventListener] = []
        self.reader = RoutineReader(hass, entry, name, lambda: self.data)
        self.clock = RoutineClock(
            hass,
            self.reader,
            apply=self.apply,
            changed=self.changed,
            update_listeners=self.async_update_listeners,
            fire_event=self.fire_event,
        )
        self.commands = RoutineCommands(
            self.reader, apply=self.apply, changed=self.changed, save_quietly=self.save_quietly
        )

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
        self.data, self.year_files = await async_load_routine(
            self.hass,
            self.store,
            entry_id=self.entry.entry_id,
            name=self.name,
            default_checklist=self._default_checklist,
            goals={goal: self.reader.goal_minutes(goal) for goal in Goal},
            today=self.reader.today(),
            plan_settings=self.reader.plan_settings,
        )

    async def async_unload(self) -> None:
        """Stop the clock and write what is pending."""
        self.clock.cancel()
        await self.async_write_pending()

    async def async_write_pending(self) -> None:
        """Write what is pending now (at unload, before a backup): the years, then the person."""
        self.save_quietly()  # closes what is over, so that every changed year has its store
        await self.year_files.async_write_touched(self.data.history)
        await self.store.async_save(person_stored(self.data, self.year_files))

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
        self.year_files.close(self.data.history, self.reader.today())
        self.year_files.save_changed(self.data.history)
        stored = person_stored(self.data, self.year_files)
        self.store.async_delay_save(lambda: stored, SAVE_DELAY)

    @callback
    def options_updated(self) -> None:
        """Apply changed options at once: goals, caps and the rest."""
        self.reader.settings = Settings.from_options(self.entry.options)
        self.data.gentle.apply_settings(self.data.durations, self.reader.plan_settings)
        self.changed()

    @callback
    def fire_event(self, event: SessionEvent) -> None:
        """Announce a session event to the house, the event entity and the bus."""
        for event_callback in list(self._event_listeners):
            try:
                event_callback(event)
            except Exception:  # noqa: BLE001 - the event still reaches the rest and the bus
                LOGGER.exception("A %s event of %s was not handled", event.type, self.name)
        self.hass.bus.async_fire(
            BUS_EVENT,
            {"config_entry_id": self.entry.entry_id, "type": event.type, **event.as_data()},
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
            self.fire_event(event)
        return events
