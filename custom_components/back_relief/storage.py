"""The stored routine: a small file per person, and their closed days by year.

The person's own file holds what changes from day to day (the session, the
settings, today). This year's and last year's closed days are segments of their
own, written when one of their days closes or changes; the years before share
one archive, written only when one of its days changes (flare-ups reach 60 days
back, so hardly ever) or a year settles into it at a start. A save therefore
writes what changed, however long the history, serialised away from the event
loop; a start reads the person, the archive and at most two years.

A file the routine can't read, of whatever shape, is copied aside and named in
a repair issue, and the person starts clean; without a copy the store turns
read-only so that the original is never overwritten.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import date
from functools import partial
from pathlib import Path
import shutil
from typing import Any

from homeassistant.core import HomeAssistant, callback
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import issue_registry as ir
from homeassistant.helpers.storage import Store
from homeassistant.util import dt as dt_util

from .const import DOMAIN, LOGGER, SAVE_DELAY, STORAGE_MINOR_VERSION, STORAGE_VERSION
from .routine.checklist import Checklist
from .routine.closed_days import (
    ClosedYear,
    archive_from_stored,
    archive_stored,
    settled,
    with_layout,
)
from .routine.day import Goal
from .routine.history import History
from .routine.person import PersonRoutine
from .routine.plan import PlanSettings
from .routine.stored_person import as_stored, from_stored

# Format 1.1 kept every day in the person's file; 2.1 keeps closed days in segments
# and the archive (2.1 as first written kept every year in a segment: those settle).
# A segment of 1.2 names the layout of its days' texts (1.1 held the first one).
SEGMENT_VERSION = 1
SEGMENT_MINOR_VERSION = 2
ARCHIVE = "archive"

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
        # The latest save of the routine (its stamp) known to be on disk in this file.
        self.written_stamp = 0

    async def _async_write_data(self, data: dict[str, Any]) -> None:
        """Write, then know which save of the routine this file now holds (not if it failed)."""
        await super()._async_write_data(data)
        stored = data.get("data")
        if isinstance(stored, dict) and isinstance(stamp := stored.get("stamp"), int):
            self.written_stamp = max(self.written_stamp, stamp)

    async def _async_migrate_func(
        self,
        old_major_version: int,
        old_minor_version: int,
        old_data: dict[str, Any],
    ) -> dict[str, Any]:
        """Read a file of another minor version as it is, and the person's file of format 1.

        A newer minor version is read too, as Home Assistant's contract for
        minor versions says it can be: what it added is kept and written back.
        A segment of 1.1 names the first layout of its days. The closed days of
        format 1 move to their years' segments, which are written before this
        file is: a move cut short is done again at the next start, from the
        file as it was. Anything else is refused.
        """
        if not isinstance(old_data, dict):
            raise UnreadableRoutineError("not a routine")
        if old_major_version == self.version:
            if self.version == SEGMENT_VERSION and old_minor_version < SEGMENT_MINOR_VERSION:
                # Home Assistant writes what this returns at once: only what reads.
                return await self.hass.async_add_executor_job(
                    _with_layouts, old_data, self.key.rsplit(".", 1)[-1]
                )
            return old_data
        if self.version != STORAGE_VERSION or old_major_version != 1:
            raise UnreadableRoutineError(f"version {old_major_version}")
        if not isinstance(old_data.get("history", {}), dict):
            raise UnreadableRoutineError("not a routine")
        history = await self.hass.async_add_executor_job(
            _closed_history, old_data.get("history", {}), dt_util.now().date()
        )
        migrated = {key: value for key, value in old_data.items() if key != "history"}
        migrated |= {"days": history.open_days_as_dict()}
        # All of it must read before anything is written: Home Assistant writes the result.
        # The flare-up ranges are worked out here, where every day is at hand (a file of
        # the switch alone pauses from the last day it marked).
        today = dt_util.now().date()
        routine = from_stored(migrated, Checklist(), history, today)
        migrated |= routine.gentle.as_dict() | routine.flare_ups.as_stored()
        files = YearFiles(self.hass, self.key)
        await files.async_write_every_year(history, today)
        return migrated | files.as_stored()


def _closed_history(days: dict[str, Any], today: date) -> History:
    """Return format 1.1's days as a history, every day before today closed."""
    history = History.from_dict(days)
    history.close_days(today)
    return history


