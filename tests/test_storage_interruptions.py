"""An interruption between the writes of a person's files loses and doubles nothing.

A person's routine lives in several files (their own file, this and last
year's, the archive), written one after the other. Here the writes are stopped
at every point of a busy stretch (minutes logged just before midnight, the day
closing, a past day changed, a restart that settles a year into the archive):
either every write from that point on is lost, as when the power goes, or one
write fails and the one after it still happens before the power goes. After a
restart every day is as it was before the stretch or as it was after it, never
less or a mix, and the streaks are those of the days as read.
"""

from __future__ import annotations

from collections.abc import Callable
import json
from pathlib import Path
import shutil
from typing import Any
from unittest.mock import patch

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.helpers.storage import Store
from homeassistant.util.file import WriteError
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.back_relief.const import DOMAIN
from custom_components.back_relief.routine.day import Goal
from custom_components.back_relief.routine.history import History

from .conftest import (
    REAL_STORE_REMOVE,
    REAL_STORE_WRITE,
    START_TIME,
    STORAGE_KEY,
    call,
    make_entry,
    move_to,
)

GOLDEN = Path(__file__).parent / "fixtures" / "golden" / "2.1-archive"
THE_END = "2027-01-02T10:00:00+01:00"


class Disk:
    """Alex's files as the machine writes them: each write counted, some of them lost."""

    def __init__(self) -> None:
        """Write everything, until told otherwise."""
        self.writes: list[str] = []
        # The writes of the stretch last gone through.
        self.stretch: list[str] = []
        self.failing: int | None = None
        self.lost_from: int | None = None

    def _lands(self, store: Store[Any], error: type[Exception]) -> bool:
        """Count a write of Alex's files; say whether it reaches the disk."""
        if not store.key.startswith(STORAGE_KEY):
            return True
        number = len(self.writes)
        self.writes.append(store.key)
        if number == self.failing:
            raise error(f"write {number} failed")
        return self.lost_from is None or number < self.lost_from

    async def write(self, store: Store[Any], data: dict[str, Any]) -> None:
        """Write a store's data, unless this write is lost (Home Assistant's error if it fails)."""
        if self._lands(store, WriteError):
            await REAL_STORE_WRITE(store, data)

    async def remove(self, store: Store[Any]) -> None:
        """Remove a store's file, unless this removal is lost (the system's error if it fails)."""
        if self._lands(store, OSError):
            await REAL_STORE_REMOVE(store)


def put_golden_files(storage: Path) -> None:
    """Start from Alex's files as the archive's version left them, nothing else of ours."""
    for file in storage.glob(f"{DOMAIN}.*"):
        file.unlink()
    for file in GOLDEN.iterdir():
        if file.name.startswith(DOMAIN):
            shutil.copyfile(file, storage / file.name)


async def busy_stretch(hass: HomeAssistant, freezer: FrozenDateTimeFactory) -> None:
    """Minutes just before midnight, the day closing, a past day changed, a settling restart."""
    await move_to(hass, freezer, "2026-11-25T23:59:50+01:00")
    await call(hass, "log_activity", activity="exercise", minutes=30)
    await move_to(hass, freezer, "2026-11-26T00:00:05+01:00")
    await move_to(hass, freezer, "2026-11-26T00:01:00+01:00")
    await call(hass, "log_activity", activity="rest", minutes=10, date="2026-11-20")
    await move_to(hass, freezer, "2026-11-26T00:02:00+01:00")
    await move_to(hass, freezer, "2026-12-31T23:59:00+01:00")
    await call(hass, "log_activity", activity="inversion", minutes=15)
    entry = hass.config_entries.async_entries(DOMAIN)[0]
    assert await hass.config_entries.async_unload(entry.entry_id)
    freezer.move_to(THE_END)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    await move_to(hass, freezer, "2027-01-02T10:01:00+01:00")


