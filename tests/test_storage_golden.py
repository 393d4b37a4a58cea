"""Every storage format ever shipped, read by this version with nothing lost.

Each folder of ``fixtures/golden`` holds the files a shipped version wrote for
one person (``write_golden.py`` there says how they were made, with that
version's own code) and ``expected.json``: every day as that version read it,
and its streaks. This version must read each one to the same days and streaks,
write them in its own format, and read that again, also with an activity added
to its registry.
"""

from __future__ import annotations

from enum import StrEnum
import json
from pathlib import Path
import shutil
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.helpers import issue_registry as ir
import pytest

from custom_components.back_relief.const import DOMAIN
from custom_components.back_relief.coordinator import BackReliefCoordinator
from custom_components.back_relief.routine import day as day_module
from custom_components.back_relief.routine.day import Activity, Goal

from .conftest import make_entry, set_up

GOLDEN = Path(__file__).parent / "fixtures" / "golden"
# Every format ever shipped, named by its version and layout, oldest first.
FORMATS = sorted(folder.name for folder in GOLDEN.iterdir() if folder.is_dir())


def test_every_shipped_format_has_a_golden_file() -> None:
    """1.1 (every day in the person's file), 2.1 with a file a year, with the archive, and now."""
    assert FORMATS == ["1.1", "2.1-archive", "2.1-segments-1.2", "2.1-years"]


def expected(name: str) -> dict[str, Any]:
    """Return what the version that wrote a format read from it."""
    return json.loads((GOLDEN / name / "expected.json").read_text(encoding="utf-8"))


def put_in_place(name: str, storage: Path) -> None:
    """Copy a format's files into the storage folder, as that version left them."""
    for file in (GOLDEN / name).iterdir():
        if file.name.startswith(DOMAIN):
            shutil.copyfile(file, storage / file.name)


def read_back(coordinator: BackReliefCoordinator) -> dict[str, Any]:
    """Return the days and streaks as this version reads them."""
    history = coordinator.reader.history
    today = coordinator.reader.today()
    return {
        "today": today.isoformat(),
        "goals": {str(goal): coordinator.reader.goal_minutes(goal) for goal in Goal},
        "streaks": {
            str(goal): [
                (
                    streak := history.streak(goal, coordinator.reader.goal_minutes(goal), today)
                ).current,
                streak.best,
            ]
            for goal in Goal
        },
        "days": history.as_dict(),
    }


def total_minutes(days: dict[str, Any]) -> dict[str, int]:
    """Return the minutes of every activity over all days."""
    totals: dict[str, int] = {}
    for log in days.values():
        for activity, minutes in log.get("minutes", {}).items():
            totals[activity] = totals.get(activity, 0) + minutes
    return totals


@pytest.mark.parametrize("name", FORMATS)
async def test_a_shipped_format_reads_with_nothing_lost(
    hass: HomeAssistant,
    storage_on_disk: Path,
    frozen_time: FrozenDateTimeFactory,
    issue_registry: ir.IssueRegistry,
    name: str,
) -> None:
    """Every minute, pain report, visit, session and streak, before and after a rewrite."""
    put_in_place(name, storage_on_disk)
    entry = await set_up(hass, make_entry())
    assert [issue for issue in issue_registry.issues if issue[0] == DOMAIN] == []
    want = expected(name)
    got = read_back(entry.runtime_data.coordinator)
    assert total_minutes(got["days"]) == total_minutes(want["days"])
    assert got == want

    # Written in this version's format, and read again: still the same.
    assert await hass.config_entries.async_unload(entry.entry_id)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    assert read_back(entry.runtime_data.coordinator) == want


class ExtendedActivity(StrEnum):
    """A copy of the registry with a fifth activity, put first, and the rest reordered."""

    WALK = "walk"
    REST = "rest"
    INVERSION = "inversion"
    STRETCH = "stretch"
    EXERCISE = "exercise"