def _with_layouts(stored: dict[str, Any], name: str) -> dict[str, Any]:
    """Return a year's or the archive's days of 1.1, in a layout named.

    Every day is read first. A year's file that can't be read is refused as it
    is, to be set aside untouched; in the archive such a year is left as it was,
    so that only it is set aside when the archive is read.
    """
    if name != ARCHIVE:
        return _read_with_layout(stored, int(name))
    years = stored.get("years")
    if not isinstance(years, dict):
        raise UnreadableRoutineError("not an archive")
    named = {}
    for year, days in years.items():
        try:
            named[year] = _read_with_layout(days, int(year))
        except UNREADABLE:
            named[year] = days
    return stored | {"years": named}


def _read_with_layout(stored: Any, year: int) -> dict[str, Any]:
    """Return a year's days of 1.1 in this version's layout; raise unless every day reads.

    Each day is read in the first layout and written in the current one, whose
    sessions take a third of the room.
    """
    first = ClosedYear.from_stored(year, with_layout(stored))
    for _ in first.facts():
        pass
    current = ClosedYear(year)
    current.put(dict(first.logs()))
    rewritten: dict[str, Any] = stored | ClosedYear.stored(year, current.snapshot())
    return rewritten


def routine_store(hass: HomeAssistant, entry_id: str) -> BackReliefStore:
    """Return the store of one person's routine."""
    return BackReliefStore(hass, f"{DOMAIN}.{entry_id}", STORAGE_VERSION, STORAGE_MINOR_VERSION)


def segment_store(hass: HomeAssistant, routine_key: str, year: int | str) -> BackReliefStore:
    """Return the store of one year of a person's closed days, or of their archive."""
    return BackReliefStore(hass, f"{routine_key}.{year}", SEGMENT_VERSION, SEGMENT_MINOR_VERSION)