def days_and_streaks(entry: MockConfigEntry) -> tuple[dict[str, Any], dict[Goal, list[int]]]:
    """Return every day as read, and the streaks as the routine keeps them."""
    coordinator = entry.runtime_data.coordinator
    today = coordinator.reader.today()
    streaks = {}
    for goal in Goal:
        streak = coordinator.reader.history.streak(
            goal, coordinator.reader.goal_minutes(goal), today
        )
        streaks[goal] = [streak.current, streak.best]
    return coordinator.reader.history.as_dict(), streaks


def recounted_streaks(entry: MockConfigEntry, days: dict[str, Any]) -> dict[Goal, list[int]]:
    """Return the streaks counted afresh from the days as read."""
    coordinator = entry.runtime_data.coordinator
    today = coordinator.reader.today()
    history = History.from_dict(days)
    history.close_days(today)
    streaks = {}
    for goal in Goal:
        streak = history.streak(goal, coordinator.reader.goal_minutes(goal), today)
        streaks[goal] = [streak.current, streak.best]
    return streaks


async def run(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    storage: Path,
    disk: Disk,
    entry: MockConfigEntry,
) -> tuple[dict[str, Any], dict[Goal, list[int]]]:
    """Go through the stretch from the golden files with this disk; restart; return what reads."""
    put_golden_files(storage)
    freezer.move_to(START_TIME)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    await busy_stretch(hass, freezer)
    # The power is back: what is on the disk is what the next start reads.
    assert await hass.config_entries.async_unload(entry.entry_id)
    disk.failing = disk.lost_from = None
    freezer.move_to("2027-01-02T11:00:00+01:00")
    disk.stretch = list(disk.writes)
    disk.writes.clear()
    put_aside = sorted(file.name for file in storage.glob(f"{DOMAIN}.*unreadable*"))
    assert put_aside == []
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    days, streaks = days_and_streaks(entry)
    assert streaks == recounted_streaks(entry, days)
    assert await hass.config_entries.async_unload(entry.entry_id)
    return days, streaks


@pytest.mark.parametrize(
    "interrupt",
    [
        lambda disk, point: setattr(disk, "lost_from", point),
        lambda disk, point: (
            setattr(disk, "failing", point),
            setattr(disk, "lost_from", point + 2),
        ),
    ],
    ids=["power_lost", "one_write_fails_then_power_lost"],
)
async def test_an_interruption_anywhere_loses_and_doubles_nothing(
    hass: HomeAssistant,
    storage_on_disk: Path,
    freezer: FrozenDateTimeFactory,
    interrupt: Callable[[Disk, int], None],
) -> None:
    """At every point between the writes of Alex's files, each day is before or after, whole."""
    await hass.config.async_set_time_zone("Europe/Berlin")
    before = json.loads((GOLDEN / "expected.json").read_text(encoding="utf-8"))["days"]
    disk = Disk()
    entry = make_entry()
    entry.add_to_hass(hass)

    async def write(store: Store[Any], data: dict[str, Any]) -> None:
        await disk.write(store, data)

    async def remove(store: Store[Any]) -> None:
        await disk.remove(store)

    with (
        patch.object(Store, "_async_write_data", write),
        patch.object(Store, "async_remove", remove),
    ):
        after, after_streaks = await run(hass, freezer, storage_on_disk, disk, entry)
        points = len(disk.stretch)
        assert points > 8
        assert after != before
        assert (
            after["2026-11-25"]["minutes"]["exercise"]
            == before["2026-11-25"]["minutes"]["exercise"] + 30
        )
        for point in range(points):
            disk.writes.clear()
            interrupt(disk, point)
            days, streaks = await run(hass, freezer, storage_on_disk, disk, entry)
            for day in sorted(before.keys() | after.keys() | days.keys()):
                assert days.get(day) in (before.get(day), after.get(day)), (point, day)
            if days == after:
                assert streaks == after_streaks, point
