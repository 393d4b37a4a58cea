"""Tests for stored routines of every format and shape, as real files on disk.

Format 1.1 (every day in the person's file) moves to 2.1 (closed days in a
segment per recent year and an archive for the years before, see
test_storage_archive) at the first start, with nothing lost; a file of any shape
that can't be read is kept aside untouched, named in a repair issue, and the
person starts clean.
"""

from __future__ import annotations

from datetime import date
import json
from pathlib import Path
import shutil
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.helpers import issue_registry as ir
import pytest
from pytest_homeassistant_custom_component.common import async_fire_time_changed

from custom_components.back_relief.const import DOMAIN
from custom_components.back_relief.routine.day import Goal
from custom_components.back_relief.routine.history import History

from .conftest import STORAGE_KEY, attributes, call, make_entry, reload, set_up, state

FIXTURE = Path(__file__).parent / "fixtures" / "storage_1_1.json"


def files(folder: Path) -> list[str]:
    """Return the names of Back Relief's files in the storage folder."""
    return sorted(file.name for file in folder.glob(f"{DOMAIN}.*"))


async def test_a_file_of_format_1_1_moves_to_2_1_with_nothing_lost(
    hass: HomeAssistant,
    storage_on_disk: Path,
    freezer: FrozenDateTimeFactory,
    issue_registry: ir.IssueRegistry,
) -> None:
    """The file main wrote (a session paused, nine days over two years) reads as it was."""
    await hass.config.async_set_time_zone("Europe/Berlin")
    freezer.move_to("2026-01-05T14:00:00+01:00")
    old = json.loads(FIXTURE.read_text(encoding="utf-8"))["data"]
    shutil.copyfile(FIXTURE, storage_on_disk / STORAGE_KEY)
    entry = await set_up(hass, make_entry())

    assert entry.state is ConfigEntryState.LOADED
    assert [issue for issue in issue_registry.issues if issue[0] == DOMAIN] == []
    assert files(storage_on_disk) == [STORAGE_KEY, f"{STORAGE_KEY}.2025", f"{STORAGE_KEY}.2026"]
    person = json.loads((storage_on_disk / STORAGE_KEY).read_text(encoding="utf-8"))
    assert (person["version"], person["minor_version"]) == (2, 1)
    assert sorted(person["data"]["days"]) == ["2026-01-05"]
    assert person["data"]["years"] == [2025, 2026]

    coordinator = entry.runtime_data.coordinator
    assert coordinator.reader.history.as_dict() == old["history"]
    before = History.from_dict(old["history"])
    for goal in Goal:
        streak = before.streak(goal, coordinator.reader.goal_minutes(goal), date(2026, 1, 5))
        assert state(hass, entry, "sensor", f"{goal}_streak") == str(streak.current)
        assert attributes(hass, entry, "sensor", f"{goal}_streak")["best"] == streak.best
    assert state(hass, entry, "sensor", "session") == "exercise"
    assert attributes(hass, entry, "sensor", "session")["status"] == "paused"
    assert state(hass, entry, "number", "rest_duration") == "25"
    assert state(hass, entry, "switch", "reminders") == "off"
    assert state(hass, entry, "sensor", "next_visit") == "2026-01-20T09:30:00+00:00"
    assert state(hass, entry, "sensor", "last_visit") == "2025-12-29T23:00:00+00:00"

    # Written back and read again, every day is still there.
    assert await hass.config_entries.async_unload(entry.entry_id)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    assert entry.runtime_data.coordinator.reader.history.as_dict() == old["history"]


async def test_a_move_cut_short_is_done_again_from_the_old_file(
    hass: HomeAssistant, storage_on_disk: Path, freezer: FrozenDateTimeFactory
) -> None:
    """Segments written, the person's file not yet: the next start moves it again, whole."""
    await hass.config.async_set_time_zone("Europe/Berlin")
    freezer.move_to("2026-01-05T14:00:00+01:00")
    old = json.loads(FIXTURE.read_text(encoding="utf-8"))["data"]
    (storage_on_disk / f"{STORAGE_KEY}.2025").write_text(
        json.dumps({"version": 1, "minor_version": 1, "key": "x", "data": {"days": {}}}),
        encoding="utf-8",
    )
    shutil.copyfile(FIXTURE, storage_on_disk / STORAGE_KEY)
    entry = await set_up(hass, make_entry())
    assert entry.runtime_data.coordinator.reader.history.as_dict() == old["history"]


