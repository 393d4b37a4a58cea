"""Tests for the archive: the years before last year, kept together in one file.

This year and last year keep a segment of their own; every year before
shares `back_relief.<entry>.archive`, so that a start reads the same few files
however many years there are. Years settle into the archive at a start; a
settling cut short is made again; an archive that can't be read is kept aside
once, and the other years load.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.helpers import issue_registry as ir
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.back_relief.const import DOMAIN
from custom_components.back_relief.routine.day import FIRST_LAYOUT, DayLayout, DayLog

from .conftest import STORAGE_KEY, call, make_entry, reload, set_up, state, stored

ARCHIVE = f"{STORAGE_KEY}.archive"

# Four years of days, as format 1.1 kept them (every day in the person's file).
DAYS: dict[str, Any] = {
    "2023-06-01": {"minutes": {"exercise": 25}, "kinds": {"yoga": 25}},
    "2024-03-10": {
        "minutes": {"rest": 15},
        "pain": [["2024-03-10T18:00:00+00:00", 6, "after the move"]],
    },
    "2024-12-31": {"minutes": {"exercise": 20}},
    "2025-12-31": {
        "minutes": {"exercise": 20},
        "visits": [["2025-12-31T09:00:00+00:00", "adjustment"]],
    },
    "2026-01-01": {"minutes": {"exercise": 20}},
    "2026-11-24": {"minutes": {"exercise": 20, "inversion": 15}},
}


def files(folder: Path) -> list[str]:
    """Return the names of Back Relief's files in the storage folder."""
    return sorted(file.name for file in folder.glob(f"{DOMAIN}.*"))


def read(folder: Path, name: str) -> Any:
    """Return the data of a stored file."""
    return json.loads((folder / name).read_text(encoding="utf-8"))["data"]


def year_file(days: dict[str, Any]) -> dict[str, Any]:
    """Return a year's segment as a file, from days in the form of format 1.1."""
    first = DayLayout.of(FIRST_LAYOUT)
    compact = {day: first.encode(DayLog.from_dict(log)) for day, log in days.items()}
    return {"version": 1, "minor_version": 1, "key": "x", "data": {"days": compact}}


def write(folder: Path, name: str, content: Any) -> None:
    """Write a file of Home Assistant's storage."""
    (folder / name).write_text(json.dumps(content), encoding="utf-8")


def days_of(year: int) -> dict[str, Any]:
    """Return the days of one year of DAYS."""
    return {day: log for day, log in DAYS.items() if day.startswith(str(year))}


def write_segments_of_every_year(folder: Path) -> None:
    """Write DAYS as the first format 2.1 did: every closed year in a segment of its own."""
    person = stored({"days": {}, "years": [2023, 2024, 2025, 2026]})
    write(folder, STORAGE_KEY, person | {"version": 2})
    for year in (2023, 2024, 2025, 2026):
        write(folder, f"{STORAGE_KEY}.{year}", year_file(days_of(year)))


async def restart(hass: HomeAssistant, entry: MockConfigEntry) -> None:
    """Unload and set up again: everything is read back from the files."""
    assert await hass.config_entries.async_unload(entry.entry_id)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()


def assert_every_day_loaded(hass: HomeAssistant, entry: MockConfigEntry) -> None:
    """Every day of DAYS is there, with the latest pain and visit from the older years."""
    assert entry.runtime_data.coordinator.reader.history.as_dict() == DAYS
    assert state(hass, entry, "sensor", "pain_level") == "6"
    assert state(hass, entry, "sensor", "last_visit") == "2025-12-31T09:00:00+00:00"


async def test_a_file_of_format_1_1_moves_its_older_years_into_the_archive(
    hass: HomeAssistant, storage_on_disk: Path, frozen_time: FrozenDateTimeFactory
) -> None:
    """2023 and 2024 share the archive; 2025 and 2026 keep their own; nothing is lost."""
    write(storage_on_disk, STORAGE_KEY, stored({"history": DAYS}))
    entry = await set_up(hass, make_entry())

    assert files(storage_on_disk) == sorted(
        [STORAGE_KEY, ARCHIVE, f"{STORAGE_KEY}.2025", f"{STORAGE_KEY}.2026"]
    )
    assert read(storage_on_disk, STORAGE_KEY)["years"] == [2025, 2026]
    assert sorted(read(storage_on_disk, ARCHIVE)["years"]) == ["2023", "2024"]
    assert_every_day_loaded(hass, entry)

    await restart(hass, entry)
    assert_every_day_loaded(hass, entry)

    # Removing the person removes the archive too.
    await hass.config_entries.async_remove(entry.entry_id)
    await hass.async_block_till_done()
    assert files(storage_on_disk) == []


