"""The stored routine: one file per person, read with care and never lost.

A file the routine can't read is copied aside and named in a repair issue;
without a copy the store turns read-only so the original is never overwritten.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
import shutil
from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.helpers import issue_registry as ir
from homeassistant.helpers.storage import Store
from homeassistant.util import dt as dt_util

from .checklist import Checklist
from .const import DOMAIN, LOGGER, STORAGE_MINOR_VERSION, STORAGE_VERSION
from .person import PersonRoutine
from .plan import PlanSettings


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


def routine_store(hass: HomeAssistant, entry_id: str) -> BackReliefStore:
    """Return the store of one person's routine."""
    return BackReliefStore(
        hass, STORAGE_VERSION, f"{DOMAIN}.{entry_id}", minor_version=STORAGE_MINOR_VERSION
    )


async def async_load_routine(
    hass: HomeAssistant,
    store: BackReliefStore,
    *,
    entry_id: str,
    name: str,
    default_checklist: Callable[[], Checklist],
    today: date,
    plan_settings: PlanSettings,
) -> PersonRoutine:
    """Read the stored routine; never lose it to a file that can't be read.

    With nothing stored the person is new, and starts on the inversion plan.
    """
    stored = await store.async_load()
    if stored is None:
        routine = PersonRoutine.for_new_person(default_checklist(), today, plan_settings)
    else:
        try:
            routine = PersonRoutine.from_stored(stored, default_checklist(), today)
        except (KeyError, TypeError, ValueError, AttributeError) as err:
            # Nothing was taken from the file: the routine starts clean.
            await _async_set_aside_unreadable(hass, store, err, entry_id=entry_id, name=name)
            return PersonRoutine(checklist=default_checklist())
    await _async_remind_of_kept_copy(hass, store, entry_id=entry_id, name=name)
    return routine


async def _async_set_aside_unreadable(
    hass: HomeAssistant, store: BackReliefStore, err: Exception, *, entry_id: str, name: str
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
    _raise_unreadable_issue(hass, kept, entry_id=entry_id, name=name)


async def _async_remind_of_kept_copy(
    hass: HomeAssistant, store: BackReliefStore, *, entry_id: str, name: str
) -> None:
    """Raise the unreadable-routine issue while a copy set aside is still there."""
    source = Path(store.path)
    copies = await hass.async_add_executor_job(
        lambda: sorted(source.parent.glob(f"{source.name}.unreadable.*"))
    )
    if copies:
        _raise_unreadable_issue(hass, copies[-1], entry_id=entry_id, name=name)
    else:
        ir.async_delete_issue(hass, DOMAIN, f"storage_unreadable_{entry_id}")


def _raise_unreadable_issue(hass: HomeAssistant, kept: Path, *, entry_id: str, name: str) -> None:
    # Not persistent, so that the diagnostics download, which carries the placeholders
    # of persistent issues only, holds neither the name nor the path; each start
    # raises it again while the copy is kept.
    ir.async_create_issue(
        hass,
        DOMAIN,
        f"storage_unreadable_{entry_id}",
        is_fixable=False,
        severity=ir.IssueSeverity.ERROR,
        translation_key="storage_unreadable",
        translation_placeholders={"name": name, "path": str(kept)},
    )
