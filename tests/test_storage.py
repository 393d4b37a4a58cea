"""Tests for the stored routine: writing, reading back, unreadable files, removal."""

from __future__ import annotations

from collections.abc import Generator
from datetime import timedelta
import json
from pathlib import Path
from typing import Any
from unittest.mock import patch

from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.helpers import issue_registry as ir
from homeassistant.helpers.storage import Store
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.back_relief.const import DOMAIN

from .conftest import (
    STORAGE_KEY,
    attributes,
    call,
    make_entry,
    move_to,
    reload,
    set_up,
    state,
    stored,
    written_days,
)


@pytest.fixture
def hass_config_dir(hass_tmp_config_dir: str) -> str:
    """Give every test its own configuration folder, so files on disk never leak."""
    return hass_tmp_config_dir


def on_disk(storage_on_disk: Path, routine: dict[str, Any]) -> str:
    """Write Alex's routine as Home Assistant stores it; return the file's text."""
    storage_on_disk.mkdir(parents=True, exist_ok=True)
    text = json.dumps(stored(routine))
    (storage_on_disk / STORAGE_KEY).write_text(text, encoding="utf-8")
    return text


@pytest.fixture
def store_writes(hass_storage: dict[str, Any]) -> Generator[list[dict[str, Any]]]:
    """Record every write of Alex's routine to storage, in order."""
    writes: list[dict[str, Any]] = []
    mocked_write = Store._async_write_data

    async def record(store: Store, data: dict[str, Any]) -> None:
        await mocked_write(store, data)
        if store.key == STORAGE_KEY:
            writes.append(hass_storage[STORAGE_KEY]["data"])

    with patch.object(Store, "_async_write_data", record):
        yield writes


async def test_unload_writes_the_routine_and_setup_reads_it_back(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    setup_entry: MockConfigEntry,
    frozen_time: FrozenDateTimeFactory,
) -> None:
    """History, totals and streaks come back unchanged after a restart-like cycle."""
    await call(hass, "log_activity", activity="exercise", minutes=25, date="2026-11-24")
    await call(hass, "log_activity", activity="stretch", minutes=5, kind="yoga")
    await call(hass, "log_activity", activity="rest", minutes=15)
    await call(hass, "log_pain", level=3)
    assert await hass.config_entries.async_unload(setup_entry.entry_id)

    written = hass_storage[STORAGE_KEY]
    assert (written["version"], written["minor_version"]) == (2, 1)
    assert written_days(hass_storage) == {
        "2026-11-24": {"minutes": {"exercise": 25}},
        "2026-11-25": {
            "minutes": {"stretch": 5, "rest": 15},
            "kinds": {"yoga": 5},
            "pain": [["2026-11-25T08:00:00+00:00", 3, None]],
        },
    }
    assert written["data"]["session"] is None

    assert await hass.config_entries.async_setup(setup_entry.entry_id)
    await hass.async_block_till_done()
    assert state(hass, setup_entry, "sensor", "exercise_today") == "5"
    assert state(hass, setup_entry, "sensor", "rest_today") == "15"
    assert state(hass, setup_entry, "sensor", "exercise_streak") == "1"
    assert attributes(hass, setup_entry, "sensor", "exercise_streak")["today_met"] is False
    assert state(hass, setup_entry, "sensor", "rest_streak") == "1"
    assert attributes(hass, setup_entry, "sensor", "rest_streak")["today_met"] is True
    assert state(hass, setup_entry, "sensor", "pain_level") == "3"


async def test_stored_history_gives_streaks_and_best(
    hass: HomeAssistant, hass_storage: dict[str, Any], frozen_time: FrozenDateTimeFactory
) -> None:
    """Five past days meeting the exercise goal are a streak of 5; an older run of 7 is best."""
    days = {f"2026-11-{day}": {"minutes": {"exercise": 20}} for day in range(20, 25)}
    days |= {f"2026-10-{day:02d}": {"minutes": {"stretch": 30}} for day in range(1, 8)}
    hass_storage[STORAGE_KEY] = stored({"history": days})
    entry = await set_up(hass, make_entry())

    assert state(hass, entry, "sensor", "exercise_streak") == "5"
    streak_attributes = attributes(hass, entry, "sensor", "exercise_streak")
    assert streak_attributes["best"] == 7
    assert streak_attributes["today_met"] is False
    assert state(hass, entry, "sensor", "rest_streak") == "0"
    assert state(hass, entry, "sensor", "exercise_today") == "0"


