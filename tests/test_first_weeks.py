"""A new person's first weeks, through the entities and actions with the freezer.

Days before the person was added are neither met nor missed; while the gentle
plan ramps up, the inversion bar and the inversion streak ask the day's planned
minutes; "goal met" reads the same everywhere (sensors, streaks, get_summary,
the weekly summary and the report).
"""

from __future__ import annotations

from datetime import timedelta

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.button import SERVICE_PRESS
from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from .conftest import advance, attributes, call, entity_action, move_to, state
from .test_trigger import set_up_automations

INVERSION_TODAY = "inversion_today"
START_INVERSION = "button.alex_start_inversion"


async def test_todays_sensors_tell_the_days_goal_whether_met_and_tomorrows(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory, setup_entry: MockConfigEntry
) -> None:
    """The inversion bar asks the plan's 2 minutes, not the goal's 15, and says tomorrow's."""
    inversion = attributes(hass, setup_entry, "sensor", INVERSION_TODAY)
    assert inversion["goal"] == 2
    assert inversion["met"] is False
    # Nothing done yet: tomorrow asks the same 2 (2 minutes done would step it up to 3).
    assert inversion["tomorrow_goal"] == 2
    exercise = attributes(hass, setup_entry, "sensor", "exercise_today")
    assert (exercise["goal"], exercise["met"]) == (20, False)
    assert "tomorrow_goal" not in exercise

    await entity_action(hass, START_INVERSION, SERVICE_PRESS)
    await advance(hass, frozen_time, minutes=2)

    inversion = attributes(hass, setup_entry, "sensor", INVERSION_TODAY)
    assert state(hass, setup_entry, "sensor", INVERSION_TODAY) == "2"
    assert (inversion["goal"], inversion["met"], inversion["tomorrow_goal"]) == (2, True, 3)
    streak = attributes(hass, setup_entry, "sensor", "inversion_streak")
    assert state(hass, setup_entry, "sensor", "inversion_streak") == "1"
    assert streak["today_met"] is True

    # Stretching counts toward exercise, and the bar says met at the goal.
    await call(hass, "log_activity", activity="exercise", minutes=12)
    await call(hass, "log_activity", activity="stretch", minutes=8)
    assert attributes(hass, setup_entry, "sensor", "exercise_today")["met"] is True


async def test_the_inversion_streak_counts_the_plans_minutes_of_each_day(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory, setup_entry: MockConfigEntry
) -> None:
    """Three days of the plan's minutes make a streak of three, past days kept as asked."""
    for day in range(3):
        await move_to(hass, frozen_time, f"2026-11-{25 + day}T09:00:00+01:00")
        goal = attributes(hass, setup_entry, "sensor", INVERSION_TODAY)["goal"]
        # The plan steps up a minute each good day: 2, 3, 4.
        assert goal == 2 + day
        await entity_action(hass, START_INVERSION, SERVICE_PRESS)
        await advance(hass, frozen_time, minutes=goal)

    assert state(hass, setup_entry, "sensor", "inversion_streak") == "3"
    summary = await call(hass, "get_summary", days=3)
    assert summary is not None
    assert summary["streaks"]["inversion"] == {"current": 3, "best": 3, "today_met": True}
    assert [day["met"]["inversion"] for day in summary["days"]] == [True, True, True]

    # The next morning, nothing done yet: the streak still stands, today's bar asks 5.
    await move_to(hass, frozen_time, "2026-11-28T09:00:00+01:00")
    assert state(hass, setup_entry, "sensor", "inversion_streak") == "3"
    assert attributes(hass, setup_entry, "sensor", INVERSION_TODAY)["goal"] == 5


async def test_days_before_the_first_day_are_neither_met_nor_missed(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory, setup_entry: MockConfigEntry
) -> None:
    """get_summary tells the first day; the days before it have no "met" at all."""
    summary = await call(hass, "get_summary", days=3)
    assert summary is not None
    assert summary["first_day"] == "2026-11-25"
    assert [day["met"] for day in summary["days"]] == [
        None,
        None,
        {"exercise": False, "rest": False, "inversion": False},
    ]


async def test_an_earlier_record_moves_the_first_day_back(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory, setup_entry: MockConfigEntry
) -> None:
    """Someone who logs days before they were added keeps them: the first day is the earliest."""
    await call(hass, "log_activity", activity="rest", minutes=15, date="2026-11-23")
    summary = await call(hass, "get_summary", days=3)
    assert summary is not None
    assert summary["first_day"] == "2026-11-23"
    assert [day["met"] and day["met"]["rest"] for day in summary["days"]] == [True, False, False]


