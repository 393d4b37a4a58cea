"""Back Relief's triggers in real automations, written as a user writes them.

Each automation calls ``test.ran`` with what its trigger told; the routine is
driven through Back Relief's actions and clock, and every automation must have
run exactly when it should, also after a reload and a restart of the person.
"""

from __future__ import annotations

from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.helpers import area_registry as ar, device_registry as dr
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_mock_service

from .conftest import (
    PERSON,
    SATELLITE,
    AskingSatellite,
    advance,
    call,
    current,
    make_entry,
    move_to,
    reload,
    restart,
    set_up,
)

# What each automation passes on of its trigger's variables.
TOLD = {
    "person": "{{ trigger.person }}",
    "activity": "{{ trigger.activity }}",
    "how": "{{ trigger.how }}",
    "minutes": "{{ trigger.minutes }}",
    "goal": "{{ trigger.goal }}",
    "level": "{{ trigger.level }}",
    "outcome": "{{ trigger.outcome }}",
    "answer": "{{ trigger.answer }}",
    "reminder": "{{ trigger.reminder }}",
}


def automation(name: str, trigger: dict[str, Any]) -> dict[str, Any]:
    """Return an automation that reports its runs to test.ran, under a name."""
    return {
        "alias": name,
        "triggers": [trigger],
        "actions": [{"action": "test.ran", "data": {"automation": name, **TOLD}}],
    }


async def set_up_automations(
    hass: HomeAssistant, *automations: dict[str, Any]
) -> list[ServiceCall]:
    """Set up the automation component with these automations; return the runs' calls."""
    runs = async_mock_service(hass, "test", "ran")
    assert await async_setup_component(hass, "automation", {"automation": list(automations)})
    await hass.async_block_till_done()
    return runs


def ran(runs: list[ServiceCall], *keys: str) -> list[tuple[Any, ...]]:
    """Return each run as (automation, and the keys asked for), then forget them."""
    told = [(call.data["automation"], *(call.data[key] for key in keys)) for call in runs]
    runs.clear()
    return told


def device_of(hass: HomeAssistant, entry: MockConfigEntry) -> str:
    """Return the id of a person's Back Relief device."""
    (device,) = dr.async_entries_for_config_entry(dr.async_get(hass), entry.entry_id)
    return device.id


async def test_session_started_and_ended(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory, setup_entry: MockConfigEntry
) -> None:
    """Each trigger runs for its sessions and its kind of ending, and for nothing else."""
    runs = await set_up_automations(
        hass,
        automation("any start", {"trigger": "back_relief.session_started"}),
        automation(
            "rest start",
            {"trigger": "back_relief.session_started", "options": {"activities": ["rest"]}},
        ),
        automation("any end", {"trigger": "back_relief.session_ended"}),
        automation(
            "stopped or cancelled",
            {"trigger": "back_relief.session_ended", "options": {"how": ["stopped", "cancelled"]}},
        ),
        automation(
            "inversion finished",
            {
                "trigger": "back_relief.session_ended",
                "options": {"activities": "inversion", "how": "finished"},
            },
        ),
    )

    await call(hass, "start_session", activity="exercise", duration=20)
    assert ran(runs, "person", "activity") == [("any start", "Alex", "exercise")]
    await call(hass, "pause_session")
    await call(hass, "resume_session")
    await call(hass, "extend_session", minutes=5)
    assert ran(runs) == []
    await advance(hass, frozen_time, minutes=7)
    await call(hass, "stop_session")
    assert ran(runs, "activity", "how", "minutes") == [
        ("any end", "exercise", "stopped", 7),
        ("stopped or cancelled", "exercise", "stopped", 7),
    ]

    await call(hass, "start_session", activity="rest")
    assert ran(runs, "activity") == [("any start", "rest"), ("rest start", "rest")]
    await call(hass, "cancel_session")
    assert ran(runs, "how", "minutes") == [
        ("any end", "cancelled", 0),
        ("stopped or cancelled", "cancelled", 0),
    ]

    await reload(hass, setup_entry)
    await call(hass, "start_session", activity="inversion", duration=10)
    assert ran(runs) == [("any start",)]
    await advance(hass, frozen_time, minutes=10)
    assert ran(runs, "activity", "how", "minutes") == [
        ("any end", "inversion", "finished", 10),
        ("inversion finished", "inversion", "finished", 10),
    ]

    # A session that ended while Home Assistant was down ends at start-up, as finished.
    await call(hass, "start_session", activity="inversion", duration=10)
    assert ran(runs) == [("any start",)]
    await restart(hass, frozen_time, setup_entry, minutes=30)
    assert ran(runs, "how", "minutes") == [
        ("any end", "finished", 10),
        ("inversion finished", "finished", 10),
    ]


