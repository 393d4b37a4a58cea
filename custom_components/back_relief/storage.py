"""The stored routine: a small file per person, a segment per year of closed days.

The person's own file holds what changes from day to day (the session, the
settings, today); each year's closed days are a segment of their own, written
when one of its days closes or changes. A save therefore writes what changed,
however long the history, and is serialised away from the event loop.

A file the routine can't read, of whatever shape, is copied aside and named in
a repair issue, and the person starts clean; without a copy the store turns
read-only so that the original is never overwritten.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import date
from pathlib import Path
import shutil
from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import issue_registry as ir
from homeassistant.helpers.storage import Store
from homeassistant.util import dt as dt_util

from .checklist import Checklist
from .closed_days import ClosedYear
from .const import DOMAIN, LOGGER, STORAGE_MINOR_VERSION, STORAGE_VERSION
from .history import History
from .person import PersonRoutine
from .plan import PlanSettings
from .routine import Goal

# Format 1.1 kept every day in the person's file; 2.1 keeps closed days in segments.
SEGMENT_VERSION = 1

# What a file of the wrong shape raises while it is read: never a reason not to load.
UNREADABLE = (KeyError, TypeError, ValueError, AttributeError, IndexError, HomeAssistantError)


class UnreadableRoutineError(ValueError):
    """A stored routine of a version or shape that can't be read."""


class BackReliefStore(Store[dict[str, Any]]):
    """A person's stored routine, or one year of their closed days."""

    def __init__(self, hass: HomeAssistant, key: str, version: int, minor_version: int) -> None:
        """Serialise away from the event loop: what is handed over is never changed after."""
        super().__init__(
            hass, version, key, minor_version=minor_version, serialize_in_event_loop=False
        )

    async def _async_migrate_func(
        self,
        old_major_version: int,
        old_minor_version: int,
        old_data: dict[str, Any],
    ) -> dict[str, Any]:
        """Bring the person's file of format 1 to format 2; refuse anything else.

        The closed days of format 1 move to their years' segments, which are
        written before this file is: a move cut short is done again at the
        next start, from the file as it was.
        """
        del old_minor_version
        if self.version != STORAGE_VERSION or old_major_version != 1:
            raise UnreadableRoutineError(f"version {old_major_version}")
        if not isinstance(old_data, dict) or not isinstance(old_data.get("history", {}), dict):
            raise UnreadableRoutineError("not a routine")
        history = await self.hass.async_add_executor_job(
            _closed_history, old_data.get("history", {}), dt_util.now().date()
        )
        migrated = {key: value for key, value in old_data.items() if key != "history"}
        migrated |= {"days": history.open_days_as_dict(), "years": history.years}
        # All of it must read before anything is written: Home Assistant writes the result.
        # The flare-up ranges are worked out here, where every day is at hand (a file of
        # the switch alone pauses from the last day it marked).
        today = dt_util.now().date()
        migrated |= PersonRoutine.from_stored(
            migrated, Checklist(), history, today
        ).gentle.as_dict()
        for year, days in history.take_changed_years().items():
            await segment_store(self.hass, self.key, year).async_save(ClosedYear.stored(year, days))
        return migrated


def _closed_history(days: dict[str, Any], today: date) -> History:
    """Return format 1.1's days as a history, every day before today closed."""
    history = History.from_dict(days)
    history.close_days(today)
    return history


def routine_store(hass: HomeAssistant, entry_id: str) -> BackReliefStore:
    """Return the store of one person's routine."""
    return BackReliefStore(hass, f"{DOMAIN}.{entry_id}", STORAGE_VERSION, STORAGE_MINOR_VERSION)


def segment_store(hass: HomeAssistant, routine_key: str, year: int) -> BackReliefStore:
    """Return the store of one year of a person's closed days."""
    return BackReliefStore(hass, f"{routine_key}.{year}", SEGMENT_VERSION, 1)


