"""Whether a reminder is spoken, and if not, why not: a pure function of the facts.

Plain Python with no Home Assistant imports; the reminders and check-ins
adapters gather the facts (goal met, pain logged, the reminders switch, quiet
hours, home, speakers and phones, the sun) and this decides.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time

from ..const import REMINDER_CHECKIN, REMINDER_SUN
from ..routine.day import Goal

# Weather that is no invitation to sit in the sun.
WET_WEATHER = frozenset(
    {"rainy", "pouring", "lightning-rainy", "snowy", "snowy-rainy", "hail", "exceptional"}
)


def in_quiet_hours(now: time, start: time, end: time) -> bool:
    """Return whether a local time falls in quiet hours, which may span midnight."""
    if start == end:
        return False
    if start < end:
        return start <= now < end
    return now >= start or now < end


@dataclass(frozen=True, slots=True)
class ReminderDecision:
    """Whether a reminder is spoken, and if not, why not."""

    spoken: bool
    reason: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ReminderFacts:
    """What a reminder depends on, at the moment it is due.

    ``kind`` is a goal, "visit", "sun", "weekly" or "checkin" (the daily pain
    check-in). ``away`` is true only when a person is set, reminders are wanted
    only at home, and they are not home. ``has_speakers`` counts the phones
    too. The sun's facts matter only to the sun's reminder, ``pain_logged``
    only to the check-in.
    """

    kind: str
    local_time: time
    quiet_start: time
    quiet_end: time
    reminders_on: bool
    away: bool
    has_speakers: bool
    goal_met: bool = False
    pain_logged: bool = False
    skipped: bool = False
    sun_item_done: bool = False
    sun_up: bool = False
    weather: str | None = None


def reason_not_needed(facts: ReminderFacts) -> str | None:
    """Return why a reminder is not needed today, None when it is."""
    return "skipped" if facts.skipped else _reason_of_kind(facts)


def _reason_of_kind(facts: ReminderFacts) -> str | None:
    """Return why this kind of reminder is not needed today, None when it is."""
    if facts.kind in set(Goal):
        return "goal_met" if facts.goal_met else None
    if facts.kind == REMINDER_CHECKIN:
        return "logged" if facts.pain_logged else None
    if facts.kind == REMINDER_SUN:
        if facts.sun_item_done:
            return "done"
        if not facts.sun_up:
            return "sun_down"
        if facts.weather in WET_WEATHER:
            return "weather"
    return None


def decide_reminder(facts: ReminderFacts) -> ReminderDecision:
    """Return whether a reminder is spoken now, and if not, why not."""
    if reason := reason_not_needed(facts):
        return ReminderDecision(spoken=False, reason=reason)
    if not facts.reminders_on:
        return ReminderDecision(spoken=False, reason="reminders_off")
    if in_quiet_hours(facts.local_time, facts.quiet_start, facts.quiet_end):
        return ReminderDecision(spoken=False, reason="quiet_hours")
    if facts.away:
        return ReminderDecision(spoken=False, reason="not_home")
    if not facts.has_speakers:
        return ReminderDecision(spoken=False, reason="no_speakers")
    return ReminderDecision(spoken=True)