async def test_a_target_narrows_to_its_people(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory
) -> None:
    """A trigger targeting Sam's device runs for Sam only; one without a target for both."""
    alex = await set_up(hass, make_entry("Alex"))
    sam = await set_up(hass, make_entry("Sam"))
    runs = await set_up_automations(
        hass,
        automation("everyone", {"trigger": "back_relief.session_started"}),
        automation(
            "Sam",
            {
                "trigger": "back_relief.session_started",
                "target": {"device_id": device_of(hass, sam)},
            },
        ),
    )
    await call(hass, "start_session", activity="rest", config_entry_id=alex.entry_id)
    assert ran(runs, "person") == [("everyone", "Alex")]
    await call(hass, "start_session", activity="rest", config_entry_id=sam.entry_id)
    assert ran(runs, "person") == [("everyone", "Sam"), ("Sam", "Sam")]

    # After a reload Sam is still the one the target names.
    await reload(hass, sam)
    await call(hass, "cancel_session", config_entry_id=sam.entry_id)
    await call(hass, "start_session", activity="exercise", config_entry_id=sam.entry_id)
    assert ran(runs, "person") == [("everyone", "Sam"), ("Sam", "Sam")]


async def test_goal_met_once_a_day_at_the_change_that_meets_it(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory
) -> None:
    """Exercise's goal of 20 is met by the minutes that reach it, once a day."""
    entry = await set_up(hass, make_entry(exercise_goal=20, rest_goal=15))
    runs = await set_up_automations(
        hass,
        automation("any goal", {"trigger": "back_relief.goal_met"}),
        automation(
            "rest goal", {"trigger": "back_relief.goal_met", "options": {"goals": ["rest"]}}
        ),
    )
    await call(hass, "log_activity", activity="exercise", minutes=15)
    await call(hass, "log_pain", level=3)
    assert ran(runs) == []
    # Stretching counts as exercise: 5 more minutes meet the goal.
    await call(hass, "start_session", activity="stretch", duration=5)
    await advance(hass, frozen_time, minutes=5)
    assert ran(runs, "goal", "minutes") == [("any goal", "exercise", 20)]
    await call(hass, "log_activity", activity="exercise", minutes=10)
    assert ran(runs) == []

    # Met before a reload and a restart is not met again by them, nor by more minutes.
    await reload(hass, entry)
    await restart(hass, frozen_time, entry, minutes=1)
    await call(hass, "log_activity", activity="exercise", minutes=10)
    assert ran(runs) == []

    await call(hass, "start_session", activity="rest", duration=15)
    await advance(hass, frozen_time, minutes=15)
    assert ran(runs, "goal") == [("any goal", "rest"), ("rest goal", "rest")]

    # The next day starts with no goal met.
    await move_to(hass, frozen_time, "2026-11-26T09:00:00+01:00")
    assert ran(runs) == []
    await call(hass, "log_activity", activity="exercise", minutes=20)
    assert ran(runs, "goal") == [("any goal", "exercise")]


async def test_pain_logged_at_or_above_a_level(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory, setup_entry: MockConfigEntry
) -> None:
    """Every level runs the plain trigger; only 6 and more run the one with a level."""
    runs = await set_up_automations(
        hass,
        automation("any level", {"trigger": "back_relief.pain_logged"}),
        automation("6 or more", {"trigger": "back_relief.pain_logged", "options": {"level": 6}}),
    )
    await call(hass, "log_pain", level=3)
    assert ran(runs, "level") == [("any level", 3)]
    await advance(hass, frozen_time, minutes=1)
    await call(hass, "log_pain", level=6)
    assert ran(runs, "level") == [("any level", 6), ("6 or more", 6)]
    # Logging something else is no pain entry.
    await call(hass, "log_activity", activity="rest", minutes=5)
    await call(hass, "log_visit")
    assert ran(runs) == []

    await reload(hass, setup_entry)
    await restart(hass, frozen_time, setup_entry, minutes=1)
    assert ran(runs) == []
    await call(hass, "log_pain", level=8)
    assert ran(runs, "level") == [("any level", 8), ("6 or more", 8)]