def envelope(data: Any, version: Any = 2) -> dict[str, Any]:
    """Return a file of Home Assistant's storage with a version and data as given."""
    return {"version": version, "minor_version": 1, "key": STORAGE_KEY, "data": data}


SHAPES: dict[str, Any] = {
    "top_level_list": [envelope({})],
    "top_level_text": "back relief",
    "top_level_number": 42,
    "top_level_null": None,
    "no_data_key": {"version": 2, "minor_version": 1, "key": STORAGE_KEY},
    "no_version": {"data": {"days": {}}},
    "newer_version": envelope({"days": {}}, version=7),
    "older_unknown_version": envelope({"history": {}}, version=0),
    "version_as_text": envelope({"days": {}}, version="2"),
    "data_a_list": envelope([]),
    "data_text": envelope("days"),
    "days_a_list": envelope({"days": [], "years": []}),
    "years_not_years": envelope({"days": {}, "years": ["last year"]}),
    "years_text": envelope({"days": {}, "years": 2026}),
    "day_not_a_date": envelope({"days": {"soon": {}}}),
    "format_1_history_a_list": envelope({"history": []}, version=1),
    "format_1_day_a_list": envelope({"history": {"2026-11-24": []}}, version=1),
}


def assert_kept_aside(
    issue_registry: ir.IssueRegistry, path: Path, original: str, issue_id: str
) -> Path:
    """Check that a file's copy is kept untouched and named in its repair issue; return it."""
    kept = path.with_name(f"{path.name}.unreadable.20261125T080000")
    assert kept.read_text(encoding="utf-8") == original
    issue = issue_registry.async_get_issue(DOMAIN, f"storage_unreadable_{issue_id}")
    assert issue is not None
    assert issue.translation_placeholders == {"name": "Alex", "path": str(kept)}
    return kept


@pytest.mark.parametrize("shape", SHAPES.values(), ids=SHAPES.keys())
async def test_a_file_of_any_shape_is_kept_aside_and_the_person_starts_clean(
    hass: HomeAssistant,
    storage_on_disk: Path,
    issue_registry: ir.IssueRegistry,
    frozen_time: FrozenDateTimeFactory,
    shape: Any,
) -> None:
    """Valid JSON of a wrong shape never stops a person loading, and is never overwritten."""
    original = json.dumps(shape)
    (storage_on_disk / STORAGE_KEY).write_text(original, encoding="utf-8")
    entry = await set_up(hass, make_entry())

    assert entry.state is ConfigEntryState.LOADED
    assert state(hass, entry, "sensor", "session") == "idle"
    assert state(hass, entry, "sensor", "exercise_streak") == "0"
    kept = assert_kept_aside(issue_registry, storage_on_disk / STORAGE_KEY, original, "entry_alex")

    await call(hass, "log_activity", activity="exercise", minutes=20)
    assert await hass.config_entries.async_unload(entry.entry_id)
    assert kept.read_text(encoding="utf-8") == original
    person = json.loads((storage_on_disk / STORAGE_KEY).read_text(encoding="utf-8"))
    assert person["data"]["days"] == {"2026-11-25": {"minutes": {"exercise": 20}}}


YEAR_SHAPES: dict[str, Any] = {
    "day_not_text": envelope({"days": {"2025-06-01": {"minutes": 20}}}, version=1),
    "day_text_not_a_day": envelope({"days": {"2025-06-01": "{}"}}, version=1),
    "top_level_list": [envelope({"days": {}}, version=1)],
    "no_data_key": {"version": 1, "minor_version": 1, "key": STORAGE_KEY},
    "newer_version": envelope({"days": {}}, version=3),
}