async def async_load_routine(
    hass: HomeAssistant,
    store: BackReliefStore,
    *,
    entry_id: str,
    name: str,
    default_checklist: Callable[[], Checklist],
    goals: dict[Goal, int],
    today: date,
    plan_settings: PlanSettings,
) -> PersonRoutine:
    """Read the stored routine; never lose it to a file that can't be read.

    With nothing stored the person is new, and starts on the inversion plan.
    The closed days are read and indexed in an executor: the event loop only
    waits for them.
    """
    try:
        stored = await store.async_load()
        if stored is None:
            return PersonRoutine.for_new_person(default_checklist(), today, plan_settings)
        if not isinstance(stored, dict) or not isinstance(stored.get("days", {}), dict):
            raise UnreadableRoutineError("not a routine")
        years = [int(year) for year in stored.get("years", [])]
        history = History.from_dict(stored.get("days", {}))
        routine = PersonRoutine.from_stored(stored, default_checklist(), history, today)
    except UNREADABLE as err:
        # Nothing was taken from the file: the routine starts clean.
        await _async_set_aside_unreadable(hass, store, err, issue_id=entry_id, name=name)
        return PersonRoutine(checklist=default_checklist())
    # Every year is read at once; then one executor job indexes them all.
    segments = {year: segment_store(hass, store.key, year) for year in years}
    loaded = dict(
        zip(
            segments,
            await asyncio.gather(*(_async_load_segment(segment) for segment in segments.values())),
            strict=True,
        )
    )
    unreadable = {year: why for year, why in loaded.items() if isinstance(why, Exception)}
    unreadable |= await hass.async_add_executor_job(
        history.add_stored_years,
        {year: stored for year, stored in loaded.items() if isinstance(stored, dict)},
        goals,
        today,
    )
    for year, reason in sorted(unreadable.items()):
        # That year starts clean; the others, and the person, load.
        await _async_set_aside_unreadable(
            hass, segments[year], reason, issue_id=f"{entry_id}_{year}", name=name
        )
    await _async_remind_of_kept_copies(hass, store, entry_id=entry_id, name=name)
    return routine


async def _async_load_segment(segment: BackReliefStore) -> dict[str, Any] | Exception | None:
    """Return a year's stored days, None when there are none, or why they can't be read."""
    try:
        stored: object = await segment.async_load()
    except UNREADABLE as err:
        return err
    if stored is not None and not isinstance(stored, dict):
        return UnreadableRoutineError("not a year of days")
    return stored


async def async_remove_routine(hass: HomeAssistant, entry_id: str) -> None:
    """Delete a person's stored routine: their file and every year of it."""
    store = routine_store(hass, entry_id)
    try:
        stored = await store.async_load()
        years = [int(year) for year in stored.get("years", [])] if isinstance(stored, dict) else []
    except UNREADABLE:
        years = []
    for year in years:
        await segment_store(hass, store.key, year).async_remove()
    await store.async_remove()


async def _async_set_aside_unreadable(
    hass: HomeAssistant, store: BackReliefStore, err: Exception, *, issue_id: str, name: str
) -> None:
    """Keep a copy of a file we can't read, raise a repair issue, start clean."""
    source = Path(store.path)
    stamp = dt_util.utcnow().strftime("%Y%m%dT%H%M%S")
    kept = source.with_name(f"{source.name}.unreadable.{stamp}")
    try:
        await hass.async_add_executor_job(shutil.copyfile, source, kept)
    except OSError as copy_err:
        # Without a copy, the original must not be overwritten: stop saving.
        store.make_read_only()
        kept = source
        LOGGER.error("No copy of %s could be made (%s); it won't be written", source, copy_err)
    LOGGER.error(
        "The stored routine of %s could not be read (%s); a copy is kept at %s", name, err, kept
    )
    _raise_unreadable_issue(hass, kept, issue_id=issue_id, name=name)


async def _async_remind_of_kept_copies(
    hass: HomeAssistant, store: BackReliefStore, *, entry_id: str, name: str
) -> None:
    """Raise the unreadable-routine issues while copies set aside are still there.

    One issue for the person's own file, one for each year's; the latest copy of each.
    """
    source = Path(store.path)
    copies = await hass.async_add_executor_job(
        lambda: sorted(source.parent.glob(f"{source.name}*.unreadable.*"))
    )
    kept = {copy.name.split(".unreadable.")[0]: copy for copy in copies}
    raised = set()
    for stored_name, copy in kept.items():
        year = stored_name.removeprefix(source.name).lstrip(".")
        issue_id = f"{entry_id}_{year}" if year else entry_id
        _raise_unreadable_issue(hass, copy, issue_id=issue_id, name=name)
        raised.add(f"storage_unreadable_{issue_id}")
    # A copy someone has dealt with (moved or deleted) ends its issue.
    ours = f"storage_unreadable_{entry_id}"
    for domain, issue_id in list(ir.async_get(hass).issues):
        if domain == DOMAIN and issue_id not in raised and issue_id.startswith(ours):
            rest = issue_id.removeprefix(ours)
            if not rest or rest[1:].isdigit():
                ir.async_delete_issue(hass, DOMAIN, issue_id)


def _raise_unreadable_issue(hass: HomeAssistant, kept: Path, *, issue_id: str, name: str) -> None:
    # Not persistent, so that the diagnostics download, which carries the placeholders
    # of persistent issues only, holds neither the name nor the path; each start
    # raises it again while the copy is kept.
    ir.async_create_issue(
        hass,
        DOMAIN,
        f"storage_unreadable_{issue_id}",
        is_fixable=False,
        severity=ir.IssueSeverity.ERROR,
        translation_key="storage_unreadable",
        translation_placeholders={"name": name, "path": str(kept)},
    )