async def test_check_in_answered_or_unanswered(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory, satellite: AskingSatellite
) -> None:
    """An answer runs the answered trigger; silence the unanswered one; both the plain one."""
    entry = await set_up(hass, make_entry(person=PERSON, speakers=[SATELLITE]))
    runs = await set_up_automations(
        hass,
        automation("any", {"trigger": "back_relief.check_in"}),
        automation(
            "answered", {"trigger": "back_relief.check_in", "options": {"outcome": "answered"}}
        ),
        automation(
            "unanswered", {"trigger": "back_relief.check_in", "options": {"outcome": "unanswered"}}
        ),
    )
    satellite.replies = ["about a 4"]
    await call(hass, "check_in")
    assert ran(runs, "outcome", "answer") == [("any", "answered", 4), ("answered", "answered", 4)]

    await reload(hass, entry)
    satellite.replies = [None, None]
    await call(hass, "check_in")
    assert ran(runs, "outcome", "answer") == [
        ("any", "unanswered", None),
        ("unanswered", "unanswered", None),
    ]


async def test_reminder_of_the_chosen_kinds(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory
) -> None:
    """The exercise reminder runs the plain trigger and the exercise one, not the rest one."""
    await set_up(hass, make_entry(reminder_exercise="10:00:00", reminder_rest="11:00:00"))
    runs = await set_up_automations(
        hass,
        automation("any", {"trigger": "back_relief.reminder"}),
        automation(
            "exercise", {"trigger": "back_relief.reminder", "options": {"reminders": ["exercise"]}}
        ),
    )
    await move_to(hass, frozen_time, "2026-11-25T10:00:00+01:00")
    assert ran(runs, "reminder") == [("any", "exercise"), ("exercise", "exercise")]
    await move_to(hass, frozen_time, "2026-11-25T11:00:00+01:00")
    assert ran(runs, "reminder") == [("any", "rest")]


@pytest.mark.parametrize(
    ("trigger", "options"),
    [
        ("back_relief.session_started", {"activities": ["yoga"]}),
        ("back_relief.session_ended", {"how": ["interrupted"]}),
        ("back_relief.goal_met", {"goals": ["stretch"]}),
        ("back_relief.pain_logged", {"level": 11}),
        ("back_relief.check_in", {"outcome": "maybe"}),
        ("back_relief.session_begun", {}),
    ],
)
async def test_a_trigger_written_wrong_is_refused(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    trigger: str,
    options: dict[str, Any],
) -> None:
    """An automation with a wrong option or trigger name is not set up."""
    await set_up_automations(hass, automation("wrong", {"trigger": trigger, "options": options}))
    assert current(hass, "automation.wrong").state == "unavailable"


async def test_a_target_by_area_follows_the_device(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory
) -> None:
    """A trigger for the bedroom runs for the person whose device is there, read at each event."""
    alex = await set_up(hass, make_entry("Alex"))
    sam = await set_up(hass, make_entry("Sam"))
    bedroom = ar.async_get(hass).async_create("Bedroom")
    devices = dr.async_get(hass)
    devices.async_update_device(device_of(hass, sam), area_id=bedroom.id)
    runs = await set_up_automations(
        hass,
        automation(
            "bedroom",
            {"trigger": "back_relief.session_started", "target": {"area_id": bedroom.id}},
        ),
    )
    await call(hass, "start_session", activity="rest", config_entry_id=alex.entry_id)
    await call(hass, "start_session", activity="rest", config_entry_id=sam.entry_id)
    assert ran(runs, "person") == [("bedroom", "Sam")]

    # Alex's device moves into the bedroom too: the automation follows without a reload.
    devices.async_update_device(device_of(hass, alex), area_id=bedroom.id)
    await call(hass, "cancel_session", config_entry_id=alex.entry_id)
    await call(hass, "start_session", activity="exercise", config_entry_id=alex.entry_id)
    assert ran(runs, "person") == [("bedroom", "Alex")]
