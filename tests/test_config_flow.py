"""Tests for Back Relief's config, options and reconfigure flows."""

from __future__ import annotations

import ast
from http import HTTPStatus
from pathlib import Path
import sys
from typing import Any
from unittest.mock import patch

from homeassistant.components.assist_satellite import AssistSatelliteEntityFeature
from homeassistant.components.media_player import MediaPlayerEntityFeature
from homeassistant.config_entries import SOURCE_USER, ConfigEntryState
from homeassistant.const import CONF_NAME
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType, InvalidData
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import device_registry as dr, selector
from homeassistant.helpers.translation import async_get_translations
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

from custom_components.back_relief import config_flow
from custom_components.back_relief.const import CONF_PERSON, DOMAIN

from .conftest import call, entity_id, make_entry, set_up, state

pytestmark = pytest.mark.usefixtures("frozen_time")

GOALS = {"exercise_goal": 25.0, "rest_goal": 10.0, "inversion_goal": 20.0, "max_inversion": 45.0}
ANNOUNCEMENTS = {
    "speakers": ["media_player.kitchen", "assist_satellite.bedroom"],
    "tts_entity": "tts.piper",
    "quiet_start": "21:30:00",
    "quiet_end": "08:00:00",
    "reminder_exercise": "18:00:00",
    "reminder_inversion": "19:00:00",
    "reminder_rest": "20:00:00",
    "only_when_home": False,
}
CARE = {
    "reminder_visit": "19:30:00",
    "reminder_sun": "12:00:00",
    "weather_entity": "weather.home",
    "weekly_summary": "notify",
    "notify_entity": "notify.alex_phone",
}
LIGHTS = {
    "rest_lights": ["light.living_room", "light.bedroom"],
    "rest_brightness": 35.0,
    "flash_on_inversion_end": True,
}


async def _start_user_flow(hass: HomeAssistant) -> dict[str, Any]:
    """Open the user step of a new flow."""
    return await hass.config_entries.flow.async_init(DOMAIN, context={"source": SOURCE_USER})


async def _options_step(
    hass: HomeAssistant, entry: MockConfigEntry, step: str, user_input: dict[str, Any]
) -> dict[str, Any]:
    """Pick a menu entry of the options flow and submit its form."""
    result = await hass.config_entries.options.async_init(entry.entry_id)
    assert result["type"] is FlowResultType.MENU
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": step}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == step
    result = await hass.config_entries.options.async_configure(result["flow_id"], user_input)
    await hass.async_block_till_done()
    return result


# ----- user step -----


async def test_user_step_creates_entry_with_stripped_name_and_person(
    hass: HomeAssistant,
) -> None:
    """The user step creates an entry titled by the trimmed name, with the person."""
    result = await _start_user_flow(hass)
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "user"
    assert result["errors"] == {}

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_NAME: "  Alex  ", CONF_PERSON: "person.alex"}
    )
    await hass.async_block_till_done()

    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["title"] == "Alex"
    assert result["data"] == {CONF_NAME: "Alex", CONF_PERSON: "person.alex"}
    entry = result["result"]
    assert entry.unique_id == "person.alex"
    assert entry.state is ConfigEntryState.LOADED
    assert hass.states.get("sensor.alex_exercise_streak").state == "0"


async def test_user_step_without_person_stores_only_the_name(hass: HomeAssistant) -> None:
    """The person is optional; leaving it out stores no person key at all."""
    result = await _start_user_flow(hass)
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {CONF_NAME: "Alex"})
    await hass.async_block_till_done()

    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["data"] == {CONF_NAME: "Alex"}
    assert result["result"].unique_id == "alex"


async def test_user_step_description_carries_the_safety_note(hass: HomeAssistant) -> None:
    """The form's translated description warns who should not use an inversion table."""
    translations = await async_get_translations(hass, "en", "config", {DOMAIN})
    description = translations[f"component.{DOMAIN}.config.step.user.description"]

    for condition in ("high blood pressure", "glaucoma", "heart disease", "pregnan", "doctor"):
        assert condition in description, condition


