"""The look back of one person: insights and the report, read from their routine.

This is where the plain ``report`` and ``insights`` meet the person's goals,
their history and the house language.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from functools import partial
from typing import Any

from homeassistant.core import HomeAssistant

from .coordinator import BackReliefCoordinator
from .insights import Subject, find_insights
from .phrases import texts
from .report import Report, build_report, period
from .routine import Activity, Goal

# get_summary's insights look back this far, up to yesterday.
INSIGHT_DAYS = 90


def insight_minutes(coordinator: BackReliefCoordinator) -> dict[Subject, int]:
    """Return how many minutes make a day count as a day with each activity.

    The goals for exercise, rest and inversion; the stretch button's length for stretching.
    """
    minutes = {Subject(goal.value): coordinator.goal_minutes(goal) for goal in Goal}
    minutes[Subject.STRETCH] = coordinator.durations[Activity.STRETCH]
    return minutes


def summary_insights(coordinator: BackReliefCoordinator) -> list[dict[str, Any]]:
    """Return the insights of the last days before today, JSON-ready, in the house language."""
    yesterday = coordinator.today() - timedelta(days=1)
    days = coordinator.history.days_between(yesterday - timedelta(days=INSIGHT_DAYS - 1), yesterday)
    sentences = texts(coordinator.hass, "insights")
    return [
        insight.as_dict(sentences) for insight in find_insights(days, insight_minutes(coordinator))
    ]


def person_report(coordinator: BackReliefCoordinator, days: int) -> Callable[[], Report]:
    """Return what builds the report of the last days, today included, anywhere.

    Only the days of the period are read, however long the history is, and
    copied, so that the report can be built in an executor while the routine
    goes on changing.
    """
    first, last = period(coordinator.today(), days)
    copied = [
        (
            day,
            replace(
                log,
                minutes=dict(log.minutes),
                pain=list(log.pain),
                visits=list(log.visits),
                sessions=list(log.sessions),
            ),
        )
        for day, log in coordinator.history.days_between(first, last)
    ]
    return partial(
        build_report,
        coordinator.name,
        copied,
        {goal: coordinator.goal_minutes(goal) for goal in Goal},
        insight_minutes(coordinator),
    )


def report_texts(hass: HomeAssistant) -> tuple[dict[str, str], dict[str, str]]:
    """Return the report page's texts, with the activities' names, and the insights'."""
    activities = {
        key: text for key, text in texts(hass, "calendar").items() if key.startswith("activity_")
    }
    return {**texts(hass, "report"), **activities}, texts(hass, "insights")