async def test_the_weekly_summary_and_the_report_agree_on_the_weeks_pain(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory, setup_entry: MockConfigEntry
) -> None:
    """A day counts once however often pain was logged: the same mean in both."""
    await call(hass, "log_pain", level=2)
    await move_to(hass, frozen_time, "2026-11-26T09:00:00+01:00")
    for level in (8, 8, 8):
        await call(hass, "log_pain", level=level)
        await advance(hass, frozen_time, minutes=1)
    coordinator = setup_entry.runtime_data.coordinator
    weekly = setup_entry.runtime_data.announcer.weekly.text()
    # Days count once: (2 + 8) / 2 = 5, where entries would give (2 + 24) / 4 = 6.5.
    assert weekly.endswith("Average pain this week: 5.0.")
    summary = await call(hass, "get_summary", days=2)
    assert summary is not None
    assert summary["pain"]["average_7_days"] == 5.0
    today = coordinator.reader.today()
    days = coordinator.reader.history.days_between(today - timedelta(days=6), today)
    from custom_components.back_relief.look_back.report import build_report  # noqa: PLC0415

    report = build_report("Alex", days, coordinator.reader.day_goals(), {})
    assert report.pain.mean == summary["pain"]["average_7_days"]
    assert report.weeks[-1].pain_mean == 5.0


# Alex was added on Wednesday 25 November and met the exercise goal that day.
WEEK_OF_TWO_DAYS = {
    "en": "Alex's week: exercise goal met on 1 of 2 days, rest on 0, inversion on 0.",
    "de": "Die Woche von Alex: Trainingsziel an 1 von 2 Tagen erreicht, Ruhe an 0, Inversion an 0.",
    "fr": "La semaine de Alex : objectif d'exercice atteint 1 jour sur 2, repos 0, inversion 0.",
    "es": "La semana de Alex: objetivo de ejercicio cumplido 1 de 2 días, descanso 0, inversión 0.",
    "nl": "De week van Alex: oefendoel gehaald op 1 van 2 dagen, rust op 0, inversie op 0.",
}


@pytest.mark.parametrize("language", sorted(WEEK_OF_TWO_DAYS))
async def test_the_weekly_summary_counts_the_days_since_the_first_day(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    setup_entry: MockConfigEntry,
    language: str,
) -> None:
    """Someone added two days ago met a goal on 1 of 2 days, not on 1 of 7, in every language."""
    await call(hass, "log_activity", activity="exercise", minutes=20)
    await move_to(hass, frozen_time, "2026-11-26T18:00:00+01:00")
    hass.config.language = language
    assert setup_entry.runtime_data.announcer.weekly.text() == WEEK_OF_TWO_DAYS[language]


async def test_the_weekly_summary_counts_seven_days_after_a_week_and_earlier_records(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory, setup_entry: MockConfigEntry
) -> None:
    """A week in, it is out of 7; a day logged before the person was added counts from then."""
    weekly = setup_entry.runtime_data.announcer.weekly
    assert weekly.text().startswith("Alex's week: exercise goal met on 0 of 1 day,")
    await call(hass, "log_activity", activity="rest", minutes=15, date="2026-11-23")
    assert weekly.text().startswith("Alex's week: exercise goal met on 0 of 3 days,")
    await move_to(hass, frozen_time, "2026-12-06T18:00:00+01:00")
    assert weekly.text().startswith("Alex's week: exercise goal met on 0 of 7 days,")


async def test_the_goal_met_trigger_fires_at_the_plans_minutes(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory, setup_entry: MockConfigEntry
) -> None:
    """A beginner's 2 minutes meet the day's inversion goal: the trigger says so, with 2."""
    runs = await set_up_automations(
        hass,
        {
            "alias": "inversion",
            "triggers": [{"trigger": "back_relief.goal_met", "options": {"goals": ["inversion"]}}],
            "actions": [
                {
                    "action": "test.ran",
                    "data": {"goal_minutes": "{{ trigger.goal_minutes }}"},
                }
            ],
        },
    )
    await entity_action(hass, START_INVERSION, SERVICE_PRESS)
    await advance(hass, frozen_time, minutes=2)
    assert [call.data["goal_minutes"] for call in runs] == [2]
