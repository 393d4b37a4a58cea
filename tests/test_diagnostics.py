"""Tests for Back Relief's diagnostics download."""

from __future__ import annotations

from http import HTTPStatus
import json
from pathlib import Path
from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.components.diagnostics import (
    get_diagnostics_for_config_entry,
)
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

from custom_components.back_relief.const import DOMAIN

from .conftest import call, entity_action, entity_id, make_entry, set_up, stored

REDACTED = "**REDACTED**"
PAIN_NOTE = "Worse after lifting the groceries"
VISIT_NOTE = "Dr. Meyer adjusted the lower back"
OWN_ITEM = "Magnesium before bed"


# setup_entry comes before hass_client in each signature: the clock must be frozen before
# the client signs its access token, or the token is not valid at the frozen time.


@pytest.fixture
def config_entry() -> MockConfigEntry:
    """Return Alex's entry, linked to a person, with a few options."""
    return make_entry(
        "Alex", "person.alex", exercise_goal=25, max_inversion=20, speakers=["media_player.kitchen"]
    )


@pytest.fixture
async def diagnostics(
    hass: HomeAssistant, setup_entry: MockConfigEntry, hass_client: ClientSessionGenerator
) -> dict[str, Any]:
    """Log minutes, pain, a visit and a checklist item, start a session; download diagnostics."""
    await call(hass, "log_activity", activity="exercise", minutes=30, kind="yoga")
    await call(hass, "log_activity", activity="rest", minutes=10)
    await call(hass, "log_pain", level=4, note=PAIN_NOTE)
    await call(hass, "log_pain", level=2)
    await call(hass, "log_visit", note=VISIT_NOTE)
    checklist = entity_id(hass, setup_entry, "todo", "checklist")
    await entity_action(hass, checklist, "add_item", item=OWN_ITEM)
    await call(hass, "start_session", activity="inversion", duration=15)
    return await get_diagnostics_for_config_entry(hass, hass_client, setup_entry)


async def test_diagnostics_redact_name_and_person(
    hass: HomeAssistant, setup_entry: MockConfigEntry, hass_client: ClientSessionGenerator
) -> None:
    """The entry's name and person are redacted; its options are kept as they are."""
    diagnostics = await get_diagnostics_for_config_entry(hass, hass_client, setup_entry)

    assert diagnostics["entry"] == {
        "data": {"name": REDACTED, "person": REDACTED},
        "options": {
            "exercise_goal": 25,
            "max_inversion": 20,
            "speakers": ["media_player.kitchen"],
        },
    }


async def test_diagnostics_redact_notes_and_keep_numbers(diagnostics: dict[str, Any]) -> None:
    """Notes of pain and visits are redacted; levels, minutes and times stay."""
    assert diagnostics["days_recorded"] == 1
    today = diagnostics["recent_days"]["2026-11-25"]
    assert today["minutes"] == {"exercise": 30, "rest": 10}
    assert today["pain"] == [
        ["2026-11-25T08:00:00+00:00", 4, REDACTED],
        ["2026-11-25T08:00:00+00:00", 2, None],
    ]
    assert today["visits"] == [["2026-11-25T08:00:00+00:00", REDACTED]]


async def test_diagnostics_redact_activity_kinds(diagnostics: dict[str, Any]) -> None:
    """The free-text kinds of logged activities are redacted."""
    assert diagnostics["recent_days"]["2026-11-25"]["kinds"] == REDACTED


async def test_diagnostics_redact_checklist_summaries_and_keep_uids(
    diagnostics: dict[str, Any],
) -> None:
    """Checklist items keep their ids but not their words, the user's own included."""
    checklist = diagnostics["checklist"]
    assert [item["uid"] for item in checklist[:3]] == ["vitamin_d", "herbal_remedy", "sun"]
    assert len(checklist) == 4
    assert {item["summary"] for item in checklist} == {REDACTED}


async def test_diagnostics_keep_session_and_settings(diagnostics: dict[str, Any]) -> None:
    """The session, durations and switches are reported unredacted."""
    session = diagnostics["session"]
    assert session is not None
    assert session["activity"] == "inversion"
    assert session["planned_minutes"] == 15
    assert diagnostics["durations"] == {"exercise": 20, "stretch": 15, "inversion": 2, "rest": 15}
    assert diagnostics["reminders"] is True
    assert diagnostics["flare_up"] is False


async def test_diagnostics_summary_keeps_numbers_without_the_name(
    diagnostics: dict[str, Any],
) -> None:
    """The seven-day summary keeps goals, minutes and streaks; only the person is redacted."""
    summary = diagnostics["routine_summary"]
    assert isinstance(summary, dict), summary
    assert summary["person"] == REDACTED
    assert summary["goals"] == {"exercise": 25, "rest": 15, "inversion": 15}
    assert summary["today"] == {"exercise": 30, "rest": 10, "inversion": 0}
    assert summary["streaks"]["exercise"] == {"current": 1, "best": 1, "today_met": True}
    assert summary["days"][-1]["pain"] == 3.0


async def test_diagnostics_contain_no_personal_text(diagnostics: dict[str, Any]) -> None:
    """No name, person, note, kind or own checklist text appears anywhere in the download."""
    text = json.dumps(diagnostics)

    for personal in ("Alex", "person.alex", PAIN_NOTE, VISIT_NOTE, OWN_ITEM, "yoga"):
        assert personal not in text, personal


async def test_download_with_open_repair_issues_names_nobody(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    setup_entry: MockConfigEntry,
    config_dir: Path,
    hass_client: ClientSessionGenerator,
) -> None:
    """The whole download, with the repair issues Home Assistant adds, holds no name or path.

    Home Assistant adds every open Back Relief issue to the download, other people's too:
    here Sam's unreadable routine (its copy's path) and Alex's missing speaker.
    """
    sam_key = f"{DOMAIN}.entry_sam"
    hass_storage[sam_key] = stored({"history": {"not-a-date": {}}}, key=sam_key)
    sam = await set_up(hass, make_entry("Sam", "person.sam"))
    alex = setup_entry.entry_id
    await call(hass, "log_pain", config_entry_id=alex, level=4, note=PAIN_NOTE)
    await call(hass, "start_session", config_entry_id=alex, activity="rest", duration=15)
    assert await async_setup_component(hass, "diagnostics", {})

    client = await hass_client()
    response = await client.get(f"/api/diagnostics/config_entry/{alex}")
    assert response.status == HTTPStatus.OK
    download = await response.json()

    issues = {issue["issue_id"] for issue in download["issues"]}
    assert f"storage_unreadable_{sam.entry_id}" in issues
    assert f"speaker_{alex}_media_player.kitchen" in issues
    text = json.dumps(download)
    for personal in ("Alex", "Sam", "person.alex", "person.sam", PAIN_NOTE, str(config_dir)):
        assert personal not in text, personal