class YearFiles:
    """Where each of a person's closed years is kept, and the stores that keep them.

    A year is in a segment of its own ("own") or in the archive; the person's
    file lists the own years, and the archive is always read, so an older
    Back Relief that knows no archive leaves it whole.
    """

    def __init__(self, hass: HomeAssistant, routine_key: str) -> None:
        """Know no year yet: the own years come from the person's file, the archive's once read."""
        self.hass = hass
        self._key = routine_key
        self.own: set[int] = set()
        self.archived: set[int] = set()
        self._stores: dict[int | str, BackReliefStore] = {}
        # What changed while loaded, written again at unload.
        self._touched: set[int | str] = set()
        # Each save of the routine is stamped, in every file it writes, so that a start
        # knows which of two copies of a day is the newer; the stamp of each year's file.
        self.stamp = 0
        self.stamps: dict[int, int] = {}
        # Days closed since their year's file was last known written, with the save that
        # closed them: the person's file keeps them until it is.
        self._unwritten: dict[date, int] = {}

    def store(self, year: int | str) -> BackReliefStore:
        """Return the store of an own year, or of the archive (ARCHIVE)."""
        if (store := self._stores.get(year)) is None:
            store = self._stores[year] = segment_store(self.hass, self._key, year)
        return store

    def as_stored(self) -> dict[str, Any]:
        """Return what the person's file keeps of where the years are, and its save's stamp."""
        return {"years": sorted(self.own), "stamp": self.stamp}

    def close(self, history: History, today: date) -> None:
        """Close the days before today, in a new save: they stay unwritten until their year is."""
        self.stamp += 1
        for day in history.close_days(today):
            self._unwritten[day] = self.stamp

    def unwritten(self, history: History) -> dict[str, Any]:
        """Return the closed days whose year's file is not known written yet, JSON-ready."""
        for day, stamp in list(self._unwritten.items()):
            if self.store(self.file_of(day.year)).written_stamp >= stamp:
                del self._unwritten[day]
        return {day.isoformat(): history.get(day).as_dict() for day in sorted(self._unwritten)}

    def newer_than_person(self, years: dict[int, dict[str, Any]], person_stamp: int) -> list[date]:
        """Return the open days a year's file holds from a later save than the person's file."""
        return [
            date.fromisoformat(iso_day)
            for year, stored in years.items()
            if self.stamps.get(year, 0) > person_stamp
            for iso_day in stored.get("days", {})
        ]

    async def async_read(
        self,
    ) -> tuple[dict[int, dict[str, Any]], dict[int | str, Exception]]:
        """Read the archive and the own years at once: the years as stored, and what can't be read.

        An own year wins over the archive's copy of it (a move cut short).
        """
        names: list[int | str] = [ARCHIVE, *sorted(self.own)]
        loaded = dict(
            zip(
                names,
                await asyncio.gather(*(_async_load_segment(self.store(name)) for name in names)),
                strict=True,
            )
        )
        unreadable = {name: why for name, why in loaded.items() if isinstance(why, Exception)}
        years: dict[int, dict[str, Any]] = {}
        if isinstance(archive := loaded.pop(ARCHIVE), dict):
            try:
                years |= archive_from_stored(archive)
                self.stamps = dict.fromkeys(years, _stamp_of(archive))
            except UNREADABLE as err:
                unreadable[ARCHIVE] = err
        self.archived = set(years) - self.own
        for name, stored in loaded.items():
            if isinstance(stored, dict):
                years[int(name)] = stored
                self.stamps[int(name)] = _stamp_of(stored)
        self.stamp = max(self.stamp, *self.stamps.values(), 0)
        return years, unreadable

    async def async_start_clean(self, name: int | str, history: History) -> None:
        """Leave a file that was set aside: its year is no longer read, the archive is rewritten.

        The archive is read at every start, so it is written at once with the
        years that could be read; a year's own segment is simply no longer listed.
        """
        if name == ARCHIVE:
            await self._async_write(ARCHIVE, history)
        else:
            self.own.discard(int(name))

    def file_of(self, year: int) -> int | str:
        """Return where a year is kept: its own segment, or the archive."""
        return ARCHIVE if year in self.archived else year

    @callback
    def save_changed(self, history: History) -> None:
        """Delay-save the years whose closed days changed: their own segments, or the archive."""
        changed = history.take_changed_years()
        names = {self.file_of(year) for year in changed}
        self.own.update(name for name in names if isinstance(name, int))
        for name in names:
            self._touched.add(name)
            self.store(name).async_delay_save(self._contents(name, history), SAVE_DELAY)

    def _contents(self, name: int | str, history: History) -> Callable[[], dict[str, Any]]:
        """Return what builds a file's contents from the years as they are now, anywhere."""
        if name == ARCHIVE:
            snapshots = {year: history.year_snapshot(year) for year in self.archived}
            return partial(_stamped, self.stamp, partial(archive_stored, snapshots))
        build = partial(ClosedYear.stored, int(name), history.year_snapshot(int(name)))
        return partial(_stamped, self.stamp, build)

    async def async_write_touched(self, history: History) -> None:
        """Write what changed while loaded as it is now (at unload)."""
        for name in sorted(self._touched, key=str):
            await self._async_write(name, history)

    async def async_write_every_year(self, history: History, today: date) -> None:
        """Write every year of a history, each where it belongs today (moving format 1.1)."""
        for year in history.years:
            (self.archived if settled(year, today) else self.own).add(year)
        names: list[int | str] = [*sorted(self.own), *([ARCHIVE] if self.archived else [])]
        for name in names:
            await self._async_write(name, history)

    async def _async_write(self, name: int | str, history: History) -> bool:
        """Write a file now; return whether it is known to be on disk."""
        store = self.store(name)
        await store.async_save(self._contents(name, history)())
        return store.written_stamp >= self.stamp

    async def async_settle(
        self, history: History, today: date, save_person: Callable[[], Awaitable[None]]
    ) -> None:
        """Move the own years before last year into the archive.

        The archive is written first, then the person's file that no longer
        lists them, and only then are their segments removed: a move cut short
        is made again at the next start, from the segments.
        """
        moving = {year for year in self.own if settled(year, today)}
        if not moving:
            return
        self.archived |= moving
        if not await self._async_write(ARCHIVE, history):
            # The years stay in their own files until the archive holds them.
            self.archived -= moving
            return
        self.own -= moving
        await save_person()
        for year in sorted(moving):
            try:
                await self.store(year).async_remove()
            except OSError as err:
                # Listed nowhere, it is no longer read: only its space is lost.
                LOGGER.warning("A year's file moved into the archive stays: %s", err)
            del self._stores[year]
            self._touched.discard(year)