async def test_stored_session_durations_and_switches_come_back(
    hass: HomeAssistant, hass_storage: dict[str, Any], frozen_time: FrozenDateTimeFactory
) -> None:
    """A stored running session, durations and switch states are restored at setup."""
    hass_storage[STORAGE_KEY] = stored(
        {
            "history": {},
            "session": {
                "activity": "stretch",
                "planned_minutes": 15,
                "started_at": "2026-11-25T07:55:00+00:00",
                "ends_at": "2026-11-25T08:10:00+00:00",
                "paused_at": None,
                "routine": None,
            },
            "durations": {"inversion": 25},
            "reminders": False,
            "flare_up": False,
        }
    )
    entry = await set_up(hass, make_entry())

    assert state(hass, entry, "sensor", "session") == "stretch"
    assert state(hass, entry, "sensor", "session_ends") == "2026-11-25T08:10:00+00:00"
    assert state(hass, entry, "number", "inversion_duration") == "25"
    assert state(hass, entry, "number", "exercise_duration") == "20"
    assert state(hass, entry, "switch", "reminders") == "off"
    assert state(hass, entry, "switch", "flare_up") == "off"


async def test_changes_within_seconds_are_written_once(
    hass: HomeAssistant,
    store_writes: list[dict[str, Any]],
    setup_entry: MockConfigEntry,
    frozen_time: FrozenDateTimeFactory,
) -> None:
    """Several changes in a few seconds produce one write, after the save delay."""
    start = dt_util.utcnow()
    await call(hass, "log_activity", activity="exercise", minutes=10)
    await move_to(hass, frozen_time, start + timedelta(seconds=2))
    await call(hass, "log_pain", level=4)
    await move_to(hass, frozen_time, start + timedelta(seconds=4))
    await call(hass, "start_session", activity="rest", duration=15)
    # Each change pushes the write back to 10 s after it; none is written yet.
    await move_to(hass, frozen_time, start + timedelta(seconds=13))
    assert store_writes == []

    await move_to(hass, frozen_time, start + timedelta(seconds=15))
    assert len(store_writes) == 1
    written = store_writes[0]
    assert written["days"]["2026-11-25"]["minutes"] == {"exercise": 10}
    assert written["days"]["2026-11-25"]["pain"] == [["2026-11-25T08:00:02+00:00", 4, None]]
    assert written["session"]["activity"] == "rest"

    # Nothing changed since: no more writes.
    await move_to(hass, frozen_time, start + timedelta(minutes=1))
    assert len(store_writes) == 1


async def test_unload_flushes_a_pending_write_at_once(
    hass: HomeAssistant,
    store_writes: list[dict[str, Any]],
    setup_entry: MockConfigEntry,
) -> None:
    """A change made just before an unload is written by the unload, not lost."""
    await call(hass, "log_activity", activity="inversion", minutes=15)
    assert store_writes == []
    assert await hass.config_entries.async_unload(setup_entry.entry_id)
    assert len(store_writes) == 1
    assert store_writes[0]["days"] == {"2026-11-25": {"minutes": {"inversion": 15}}}


async def test_storage_that_is_not_json_starts_clean_with_a_repair_issue(
    hass: HomeAssistant,
    storage_on_disk: Path,
    issue_registry: ir.IssueRegistry,
    frozen_time: FrozenDateTimeFactory,
) -> None:
    """Home Assistant sets a broken file aside and raises an issue; the entry still loads."""
    storage_on_disk.mkdir(parents=True, exist_ok=True)
    path = storage_on_disk / STORAGE_KEY
    path.write_text('{"version": 1, "data": {"history": {"2026-11-24": ', encoding="utf-8")
    entry = await set_up(hass, make_entry())

    assert entry.state is ConfigEntryState.LOADED
    assert state(hass, entry, "sensor", "exercise_streak") == "0"
    corrupt = [file.name for file in storage_on_disk.iterdir() if ".corrupt." in file.name]
    assert len(corrupt) == 1
    assert corrupt[0].startswith(f"{STORAGE_KEY}.corrupt.")
    assert (storage_on_disk / corrupt[0]).read_text(encoding="utf-8").endswith('"2026-11-24": ')
    issues = [
        issue
        for issue in issue_registry.issues.values()
        if issue.translation_key == "storage_corruption"
    ]
    assert len(issues) == 1
    assert issues[0].domain == "homeassistant"
    assert issues[0].translation_placeholders["storage_key"] == STORAGE_KEY


