"""Tests for a person's settings: every option, its default and its type, in one place."""

from __future__ import annotations

from datetime import time

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.back_relief.routine.day import Goal
from custom_components.back_relief.routine.plan import PlanSettings
from custom_components.back_relief.routine.settings import NotifyTargets, Settings

from .conftest import call, make_entry, set_up

# What the options form showed as defaults before the settings were typed (const.DEFAULT_OPTIONS).
DEFAULTS_AS_STORED = {
    "exercise_goal": 20,
    "rest_goal": 15,
    "inversion_goal": 15,
    "max_inversion": 30,
    "inversion_start_minutes": 2,
    "inversion_step_minutes": 1,
    "speakers": [],
    "rest_lights": [],
    "rest_brightness": 20,
    "quiet_start": "22:00:00",
    "quiet_end": "07:00:00",
    "only_when_home": True,
    "flash_on_inversion_end": False,
    "routines": [],
    "reminder_visit": "18:00:00",
    "checkin_after_session": False,
    "notify_devices": [],
    # The house notices (added with the signs).
    "sign_start_seconds": 20,
    "sign_stop_seconds": 60,
    "exercise_tags": [],
    "stretch_tags": [],
    "inversion_tags": [],
    "rest_tags": [],
}


def test_no_options_are_the_defaults_of_the_product() -> None:
    """Goals 20, 15, 15; a 30-minute cap; quiet from 22:00 to 07:00; remind only at home."""
    settings = Settings.from_options({})
    assert settings == Settings()
    assert settings.goals == {Goal.EXERCISE: 20, Goal.REST: 15, Goal.INVERSION: 15}
    assert settings.max_inversion == 30
    assert (settings.quiet_start, settings.quiet_end) == (time(22), time(7))
    assert settings.rest_brightness == 20
    assert settings.only_when_home is True
    assert settings.flash_on_inversion_end is False
    assert settings.speakers == ()
    assert settings.tts_entity is None
    assert settings.reminder_times == {"visit": time(18)}


def test_the_options_form_shows_the_same_defaults_as_before() -> None:
    """Each default in the form the options keep it, as the options form suggests it."""
    assert Settings.default_options() == DEFAULTS_AS_STORED


def test_options_are_read_into_their_types() -> None:
    """Times become times, lists tuples, numbers numbers; reminders by kind."""
    settings = Settings.from_options(
        {
            "exercise_goal": 30.0,
            "speakers": ["media_player.kitchen"],
            "quiet_start": "21:30:00",
            "reminder_exercise": "18:00:00",
            "reminder_rest": "",
            "checkin_time": "09:15:00",
            "routines": [
                {"key": "mine", "name": "Mine", "steps": [{"name": "Cat", "seconds": 60}]}
            ],
        }
    )
    assert settings.exercise_goal == 30
    assert settings.goal_minutes(Goal.EXERCISE) == 30
    assert settings.speakers == ("media_player.kitchen",)
    assert settings.quiet_start == time(21, 30)
    assert settings.checkin_time == time(9, 15)
    assert settings.reminder_times == {"exercise": time(18), "visit": time(18)}
    assert [routine.key for routine in settings.routines] == ["mine"]


def test_a_cleared_option_is_off_and_a_cleared_number_its_default() -> None:
    """The visit reminder, on by default, is off when cleared; a number can't be off."""
    settings = Settings.from_options(
        {"reminder_visit": None, "max_inversion": None, "only_when_home": None, "speakers": None}
    )
    assert settings.reminder_visit is None
    assert settings.reminder_times == {}
    assert settings.max_inversion == 30
    assert settings.only_when_home is False
    assert settings.speakers == ()


def test_the_plan_comes_from_the_options() -> None:
    """The plan reads its start and step, the inversion goal and the cap from the options."""
    options = {
        "inversion_start_minutes": 3,
        "inversion_step_minutes": 2,
        "inversion_goal": 12,
        "max_inversion": 20,
    }
    assert Settings.from_options(options).plan == PlanSettings(3, 2, 12, 20)


async def test_the_settings_follow_every_update_of_the_options(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory
) -> None:
    """Built once per update: a new goal shows at once in the summary, without a reload."""
    entry: MockConfigEntry = await set_up(hass, make_entry(exercise_goal=25))
    summary = await call(hass, "get_summary", days=1)
    assert summary is not None
    assert summary["goals"]["exercise"] == 25

    hass.config_entries.async_update_entry(entry, options={"exercise_goal": 40})
    await hass.async_block_till_done()

    summary = await call(hass, "get_summary", days=1)
    assert summary is not None
    assert summary["goals"]["exercise"] == 40
    assert entry.runtime_data.coordinator.reader.settings.exercise_goal == 40


def test_both_notify_options_are_read_into_one_setting() -> None:
    """The notify entity and the phones, two option keys kept for existing users, one setting."""
    settings = Settings.from_options(
        {"notify_entity": "notify.alex", "notify_devices": ["phone_device"]}
    )
    assert settings.notify == NotifyTargets(entity="notify.alex", devices=("phone_device",))
    assert Settings().notify == NotifyTargets()