def _stamped(stamp: int, build: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """Return a year's or the archive's contents with the stamp of the save that wrote them."""
    return build() | {"stamp": stamp}


def _stamp_of(stored: dict[str, Any]) -> int:
    """Return the stamp of a file's save; 0 for a file written before saves were stamped."""
    stamp = stored.get("stamp", 0)
    if not isinstance(stamp, int):
        raise TypeError("stamp")
    return stamp


def person_stored(routine: PersonRoutine, files: YearFiles) -> dict[str, Any]:
    """Return what the person's own file holds: the routine, and which years are their own.

    A day closed since its year's file was last known written is kept here
    too, so that a year's write that fails loses nothing.
    """
    stored = as_stored(routine) | files.as_stored()
    stored["days"] = files.unwritten(routine.history) | stored["days"]
    return stored


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
) -> tuple[PersonRoutine, YearFiles]:
    """Read the stored routine, and where its years are; never lose it to a bad file.

    With nothing stored the person is new, and starts on the inversion plan.
    The closed days are read and indexed in an executor: the event loop only
    waits for them. Years before last year that still have a segment of their
    own settle into the archive.
    """
    files = YearFiles(hass, store.key)
    try:
        stored = await store.async_load()
        if stored is None:
            return PersonRoutine.for_new_person(default_checklist(), today, plan_settings), files
        if not isinstance(stored, dict) or not isinstance(stored.get("days", {}), dict):
            raise UnreadableRoutineError("not a routine")
        files.own = {int(year) for year in stored.get("years", [])}
        files.stamp = person_stamp = _stamp_of(stored)
        history = History.from_dict(stored.get("days", {}))
        routine = from_stored(stored, default_checklist(), history, today)
        known = person_stored(routine, files)
        routine.other_fields = {key: value for key, value in stored.items() if key not in known}
    except UNREADABLE as err:
        # Nothing was taken from the file: the routine starts clean.
        await _async_set_aside_unreadable(hass, store, err, issue_id=entry_id, name=name)
        return PersonRoutine(checklist=default_checklist()), YearFiles(hass, store.key)
    # The archive and the own years are read at once; then one executor job indexes them all.
    years, unreadable = await files.async_read()
    # A day both open in the person's file and closed in a later save's year: the later wins.
    history.forget_open(files.newer_than_person(years, person_stamp))
    for year, reason in (
        await hass.async_add_executor_job(history.add_stored_years, years, goals, today)
    ).items():
        unreadable.setdefault(files.file_of(year), reason)
    for file, reason in sorted(unreadable.items(), key=lambda item: str(item[0])):
        # That year (or the archive) starts clean; the others, and the person, load.
        await _async_set_aside_unreadable(
            hass, files.store(file), reason, issue_id=f"{entry_id}_{file}", name=name
        )
        await files.async_start_clean(file, history)
    await files.async_settle(
        history, today, lambda: store.async_save(person_stored(routine, files))
    )
    await _async_remind_of_kept_copies(hass, store, entry_id=entry_id, name=name)
    return routine, files


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
        years: list[int | str] = (
            [int(year) for year in stored.get("years", [])] if isinstance(stored, dict) else []
        )
    except UNREADABLE:
        years = []
    for year in [*years, ARCHIVE]:
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

    One issue for the person's own file, one for each year's and the archive's;
    the latest copy of each.
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
            if not rest or rest[1:].isdigit() or rest[1:] == ARCHIVE:
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