@pytest.mark.parametrize(
    ("person", "user_input"),
    [
        (None, {CONF_NAME: "alex"}),
        (None, {CONF_NAME: "ALEX"}),
        (None, {CONF_NAME: "  Alex "}),
        (None, {CONF_NAME: "Alex", CONF_PERSON: "person.alex"}),
        ("person.alex", {CONF_NAME: "Sam", CONF_PERSON: "person.alex"}),
        ("person.alex", {CONF_NAME: "alex"}),
    ],
    ids=[
        "name_lower_case",
        "name_upper_case",
        "name_with_spaces",
        "name_now_with_a_person",
        "person",
        "name_of_an_entry_with_a_person",
    ],
)
async def test_user_step_aborts_on_a_name_or_person_already_configured(
    hass: HomeAssistant, person: str | None, user_input: dict[str, str]
) -> None:
    """The same name (in any case, with spaces around it) or person can't be added twice."""
    make_entry("Alex", person).add_to_hass(hass)

    result = await _start_user_flow(hass)
    result = await hass.config_entries.flow.async_configure(result["flow_id"], user_input)

    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "already_configured"
    assert len(hass.config_entries.async_entries(DOMAIN)) == 1


async def test_user_step_allows_a_second_person(hass: HomeAssistant) -> None:
    """A different name and person make a second entry beside the first."""
    make_entry("Alex", "person.alex").add_to_hass(hass)

    result = await _start_user_flow(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_NAME: "Sam", CONF_PERSON: "person.sam"}
    )
    await hass.async_block_till_done()

    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["data"] == {CONF_NAME: "Sam", CONF_PERSON: "person.sam"}
    assert len(hass.config_entries.async_entries(DOMAIN)) == 2


@pytest.mark.parametrize("blank", ["", "   "])
async def test_user_step_blank_name_shows_error_then_creates_entry(
    hass: HomeAssistant, blank: str
) -> None:
    """A blank name asks again with name_required; a real name then creates the entry."""
    result = await _start_user_flow(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_NAME: blank, CONF_PERSON: "person.alex"}
    )

    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "user"
    assert result["errors"] == {CONF_NAME: "name_required"}

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_NAME: "Alex", CONF_PERSON: "person.alex"}
    )
    await hass.async_block_till_done()

    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["title"] == "Alex"
    assert result["data"] == {CONF_NAME: "Alex", CONF_PERSON: "person.alex"}


# ----- options flow -----