@pytest.mark.parametrize("name", FORMATS)
async def test_an_added_activity_reads_every_format(
    hass: HomeAssistant,
    storage_on_disk: Path,
    frozen_time: FrozenDateTimeFactory,
    issue_registry: ir.IssueRegistry,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
) -> None:
    """Adding and reordering activities changes nothing a stored day means.

    A day of the new activity is kept too, beside every older one.
    """
    monkeypatch.setattr(day_module, "Activity", ExtendedActivity)
    put_in_place(name, storage_on_disk)
    entry = await set_up(hass, make_entry())
    assert [issue for issue in issue_registry.issues if issue[0] == DOMAIN] == []
    want = expected(name)
    coordinator = entry.runtime_data.coordinator
    assert read_back(coordinator) == want

    # A walk last week, on a day already closed with other minutes.
    walked = coordinator.reader.today().replace(day=20)
    coordinator.reader.history.add_minutes(walked, ExtendedActivity.WALK, 25)  # type: ignore[arg-type]
    coordinator.changed()
    assert await hass.config_entries.async_unload(entry.entry_id)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    coordinator = entry.runtime_data.coordinator
    got = read_back(coordinator)
    walked_day = got["days"][walked.isoformat()]
    assert walked_day["minutes"].pop("walk") == 25
    assert got == want
    # What the streaks count is unchanged by the walk's place in the registry.
    assert (
        coordinator.reader.history.get(walked).goal_minutes(Goal.REST)
        == (want["days"][walked.isoformat()]["minutes"][str(Activity.REST)])
    )


def walked(layout: list[str]) -> str:
    """Return a day's text of 30 minutes of walking and a mood, after a layout's fields."""
    return json.dumps([0] * len(layout) + [30, "tired"], separators=(",", ":"))


def _rewrite(path: Path, change: Any) -> None:
    """Change a stored file's envelope and data in place."""
    content = json.loads(path.read_text(encoding="utf-8"))
    change(content)
    path.write_text(json.dumps(content), encoding="utf-8")


async def test_a_newer_minor_version_is_read_and_what_it_added_is_kept(
    hass: HomeAssistant,
    storage_on_disk: Path,
    frozen_time: FrozenDateTimeFactory,
    issue_registry: ir.IssueRegistry,
) -> None:
    """Going back one release loses nothing: a file of 2.2 (and a year's file of 1.3) reads.

    A setting, a field of today and an activity that only the newer version
    knows are written back as they were.
    """
    name = "2.1-segments-1.2"
    put_in_place(name, storage_on_disk)
    person = storage_on_disk / "back_relief.entry_alex"
    year = storage_on_disk / "back_relief.entry_alex.2026"

    def newer_person(content: dict[str, Any]) -> None:
        content["minor_version"] = 2
        content["data"]["future_setting"] = {"tone": "warm"}
        today = content["data"]["days"]["2026-11-25"]
        today["minutes"]["walk"] = 5
        today["mood"] = "calm"

    _rewrite(person, newer_person)
    _rewrite(year, lambda content: content.update(minor_version=3))
    _rewrite(
        year,
        lambda content: content["data"].update(
            layout=[*content["data"]["layout"], "minutes.walk", "mood"],
            days=content["data"]["days"] | {"2026-06-06": walked(content["data"]["layout"])},
        ),
    )
    entry = await set_up(hass, make_entry())
    assert [issue for issue in issue_registry.issues if issue[0] == DOMAIN] == []
    want = expected(name)
    got = read_back(entry.runtime_data.coordinator)
    assert got["days"].pop("2026-06-06") == {"minutes": {"walk": 30}, "mood": "tired"}
    assert got["days"]["2026-11-25"]["minutes"].pop("walk") == 5
    assert got["days"]["2026-11-25"].pop("mood") == "calm"
    assert got == want

    assert await hass.config_entries.async_unload(entry.entry_id)
    written = json.loads(person.read_text(encoding="utf-8"))
    assert written["data"]["future_setting"] == {"tone": "warm"}
    assert written["data"]["days"]["2026-11-25"]["minutes"]["walk"] == 5
    assert written["data"]["days"]["2026-11-25"]["mood"] == "calm"
    written_year = json.loads(year.read_text(encoding="utf-8"))["data"]
    assert written_year["layout"][-2:] == ["minutes.walk", "mood"]
    assert written_year["days"]["2026-06-06"] == walked(written_year["layout"][:-2])
