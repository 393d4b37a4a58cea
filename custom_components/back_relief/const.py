"""Constants for Back Relief."""

from __future__ import annotations

from datetime import time, timedelta
import logging
from typing import Final

from .routine.day import Activity

DOMAIN: Final = "back_relief"
LOGGER = logging.getLogger(__package__)

CONF_PERSON: Final = "person"

# Options, stored in entry.options under these keys.
CONF_EXERCISE_GOAL: Final = "exercise_goal"
CONF_REST_GOAL: Final = "rest_goal"
CONF_INVERSION_GOAL: Final = "inversion_goal"
CONF_MAX_INVERSION: Final = "max_inversion"
CONF_INVERSION_START_MINUTES: Final = "inversion_start_minutes"
CONF_INVERSION_STEP_MINUTES: Final = "inversion_step_minutes"
CONF_SPEAKERS: Final = "speakers"
CONF_TTS_ENTITY: Final = "tts_entity"
CONF_REST_LIGHTS: Final = "rest_lights"
CONF_REST_BRIGHTNESS: Final = "rest_brightness"
CONF_QUIET_START: Final = "quiet_start"
CONF_QUIET_END: Final = "quiet_end"
CONF_REMINDER_EXERCISE: Final = "reminder_exercise"
CONF_REMINDER_INVERSION: Final = "reminder_inversion"
CONF_REMINDER_REST: Final = "reminder_rest"
CONF_ONLY_WHEN_HOME: Final = "only_when_home"
CONF_FLASH_ON_INVERSION_END: Final = "flash_on_inversion_end"
CONF_ROUTINES: Final = "routines"
CONF_REMINDER_VISIT: Final = "reminder_visit"
CONF_REMINDER_SUN: Final = "reminder_sun"
CONF_WEATHER_ENTITY: Final = "weather_entity"
CONF_WEEKLY_SUMMARY: Final = "weekly_summary"
CONF_NOTIFY_ENTITY: Final = "notify_entity"
CONF_CHECKIN_TIME: Final = "checkin_time"
CONF_CHECKIN_AFTER_SESSION: Final = "checkin_after_session"
CONF_NOTIFY_DEVICES: Final = "notify_devices"
# The house notices: per activity a sign (and a threshold for a numeric one) and tags.
CONF_SIGN_START_SECONDS: Final = "sign_start_seconds"
CONF_SIGN_STOP_SECONDS: Final = "sign_stop_seconds"
SIGN_OPTIONS: Final[dict[Activity, str]] = {activity: f"{activity}_sign" for activity in Activity}
SIGN_ABOVE_OPTIONS: Final[dict[Activity, str]] = {
    activity: f"{activity}_sign_above" for activity in Activity
}
TAG_OPTIONS: Final[dict[Activity, str]] = {activity: f"{activity}_tags" for activity in Activity}
MAX_SIGN_SECONDS: Final = 3600

# Kinds of reminder beside the goals; and how the weekly summary is given.
REMINDER_VISIT: Final = "visit"
REMINDER_SUN: Final = "sun"
REMINDER_CHECKIN: Final = "checkin"
WEEKLY_SPEAK: Final = "speak"
WEEKLY_NOTIFY: Final = "notify"

# Every option's default and type: routine/settings.py (``Settings``).
# Options on by default: left empty in the options, one is stored as None, which is off.
OFF_WHEN_CLEARED: Final = frozenset({CONF_REMINDER_VISIT})
MAX_GOAL_MINUTES: Final = 600
MAX_INVERSION_LIMIT: Final = 60
MAX_INVERSION_STEP: Final = 10

# Default session lengths, the values of the duration number entities.
DEFAULT_DURATIONS: Final[dict[Activity, int]] = {
    activity: activity.default_minutes for activity in Activity
}

# Built-in checklist items; each day starts with all of them open.
SUN_ITEM: Final = "sun"
# Their names are in the language files (speech, "checklist").
DEFAULT_CHECKLIST: Final = ("vitamin_d", "herbal_remedy", SUN_ITEM)

# Event types of the session event entity, also fired on the bus.
EVENT_STARTED: Final = "started"
EVENT_PAUSED: Final = "paused"
EVENT_RESUMED: Final = "resumed"
EVENT_EXTENDED: Final = "extended"
EVENT_FINISHED: Final = "finished"
EVENT_CANCELLED: Final = "cancelled"
EVENT_STEP: Final = "step"
EVENT_REMINDER: Final = "reminder"
EVENT_CHECK_IN: Final = "check_in"
EVENT_OVERTIME: Final = "overtime"
EVENT_TYPES: Final = [
    EVENT_STARTED,
    EVENT_PAUSED,
    EVENT_RESUMED,
    EVENT_EXTENDED,
    EVENT_FINISHED,
    EVENT_CANCELLED,
    EVENT_STEP,
    EVENT_REMINDER,
    EVENT_CHECK_IN,
    EVENT_OVERTIME,
]
BUS_EVENT: Final = f"{DOMAIN}_session"

# Format 2 keeps each year's closed days in a store segment of its own.
STORAGE_VERSION: Final = 2
STORAGE_MINOR_VERSION: Final = 1
# Changes are written at most this often; unload and shutdown flush them.
SAVE_DELAY: Final = 10

LOG_DAYS_BACK: Final = 60
VISIT_DAYS_BACK: Final = 365
MAX_LOG_MINUTES: Final = 600
MAX_PAIN: Final = 10
MAX_SUMMARY_DAYS: Final = 365
DEFAULT_SUMMARY_DAYS: Final = 7
SCHEDULE_DAYS_AHEAD: Final = 365
DEFAULT_VISIT_TIME: Final = time(9, 0)

# What a check-in asks: the day's pain level, or how a session felt.
QUESTION_PAIN: Final = "pain"
QUESTION_SESSION: Final = "session"
# A satellite that hasn't heard an answer by then has none; a question is asked twice.
ANSWER_TIMEOUT: Final = timedelta(seconds=90)
ASK_ATTEMPTS: Final = 2
# "In 30 minutes" on a reminder; a notification's buttons hold for a day.
REMIND_LATER: Final = timedelta(minutes=30)
ACTION_VALID_FOR: Final = timedelta(days=1)

# Announcements of a session's end are not spoken when this late.
STALE_CUE_AFTER: Final = timedelta(minutes=5)