async def test_options_flow_offers_a_menu_of_groups(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """The options flow opens with a menu of the option groups."""
    result = await hass.config_entries.options.async_init(setup_entry.entry_id)

    assert result["type"] is FlowResultType.MENU
    assert result["step_id"] == "init"
    assert list(result["menu_options"]) == [
        "goals",
        "announcements",
        "lights",
        "care",
        "checkins",
        "routines",
        "signs",
        "tags",
    ]


async def test_options_goals_form_suggests_the_defaults(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """With no options stored, the goals form suggests the contract's defaults."""
    result = await hass.config_entries.options.async_init(setup_entry.entry_id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": "goals"}
    )

    suggested = {
        str(key): key.description["suggested_value"] for key in result["data_schema"].schema
    }
    assert suggested == {
        "exercise_goal": 20,
        "rest_goal": 15,
        "inversion_goal": 15,
        "max_inversion": 30,
        "inversion_start_minutes": 2,
        "inversion_step_minutes": 1,
    }


@pytest.mark.parametrize(
    ("step", "user_input", "stored"),
    [
        (
            "goals",
            GOALS,
            {"exercise_goal": 25, "rest_goal": 10, "inversion_goal": 20, "max_inversion": 45},
        ),
        ("announcements", ANNOUNCEMENTS, ANNOUNCEMENTS),
        ("care", CARE, CARE),
        (
            "lights",
            LIGHTS,
            {
                "rest_lights": ["light.living_room", "light.bedroom"],
                "rest_brightness": 35,
                "flash_on_inversion_end": True,
            },
        ),
        (
            "checkins",
            {"checkin_time": "20:00:00", "checkin_after_session": True, "notify_devices": ["d1"]},
            {"checkin_time": "20:00:00", "checkin_after_session": True, "notify_devices": ["d1"]},
        ),
    ],
    ids=["goals", "announcements", "care", "lights", "checkins"],
)
async def test_options_step_stores_its_keys(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    step: str,
    user_input: dict[str, Any],
    stored: dict[str, Any],
) -> None:
    """Each step stores its options under the contract keys; goals and brightness as ints."""
    result = await _options_step(hass, setup_entry, step, user_input)

    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert setup_entry.options == stored
    # 25 == 25.0: compare the types too, so whole minutes are stored as int.
    assert {key: type(value) for key, value in setup_entry.options.items()} == {
        key: type(value) for key, value in stored.items()
    }


async def _speaker_picker(
    hass: HomeAssistant, entry: MockConfigEntry, hass_client: ClientSessionGenerator
) -> dict[str, Any]:
    """Open the announcements step through the REST API the options dialog uses."""
    assert await async_setup_component(hass, "config", {})
    client = await hass_client()
    path = "/api/config/config_entries/options/flow"
    flow = await (await client.post(path, json={"handler": entry.entry_id})).json()
    response = await client.post(
        f"{path}/{flow['flow_id']}", json={"next_step_id": "announcements"}
    )
    assert response.status == HTTPStatus.OK
    form = await response.json()
    picker: dict[str, Any] = next(
        field["selector"]["entity"] for field in form["data_schema"] if field["name"] == "speakers"
    )
    return picker


async def test_options_offer_only_speakers_that_can_speak(
    hass: HomeAssistant, setup_entry: MockConfigEntry, hass_client: ClientSessionGenerator
) -> None:
    """The speaker picker the frontend gets lists only players and satellites that speak.

    Media players must play media, satellites must announce.
    """
    picker = await _speaker_picker(hass, setup_entry, hass_client)

    assert picker["multiple"] is True
    assert picker["filter"] == [
        {"domain": ["media_player"], "supported_features": [MediaPlayerEntityFeature.PLAY_MEDIA]},
        {
            "domain": ["assist_satellite"],
            "supported_features": [AssistSatelliteEntityFeature.ANNOUNCE],
        },
    ]


async def test_options_open_while_satellites_cannot_be_imported(
    hass: HomeAssistant, setup_entry: MockConfigEntry, hass_client: ClientSessionGenerator
) -> None:
    """Before Assist's requirements are installed, the speakers step still opens.

    Satellites can't exist then, so they are offered by domain alone; media players
    keep their filter.
    """
    # Home Assistant caches the feature names it resolved; forget them around the test.
    selector._entity_feature_flag.cache_clear()
    try:
        with patch.dict(sys.modules, {"homeassistant.components.assist_satellite": None}):
            picker = await _speaker_picker(hass, setup_entry, hass_client)
    finally:
        selector._entity_feature_flag.cache_clear()

    assert picker["filter"] == [
        {"domain": ["media_player"], "supported_features": [MediaPlayerEntityFeature.PLAY_MEDIA]},
        {"domain": ["assist_satellite"]},
    ]


async def test_options_steps_keep_the_other_steps_keys(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """Saving one group leaves the options of the other groups as they were."""
    await _options_step(hass, setup_entry, "goals", GOALS)
    await _options_step(hass, setup_entry, "announcements", ANNOUNCEMENTS)
    await _options_step(hass, setup_entry, "lights", LIGHTS)
    await _options_step(hass, setup_entry, "goals", {**GOALS, "exercise_goal": 40})

    assert setup_entry.options == {
        "exercise_goal": 40,
        "rest_goal": 10,
        "inversion_goal": 20,
        "max_inversion": 45,
        **ANNOUNCEMENTS,
        "rest_lights": ["light.living_room", "light.bedroom"],
        "rest_brightness": 35,
        "flash_on_inversion_end": True,
    }


async def test_options_reminder_left_empty_is_removed(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """A reminder left empty is absent from the options, not stored as empty."""
    await _options_step(hass, setup_entry, "announcements", ANNOUNCEMENTS)

    without_exercise_reminder = {
        key: value for key, value in ANNOUNCEMENTS.items() if key != "reminder_exercise"
    }
    result = await _options_step(hass, setup_entry, "announcements", without_exercise_reminder)

    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert "reminder_exercise" not in setup_entry.options
    assert setup_entry.options["reminder_inversion"] == "19:00:00"
    assert setup_entry.options["reminder_rest"] == "20:00:00"


async def test_options_empty_speakers_and_lights_are_absent(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """Clearing the speakers, the engine or the lights removes those keys."""
    await _options_step(hass, setup_entry, "announcements", ANNOUNCEMENTS)
    await _options_step(hass, setup_entry, "lights", LIGHTS)

    await _options_step(
        hass,
        setup_entry,
        "announcements",
        {
            "speakers": [],
            "quiet_start": "22:00:00",
            "quiet_end": "07:00:00",
            "only_when_home": True,
        },
    )
    await _options_step(
        hass,
        setup_entry,
        "lights",
        {"rest_lights": [], "rest_brightness": 20, "flash_on_inversion_end": False},
    )

    assert setup_entry.options == {
        "quiet_start": "22:00:00",
        "quiet_end": "07:00:00",
        "only_when_home": True,
        "rest_brightness": 20,
        "flash_on_inversion_end": False,
    }


async def test_options_max_inversion_above_60_is_rejected(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """An inversion cap above 60 minutes is refused; 60 is then accepted."""
    result = await hass.config_entries.options.async_init(setup_entry.entry_id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": "goals"}
    )

    with pytest.raises(InvalidData) as raised:
        await hass.config_entries.options.async_configure(
            result["flow_id"], {**GOALS, "max_inversion": 61}
        )
    assert "max_inversion" in raised.value.schema_errors
    assert setup_entry.options == {}

    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {**GOALS, "max_inversion": 60}
    )
    await hass.async_block_till_done()

    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert setup_entry.options["max_inversion"] == 60


async def test_options_change_takes_effect_without_reload(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """Raising the exercise goal updates goal and streak at once; a session keeps running."""
    await call(hass, "log_activity", activity="exercise", minutes=20)
    await call(hass, "start_session", activity="rest", duration=15)
    today_id = entity_id(hass, setup_entry, "sensor", "exercise_today")
    streak_id = entity_id(hass, setup_entry, "sensor", "exercise_streak")
    session_id = entity_id(hass, setup_entry, "sensor", "session")
    assert today_id == "sensor.alex_exercise_today"
    assert hass.states.get(today_id).attributes["goal"] == 20
    assert hass.states.get(streak_id).state == "1"
    assert hass.states.get(streak_id).attributes["today_met"] is True
    session_before = hass.states.get(session_id)
    assert session_before.state == "rest"
    coordinator = setup_entry.runtime_data

    result = await _options_step(hass, setup_entry, "goals", {**GOALS, "exercise_goal": 30})

    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert hass.states.get(today_id).state == "20"
    assert hass.states.get(today_id).attributes["goal"] == 30
    assert hass.states.get(streak_id).state == "0"
    assert hass.states.get(streak_id).attributes["today_met"] is False
    # Not reloaded: the same runtime data, the same running session.
    assert setup_entry.state is ConfigEntryState.LOADED
    assert setup_entry.runtime_data is coordinator
    session_after = hass.states.get(session_id)
    assert session_after.state == "rest"
    assert session_after.attributes == session_before.attributes
    assert session_after.attributes["status"] == "running"


async def test_options_lowered_inversion_cap_applies_at_once(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """A lowered max_inversion refuses a longer inversion right after saving."""
    await _options_step(hass, setup_entry, "goals", {**GOALS, "max_inversion": 10})

    with pytest.raises(ServiceValidationError) as raised:
        await call(hass, "start_session", activity="inversion", duration=15)
    assert raised.value.translation_key == "duration_out_of_range"
    assert state(hass, setup_entry, "sensor", "session") == "idle"


# ----- reconfigure flow -----


async def test_reconfigure_changes_name_and_person_and_reloads(
    hass: HomeAssistant, setup_entry: MockConfigEntry, device_registry: dr.DeviceRegistry
) -> None:
    """Reconfigure stores the new name and person, reloads, and renames the device."""
    coordinator = setup_entry.runtime_data
    result = await setup_entry.start_reconfigure_flow(hass)
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "reconfigure"

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_NAME: " Sam ", CONF_PERSON: "person.sam"}
    )
    await hass.async_block_till_done()

    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reconfigure_successful"
    assert setup_entry.data == {CONF_NAME: "Sam", CONF_PERSON: "person.sam"}
    assert setup_entry.unique_id == "person.sam"
    assert setup_entry.title == "Sam"
    assert setup_entry.state is ConfigEntryState.LOADED
    assert setup_entry.runtime_data is not coordinator
    devices = dr.async_entries_for_config_entry(device_registry, setup_entry.entry_id)
    assert [device.name for device in devices] == ["Sam"]
    assert devices[0].identifiers == {(DOMAIN, setup_entry.entry_id)}


async def test_reconfigure_reload_uses_no_deprecated_path(
    hass: HomeAssistant, setup_entry: MockConfigEntry, caplog: pytest.LogCaptureFixture
) -> None:
    """Reconfigure reloads without Home Assistant's update-listener deprecation report.

    Home Assistant 2026.12 stops reloading from the flow when the entry has an update
    listener; the reload must not depend on that path.
    """
    result = await setup_entry.start_reconfigure_flow(hass)
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {CONF_NAME: "Sam"})
    await hass.async_block_till_done()

    assert result["reason"] == "reconfigure_successful"
    assert "update listener" not in caplog.text


async def test_reconfigure_can_remove_the_person(
    hass: HomeAssistant,
) -> None:
    """Leaving the person out on reconfigure unlinks it."""
    entry = await set_up(hass, make_entry("Alex", "person.alex"))

    result = await entry.start_reconfigure_flow(hass)
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {CONF_NAME: "Alex"})
    await hass.async_block_till_done()

    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reconfigure_successful"
    assert entry.data == {CONF_NAME: "Alex"}
    assert entry.unique_id == "alex"


async def test_reconfigure_keeps_own_name_in_another_case(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """The entry's own name doesn't count as taken: "ALEX" is allowed for Alex."""
    result = await setup_entry.start_reconfigure_flow(hass)
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {CONF_NAME: "ALEX"})
    await hass.async_block_till_done()

    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reconfigure_successful"
    assert setup_entry.data == {CONF_NAME: "ALEX"}


@pytest.mark.parametrize(
    "user_input",
    [{CONF_NAME: "sam"}, {CONF_NAME: "Alex", CONF_PERSON: "person.sam"}],
    ids=["name", "person"],
)
async def test_reconfigure_aborts_on_a_name_or_person_of_another_entry(
    hass: HomeAssistant, setup_entry: MockConfigEntry, user_input: dict[str, str]
) -> None:
    """Taking the name or linking the person of another entry aborts and changes nothing."""
    make_entry("Sam", "person.sam").add_to_hass(hass)

    result = await setup_entry.start_reconfigure_flow(hass)
    result = await hass.config_entries.flow.async_configure(result["flow_id"], user_input)

    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "already_configured"
    assert setup_entry.data == {CONF_NAME: "Alex"}
    assert setup_entry.unique_id == "alex"
    assert setup_entry.title == "Alex"


async def test_reconfigure_blank_name_shows_error_then_succeeds(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """A blank name asks again with name_required; a real name then completes."""
    result = await setup_entry.start_reconfigure_flow(hass)
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {CONF_NAME: "  "})

    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "reconfigure"
    assert result["errors"] == {CONF_NAME: "name_required"}

    result = await hass.config_entries.flow.async_configure(result["flow_id"], {CONF_NAME: "Sam"})
    await hass.async_block_till_done()

    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reconfigure_successful"
    assert setup_entry.data == {CONF_NAME: "Sam"}


# ----- unique id -----


def test_config_flow_sets_and_checks_a_unique_id() -> None:
    """The flow uses the helpers that core's quality-scale check looks for.

    Like hassfest's unique-config-entry rule, this reads config_flow.py and looks for
    calls of async_set_unique_id and _abort_if_unique_id_configured.
    """
    source = Path(config_flow.__file__).read_text("utf-8")
    called = {
        node.func.attr
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
    }

    assert {"async_set_unique_id", "_abort_if_unique_id_configured"} <= called


@pytest.mark.parametrize(
    ("data", "unique_id", "same"),
    [
        (
            {CONF_NAME: "Alex", CONF_PERSON: "person.alex"},
            "person.alex",
            {CONF_NAME: "Kim", CONF_PERSON: "person.alex"},
        ),
        ({CONF_NAME: " Alex  Smith "}, "alex smith", {CONF_NAME: "ALEX SMITH"}),
    ],
    ids=["person", "name"],
)
async def test_an_entry_from_before_unique_ids_gets_one(
    hass: HomeAssistant, data: dict[str, str], unique_id: str, same: dict[str, str]
) -> None:
    """An entry of version 1.1 (no unique id) is migrated to 1.2 with its unique id."""
    entry = MockConfigEntry(domain=DOMAIN, title="Alex", data=data, version=1, minor_version=1)

    await set_up(hass, entry)

    assert entry.state is ConfigEntryState.LOADED
    assert entry.unique_id == unique_id
    assert (entry.version, entry.minor_version) == (1, 2)
    assert entry.data == data

    # The migrated entry refuses a second entry with the same unique id.
    result = await _start_user_flow(hass)
    result = await hass.config_entries.flow.async_configure(result["flow_id"], same)
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "already_configured"


async def test_migration_leaves_a_taken_unique_id_to_its_owner(
    hass: HomeAssistant, caplog: pytest.LogCaptureFixture
) -> None:
    """Two old entries that would share a unique id: the second loads without one."""
    first = MockConfigEntry(domain=DOMAIN, data={CONF_NAME: "Alex"}, minor_version=1)
    second = MockConfigEntry(domain=DOMAIN, data={CONF_NAME: "alex"}, minor_version=1)
    await set_up(hass, first)

    await set_up(hass, second)

    assert first.unique_id == "alex"
    assert second.unique_id is None
    assert second.minor_version == 2
    assert second.state is ConfigEntryState.LOADED
    assert "keeps no unique id" in caplog.text


@pytest.mark.parametrize("step", config_flow.OPTIONS_MENU)
async def test_options_say_whose_they_are(
    hass: HomeAssistant, setup_entry: MockConfigEntry, step: str
) -> None:
    """The menu and every step name the person in their title, in all five languages."""
    result = await hass.config_entries.options.async_init(setup_entry.entry_id)
    assert result["description_placeholders"] == {"name": "Alex"}
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": step}
    )

    assert result["type"] is FlowResultType.FORM
    assert result["description_placeholders"]["name"] == "Alex"
    for language in ("en", "de", "fr", "es", "nl"):
        texts = await async_get_translations(hass, language, "options", [DOMAIN])
        for shown in ("init", step):
            title = texts[f"component.{DOMAIN}.options.step.{shown}.title"]
            assert title.startswith("{name}: "), (language, title)


async def test_a_check_in_nobody_can_ask_is_refused_on_its_field(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """Neither a voice satellite nor a phone: the check-in time is refused, in words."""
    result = await _options_step(
        hass, setup_entry, "checkins", {"checkin_time": "20:00:00", "checkin_after_session": True}
    )

    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {"checkin_time": "checkin_needs_satellite_or_phone"}
    assert setup_entry.options == {}
    # What was entered is shown again, to put right.
    shown = {
        str(key): (key.description or {}).get("suggested_value")
        for key in result["data_schema"].schema
    }
    assert shown["checkin_time"] == "20:00:00"
    for language in ("en", "de", "fr", "es", "nl"):
        texts = await async_get_translations(hass, language, "options", [DOMAIN])
        assert texts[f"component.{DOMAIN}.options.error.checkin_needs_satellite_or_phone"]

    # Without a check-in time, or with a phone, it is taken.
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"checkin_after_session": True}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY


async def test_a_check_in_with_a_voice_satellite_is_taken(
    hass: HomeAssistant, frozen_time: Any
) -> None:
    """A satellite among the speakers can ask: the check-in time is stored."""
    entry = await set_up(hass, make_entry(speakers=["assist_satellite.bedroom"]))

    result = await _options_step(
        hass, entry, "checkins", {"checkin_time": "20:00:00", "checkin_after_session": False}
    )

    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert entry.options["checkin_time"] == "20:00:00"