@pytest.mark.parametrize(
    "unreadable",
    [
        {"history": {"not-a-date": {}}},
        {"history": {}, "session": {"activity": "juggling"}},
        {"history": {"2026-11-24": {"minutes": {"exercise": "lots"}}}},
        {"history": [], "durations": {}},
    ],
    ids=["day_not_a_date", "unknown_activity", "minutes_not_a_number", "history_not_a_mapping"],
)
async def test_storage_that_cannot_be_read_is_kept_with_a_repair_issue(
    hass: HomeAssistant,
    storage_on_disk: Path,
    issue_registry: ir.IssueRegistry,
    frozen_time: FrozenDateTimeFactory,
    unreadable: dict[str, Any],
) -> None:
    """Valid JSON the routine can't read is copied aside with a repair issue; it starts clean."""
    original = on_disk(storage_on_disk, unreadable)
    entry = await set_up(hass, make_entry())

    assert entry.state is ConfigEntryState.LOADED
    assert state(hass, entry, "sensor", "session") == "idle"
    assert state(hass, entry, "sensor", "exercise_streak") == "0"
    copies = [file for file in storage_on_disk.iterdir() if ".unreadable." in file.name]
    assert [copy.name for copy in copies] == [f"{STORAGE_KEY}.unreadable.20261125T080000"]
    assert copies[0].read_text(encoding="utf-8") == original
    issue = issue_registry.async_get_issue(DOMAIN, f"storage_unreadable_{entry.entry_id}")
    assert issue is not None
    assert issue.translation_key == "storage_unreadable"
    assert issue.severity is ir.IssueSeverity.ERROR
    assert issue.translation_placeholders == {"name": "Alex", "path": str(copies[0])}
    # Not persistent, so the diagnostics download doesn't carry the name and path.
    assert not issue.is_persistent

    # Starting clean works: new minutes are written over the unreadable file.
    await call(hass, "log_activity", activity="exercise", minutes=20)
    assert await hass.config_entries.async_unload(entry.entry_id)
    rewritten = json.loads((storage_on_disk / STORAGE_KEY).read_text(encoding="utf-8"))
    assert rewritten["data"]["days"] == {"2026-11-25": {"minutes": {"exercise": 20}}}
    assert copies[0].read_text(encoding="utf-8") == original


async def test_the_unreadable_issue_stays_while_the_copy_is_kept(
    hass: HomeAssistant,
    storage_on_disk: Path,
    issue_registry: ir.IssueRegistry,
    frozen_time: FrozenDateTimeFactory,
) -> None:
    """Each start raises the issue again while the copy is there, and not once it's gone."""
    on_disk(storage_on_disk, {"history": {"not-a-date": {}}})
    entry = await set_up(hass, make_entry())
    issue_id = f"storage_unreadable_{entry.entry_id}"
    copy = storage_on_disk / f"{STORAGE_KEY}.unreadable.20261125T080000"
    await call(hass, "log_activity", activity="exercise", minutes=20)
    assert await hass.config_entries.async_unload(entry.entry_id)
    # A restart of Home Assistant forgets issues that are not persistent.
    ir.async_delete_issue(hass, DOMAIN, issue_id)

    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    issue = issue_registry.async_get_issue(DOMAIN, issue_id)
    assert issue is not None
    assert issue.translation_placeholders == {"name": "Alex", "path": str(copy)}
    assert state(hass, entry, "sensor", "exercise_today") == "20"

    copy.unlink()
    await reload(hass, entry)
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is None


