"""Presses on the phones' notifications: Home Assistant's ``mobile_app_notification_action``.

Listened to once for every person: the action id names the person (see
``phone_actions``). A press does exactly what its button says, for that person
only; a stale one (a day old, the session already started, already answered,
the person removed) changes nothing and is logged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import CALLBACK_TYPE, Event, HomeAssistant, callback
from homeassistant.exceptions import HomeAssistantError
from homeassistant.util import dt as dt_util

from ..const import ACTION_VALID_FOR, DOMAIN, LOGGER, QUESTION_PAIN, QUESTION_SESSION
from ..language.checkin_answers import parse_level
from ..language.phrases import group_of
from ..routine.day import Activity, Goal
from ..routine.source import Source
from .phone_actions import PhoneAction, PressFacts, Verb, stale_reason

if TYPE_CHECKING:
    from ..data import BackReliefConfigEntry

NOTIFICATION_ACTION_EVENT = "mobile_app_notification_action"
# The text typed in a reply field: "reply_text" from Android and iOS, "textInput" from older iOS.
REPLY_KEYS = ("reply_text", "textInput")


@callback
def async_listen_to_phones(hass: HomeAssistant) -> CALLBACK_TYPE:
    """Act on the presses of Back Relief's notification buttons; returns the remover."""

    @callback
    def handle(event: Event[dict[str, Any]]) -> None:
        action = PhoneAction.decode(event.data.get("action"))
        if action is None:
            return  # another automation's button
        entry = hass.config_entries.async_get_entry(action.entry_id)
        if entry is None or entry.domain != DOMAIN or entry.state is not ConfigEntryState.LOADED:
            LOGGER.info("A notification button of a person no longer here was pressed: %s", action)
            return
        reply = next((str(event.data[key]) for key in REPLY_KEYS if event.data.get(key)), "")
        try:
            _press(hass, entry, action, reply)
        except HomeAssistantError as err:
            LOGGER.info("A notification button changed nothing (%s): %s", err, action)

    return hass.bus.async_listen(NOTIFICATION_ACTION_EVENT, handle)


def _press(
    hass: HomeAssistant, entry: BackReliefConfigEntry, action: PhoneAction, reply: str
) -> None:
    """Do what a button says, unless the notification is stale."""
    runtime = entry.runtime_data
    coordinator = runtime.coordinator
    routine = coordinator.data
    today = coordinator.reader.today()
    since = action.offered_at
    activity = Activity(action.value) if action.value in set(Activity) else None
    record = (
        routine.session_record(since, coordinator.reader.time_zone)
        if action.verb is Verb.FEEDBACK
        else None
    )
    facts = PressFacts(
        now=dt_util.utcnow(),
        valid_for=ACTION_VALID_FOR,
        session_running=routine.session is not None,
        started_since=activity is not None and routine.started_since(activity, since, today),
        skipped_today=action.value in coordinator.reader.today_log().skipped,
        later_pending=runtime.announcer.reminders.later_pending(action.value),
        pain_since=routine.pain_logged_since(since, today),
        feedback_open=record is not None and record.feedback is None,
    )
    if reason := stale_reason(action, facts):
        LOGGER.info(
            "A stale notification button of %s changed nothing (%s)", coordinator.name, reason
        )
        return
    commands = coordinator.commands
    checkins = runtime.announcer.checkins
    if action.verb is Verb.START and activity is not None:
        commands.start_with_defaults(activity, source=Source.PHONE)
    elif action.verb is Verb.LATER and action.value in set(Goal):
        runtime.announcer.reminders.remind_later(action.value)
    elif action.verb is Verb.SKIP and action.value in set(Goal):
        commands.skip_reminder(action.value)
    elif action.verb in (Verb.PAIN, Verb.REPLY):
        text = action.value if action.verb is Verb.PAIN else reply
        level = parse_level(text, group_of(hass, "numbers"))
        if level is None:
            LOGGER.info("No level from 0 to 10 in %r, for %s", text, coordinator.name)
            return
        commands.log_pain(level)
        checkins.answered_on_phone(QUESTION_PAIN, level)
    elif action.verb is Verb.FEEDBACK:
        commands.give_feedback(since, action.value)
        checkins.answered_on_phone(QUESTION_SESSION, action.value)