@pytest.mark.parametrize("shape", YEAR_SHAPES.values(), ids=YEAR_SHAPES.keys())
async def test_a_year_that_cant_be_read_is_kept_aside_and_the_rest_loads(
    hass: HomeAssistant,
    storage_on_disk: Path,
    issue_registry: ir.IssueRegistry,
    frozen_time: FrozenDateTimeFactory,
    shape: Any,
) -> None:
    """One bad segment costs only that year's days; the person and other years load."""
    (storage_on_disk / STORAGE_KEY).write_text(
        json.dumps(envelope({"days": {}, "years": [2025, 2026]})), encoding="utf-8"
    )
    bad = json.dumps(shape)
    (storage_on_disk / f"{STORAGE_KEY}.2025").write_text(bad, encoding="utf-8")
    good = {"days": {"2026-11-23": "[20]", "2026-11-24": "[20]"}}
    (storage_on_disk / f"{STORAGE_KEY}.2026").write_text(
        json.dumps(envelope(good, version=1)), encoding="utf-8"
    )
    entry = await set_up(hass, make_entry())

    assert state(hass, entry, "sensor", "exercise_streak") == "2"
    kept = assert_kept_aside(
        issue_registry, storage_on_disk / f"{STORAGE_KEY}.2025", bad, f"{entry.entry_id}_2025"
    )
    assert issue_registry.async_get_issue(DOMAIN, f"storage_unreadable_{entry.entry_id}") is None

    # Each start says so again while the copy is kept; once it is gone, so is the issue.
    await reload(hass, entry)
    assert issue_registry.async_get_issue(DOMAIN, f"storage_unreadable_{entry.entry_id}_2025")
    kept.unlink()
    await reload(hass, entry)
    assert not issue_registry.async_get_issue(DOMAIN, f"storage_unreadable_{entry.entry_id}_2025")
    assert state(hass, entry, "sensor", "exercise_streak") == "2"


async def test_removing_a_person_deletes_every_year_of_their_routine(
    hass: HomeAssistant, storage_on_disk: Path, freezer: FrozenDateTimeFactory
) -> None:
    """The person's file and each year's segment go; copies set aside stay."""
    await hass.config.async_set_time_zone("Europe/Berlin")
    freezer.move_to("2026-01-05T14:00:00+01:00")
    shutil.copyfile(FIXTURE, storage_on_disk / STORAGE_KEY)
    entry = await set_up(hass, make_entry())
    assert len(files(storage_on_disk)) == 3

    await hass.config_entries.async_remove(entry.entry_id)
    await hass.async_block_till_done()
    assert files(storage_on_disk) == []


async def test_days_closed_at_new_year_and_changed_later_survive_restarts(
    hass: HomeAssistant, storage_on_disk: Path, freezer: FrozenDateTimeFactory
) -> None:
    """A day closes into its year at midnight; a later change to it is written with that year."""
    await hass.config.async_set_time_zone("Europe/Berlin")
    freezer.move_to("2026-12-31T20:00:00+01:00")
    entry = await set_up(hass, make_entry())
    await call(hass, "log_activity", activity="rest", minutes=15)
    freezer.move_to("2027-01-01T00:00:05+01:00")
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    # Unloaded before the coalesced saves fall due: unloading writes them.
    assert await hass.config_entries.async_unload(entry.entry_id)
    assert files(storage_on_disk) == [STORAGE_KEY, f"{STORAGE_KEY}.2026"]

    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    assert state(hass, entry, "sensor", "rest_streak") == "1"
    await call(hass, "log_activity", activity="exercise", minutes=20, date="2026-12-31")
    assert await hass.config_entries.async_unload(entry.entry_id)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    assert entry.runtime_data.coordinator.reader.history.as_dict() == {
        "2026-12-31": {"minutes": {"exercise": 20, "rest": 15}}
    }
    assert state(hass, entry, "sensor", "exercise_streak") == "1"