async def test_unreadable_storage_without_a_copy_is_never_overwritten(
    hass: HomeAssistant,
    storage_on_disk: Path,
    issue_registry: ir.IssueRegistry,
    frozen_time: FrozenDateTimeFactory,
) -> None:
    """When no copy can be made, the issue names the file itself and it stays as it was."""
    original = on_disk(storage_on_disk, {"history": {"not-a-date": {}}})
    path = storage_on_disk / STORAGE_KEY
    with patch(
        "custom_components.back_relief.storage.shutil.copyfile", side_effect=OSError("disk full")
    ):
        entry = await set_up(hass, make_entry())

    assert entry.state is ConfigEntryState.LOADED
    issue = issue_registry.async_get_issue(DOMAIN, f"storage_unreadable_{entry.entry_id}")
    assert issue is not None
    assert issue.translation_placeholders == {"name": "Alex", "path": str(path)}
    await call(hass, "log_activity", activity="exercise", minutes=20)
    assert await hass.config_entries.async_unload(entry.entry_id)
    assert path.read_text(encoding="utf-8") == original
    assert [file.name for file in storage_on_disk.glob(f"{DOMAIN}.*")] == [STORAGE_KEY]


async def test_readable_storage_raises_no_repair_issue(
    hass: HomeAssistant,
    storage_on_disk: Path,
    issue_registry: ir.IssueRegistry,
    frozen_time: FrozenDateTimeFactory,
) -> None:
    """A good file on disk is read as it is, with no copy and no issue."""
    on_disk(storage_on_disk, {"history": {"2026-11-24": {"minutes": {"rest": 15}}}})
    entry = await set_up(hass, make_entry())

    assert state(hass, entry, "sensor", "rest_streak") == "1"
    # Format 1.1 moved on to 2.1: the closed days of 2026 in a segment of their own.
    assert sorted(file.name for file in storage_on_disk.glob(f"{DOMAIN}.*")) == [
        STORAGE_KEY,
        f"{STORAGE_KEY}.2026",
    ]
    assert [issue for issue in issue_registry.issues if issue[0] == DOMAIN] == []


async def test_removing_the_entry_deletes_its_stored_routine(
    hass: HomeAssistant, hass_storage: dict[str, Any], setup_entry: MockConfigEntry
) -> None:
    """Removing a person deletes their stored routine."""
    await call(hass, "log_activity", activity="exercise", minutes=20)
    assert await hass.config_entries.async_unload(setup_entry.entry_id)
    assert STORAGE_KEY in hass_storage

    await hass.config_entries.async_remove(setup_entry.entry_id)
    await hass.async_block_till_done()
    assert STORAGE_KEY not in hass_storage


def _files_of_back_relief(config_dir: Path) -> list[str]:
    return sorted(
        str(path.relative_to(config_dir))
        for path in config_dir.rglob("*")
        if path.is_file() and DOMAIN in str(path.relative_to(config_dir))
    )


async def test_removing_the_last_person_leaves_only_the_blueprints(
    hass: HomeAssistant, storage_on_disk: Path, frozen_time: FrozenDateTimeFactory
) -> None:
    """What the README's removal steps say: the blueprints are all that is left by hand."""
    config_dir = Path(hass.config.config_dir)
    alex = await set_up(hass, make_entry("Alex"))
    sam = await set_up(hass, make_entry("Sam"))
    await call(hass, "log_activity", config_entry_id=alex.entry_id, activity="rest", minutes=5)
    before = _files_of_back_relief(config_dir)
    assert "custom_sentences/en/back_relief.yaml" in before

    for entry in (alex, sam):
        await hass.config_entries.async_remove(entry.entry_id)
        await hass.async_block_till_done()

    assert _files_of_back_relief(config_dir) == [
        "blueprints/automation/back_relief/announce_reminder.yaml",
        "blueprints/automation/back_relief/dim_lights_while_resting.yaml",
    ]
    assert not (config_dir / "custom_sentences").exists()


async def test_removing_a_loaded_entry_deletes_its_file_on_disk(
    hass: HomeAssistant, storage_on_disk: Path, frozen_time: FrozenDateTimeFactory
) -> None:
    """Removing a loaded person leaves no file behind, not even a last pending write."""
    entry = await set_up(hass, make_entry())
    await call(hass, "log_activity", activity="exercise", minutes=20)
    await move_to(hass, frozen_time, dt_util.utcnow() + timedelta(seconds=11))
    assert (storage_on_disk / STORAGE_KEY).exists()

    await call(hass, "log_activity", activity="rest", minutes=5)
    await hass.config_entries.async_remove(entry.entry_id)
    await hass.async_block_till_done()
    await move_to(hass, frozen_time, dt_util.utcnow() + timedelta(seconds=11))
    assert not (storage_on_disk / STORAGE_KEY).exists()