async def test_segments_of_older_years_settle_into_the_archive_at_a_start(
    hass: HomeAssistant, storage_on_disk: Path, frozen_time: FrozenDateTimeFactory
) -> None:
    """A segment per year, as first written: 2023 and 2024 move into the archive, once."""
    write_segments_of_every_year(storage_on_disk)
    entry = await set_up(hass, make_entry())

    assert files(storage_on_disk) == sorted(
        [STORAGE_KEY, ARCHIVE, f"{STORAGE_KEY}.2025", f"{STORAGE_KEY}.2026"]
    )
    assert read(storage_on_disk, STORAGE_KEY)["years"] == [2025, 2026]
    archive = read(storage_on_disk, ARCHIVE)["years"]
    assert {year: sorted(days["days"]) for year, days in archive.items()} == {
        "2023": ["2023-06-01"],
        "2024": ["2024-03-10", "2024-12-31"],
    }
    assert_every_day_loaded(hass, entry)

    written = (storage_on_disk / ARCHIVE).stat().st_mtime_ns
    await restart(hass, entry)
    assert_every_day_loaded(hass, entry)
    assert (storage_on_disk / ARCHIVE).stat().st_mtime_ns == written


async def test_a_settling_cut_short_is_made_again_from_the_segment(
    hass: HomeAssistant, storage_on_disk: Path, frozen_time: FrozenDateTimeFactory
) -> None:
    """The archive written, the person's file not yet: the segment still listed wins."""
    write_segments_of_every_year(storage_on_disk)
    stale = {"years": {"2024": {"days": {"2024-12-31": "[5]"}}}}
    write(storage_on_disk, ARCHIVE, {"version": 1, "minor_version": 1, "key": "x", "data": stale})
    entry = await set_up(hass, make_entry())

    assert_every_day_loaded(hass, entry)
    assert f"{STORAGE_KEY}.2024" not in files(storage_on_disk)
    archive = read(storage_on_disk, ARCHIVE)["years"]
    assert sorted(archive["2024"]["days"]) == ["2024-03-10", "2024-12-31"]


async def test_an_archive_that_cant_be_read_is_kept_aside_once(
    hass: HomeAssistant,
    storage_on_disk: Path,
    frozen_time: FrozenDateTimeFactory,
    issue_registry: ir.IssueRegistry,
) -> None:
    """Its years start clean; the person and their own years load; one copy, one issue."""
    write_segments_of_every_year(storage_on_disk)
    person = stored({"days": {}, "years": [2025, 2026]}) | {"version": 2}
    write(storage_on_disk, STORAGE_KEY, person)
    (storage_on_disk / f"{STORAGE_KEY}.2023").unlink()
    (storage_on_disk / f"{STORAGE_KEY}.2024").unlink()
    bad = json.dumps({"version": 1, "minor_version": 1, "key": "x", "data": {"years": []}})
    (storage_on_disk / ARCHIVE).write_text(bad, encoding="utf-8")
    entry = await set_up(hass, make_entry())

    assert sorted(entry.runtime_data.coordinator.reader.history.as_dict()) == [
        "2025-12-31",
        "2026-01-01",
        "2026-11-24",
    ]
    assert state(hass, entry, "sensor", "last_visit") == "2025-12-31T09:00:00+00:00"
    kept = storage_on_disk / f"{ARCHIVE}.unreadable.20261125T080000"
    assert kept.read_text(encoding="utf-8") == bad
    issue = issue_registry.async_get_issue(DOMAIN, f"storage_unreadable_{entry.entry_id}_archive")
    assert issue is not None
    assert issue.translation_placeholders == {"name": "Alex", "path": str(kept)}
    # Written again at once with what could be read, so the next start keeps no second copy.
    assert read(storage_on_disk, ARCHIVE) == {"years": {}, "stamp": 0}

    await reload(hass, entry)
    assert len(list(storage_on_disk.glob("*.unreadable.*"))) == 1
    assert issue_registry.async_get_issue(DOMAIN, f"storage_unreadable_{entry.entry_id}_archive")
    kept.unlink()
    await reload(hass, entry)
    assert not issue_registry.async_get_issue(
        DOMAIN, f"storage_unreadable_{entry.entry_id}_archive"
    )


async def test_a_change_to_an_archived_year_is_written_to_the_archive(
    hass: HomeAssistant, storage_on_disk: Path, freezer: FrozenDateTimeFactory
) -> None:
    """A clock that ran a year ahead archived 2025; set right, a visit then goes there."""
    await hass.config.async_set_time_zone("Europe/Berlin")
    freezer.move_to("2027-01-05T10:00:00+01:00")
    write(storage_on_disk, STORAGE_KEY, stored({"history": DAYS}))
    entry = await set_up(hass, make_entry())
    assert read(storage_on_disk, STORAGE_KEY)["years"] == [2026]
    assert sorted(read(storage_on_disk, ARCHIVE)["years"]) == ["2023", "2024", "2025"]

    freezer.move_to("2026-01-05T10:00:00+01:00")
    await reload(hass, entry)
    await call(hass, "log_visit", date="2025-06-02", note="check-up")
    await restart(hass, entry)

    assert read(storage_on_disk, STORAGE_KEY)["years"] == [2026]
    assert sorted(read(storage_on_disk, ARCHIVE)["years"]["2025"]["days"]) == [
        "2025-06-02",
        "2025-12-31",
    ]
    days = entry.runtime_data.coordinator.reader.history.as_dict()
    assert days["2025-06-02"]["visits"][0][1] == "check-up"
