"""Back Relief's actions, registered once for every person."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from functools import partial
from typing import Any

from homeassistant.core import (
    HomeAssistant,
    ServiceCall,
    ServiceResponse,
    SupportsResponse,
    callback,
)
from homeassistant.exceptions import ServiceValidationError
from homeassistant.util import dt as dt_util
import voluptuous as vol

from . import fields
from .const import (
    DEFAULT_SUMMARY_DAYS,
    DEFAULT_VISIT_TIME,
    DOMAIN,
    MAX_LOG_MINUTES,
    MAX_PAIN,
    MAX_SUMMARY_DAYS,
)
from .coordinator import BackReliefCoordinator
from .people import NOBODY, NOT_LOADED, UNKNOWN, Asker, PersonNotFound, find_person
from .routine.day import Activity
from .routine.session import MAX_EXTEND_MINUTES, MAX_SESSION_MINUTES, MIN_SESSION_MINUTES
from .routine.source import Source

ATTR_CONFIG_ENTRY_ID = "config_entry_id"
ATTR_ACTIVITY = "activity"
ATTR_DURATION = "duration"
ATTR_ROUTINE = "routine"
ATTR_MINUTES = "minutes"
ATTR_DATE = "date"
ATTR_KIND = "kind"
ATTR_LEVEL = "level"
ATTR_NOTE = "note"
ATTR_DAYS = "days"
ATTR_REPLACE = "replace"
ATTR_LOGGED_AT = "logged_at"
ATTR_SOURCE = "source"

SERVICE_START_SESSION = "start_session"
SERVICE_PAUSE_SESSION = "pause_session"
SERVICE_RESUME_SESSION = "resume_session"
SERVICE_STOP_SESSION = "stop_session"
SERVICE_CANCEL_SESSION = "cancel_session"
SERVICE_EXTEND_SESSION = "extend_session"
SERVICE_LOG_ACTIVITY = "log_activity"
SERVICE_LOG_PAIN = "log_pain"
SERVICE_LOG_VISIT = "log_visit"
SERVICE_GET_SUMMARY = "get_summary"
SERVICE_SCHEDULE_VISIT = "schedule_visit"
SERVICE_CHECK_IN = "check_in"
SERVICE_NEXT_STEP = "next_step"
SERVICE_REPEAT_STEP = "repeat_step"
SERVICE_SET_FLARE_UP = "set_flare_up"
SERVICE_REMOVE_PAIN = "remove_pain"
SERVICE_SET_MINUTES = "set_minutes"
SERVICE_CANCEL_VISIT = "cancel_visit"
SERVICE_REMOVE_VISIT = "remove_visit"
SERVICE_UNDO_SESSION = "undo_session"
ATTR_TIME = "time"
ATTR_START_DATE = "start_date"
ATTR_END_DATE = "end_date"

BASE = {vol.Optional(ATTR_CONFIG_ENTRY_ID): fields.text(100)}
ACTIVITY = fields.one_of(str(activity) for activity in Activity)
NOTE = fields.text(500)
# The ranges the refusals of a number name; the routine checks them.
SESSION_MINUTES = fields.whole_number(MIN_SESSION_MINUTES, MAX_SESSION_MINUTES)
EXTEND_MINUTES = fields.whole_number(MIN_SESSION_MINUTES, MAX_EXTEND_MINUTES)
LOG_MINUTES = fields.whole_number(1, MAX_LOG_MINUTES)
DAY_MINUTES = fields.whole_number(0, MAX_LOG_MINUTES)
LEVEL = fields.whole_number(0, MAX_PAIN)
DAYS = fields.whole_number(1, MAX_SUMMARY_DAYS)
# Who asks for a change of the session: the card says so; anything else is an action.
SESSION = {
    **BASE,
    vol.Optional(ATTR_SOURCE, default=str(Source.ACTION)): fields.one_of(
        (str(Source.CARD), str(Source.ACTION))
    ),
}

SCHEMAS: dict[str, vol.Schema] = {
    SERVICE_START_SESSION: vol.Schema(
        {
            **SESSION,
            vol.Required(ATTR_ACTIVITY): ACTIVITY,
            vol.Optional(ATTR_DURATION): SESSION_MINUTES,
            vol.Optional(ATTR_ROUTINE): fields.text(100),
        }
    ),
    SERVICE_PAUSE_SESSION: vol.Schema(SESSION),
    SERVICE_RESUME_SESSION: vol.Schema(SESSION),
    SERVICE_STOP_SESSION: vol.Schema(SESSION),
    SERVICE_CANCEL_SESSION: vol.Schema(SESSION),
    SERVICE_NEXT_STEP: vol.Schema(SESSION),
    SERVICE_REPEAT_STEP: vol.Schema(SESSION),
    SERVICE_EXTEND_SESSION: vol.Schema({**SESSION, vol.Required(ATTR_MINUTES): EXTEND_MINUTES}),
    SERVICE_LOG_ACTIVITY: vol.Schema(
        {
            **BASE,
            vol.Required(ATTR_ACTIVITY): ACTIVITY,
            vol.Required(ATTR_MINUTES): LOG_MINUTES,
            vol.Optional(ATTR_DATE): fields.day,
            vol.Optional(ATTR_KIND): fields.text(50),
        }
    ),
    SERVICE_LOG_PAIN: vol.Schema(
        {
            **BASE,
            vol.Required(ATTR_LEVEL): LEVEL,
            vol.Optional(ATTR_NOTE): NOTE,
            vol.Optional(ATTR_DATE): fields.day,
            vol.Optional(ATTR_REPLACE): fields.boolean,
        }
    ),
    SERVICE_REMOVE_PAIN: vol.Schema(
        {**BASE, vol.Optional(ATTR_DATE): fields.day, vol.Optional(ATTR_LOGGED_AT): fields.moment}
    ),
    SERVICE_SET_MINUTES: vol.Schema(
        {
            **BASE,
            vol.Required(ATTR_ACTIVITY): ACTIVITY,
            vol.Required(ATTR_MINUTES): DAY_MINUTES,
            vol.Optional(ATTR_DATE): fields.day,
        }
    ),
    SERVICE_CANCEL_VISIT: vol.Schema({**BASE, vol.Required(ATTR_DATE): fields.day}),
    SERVICE_REMOVE_VISIT: vol.Schema({**BASE, vol.Required(ATTR_DATE): fields.day}),
    SERVICE_UNDO_SESSION: vol.Schema(SESSION),
    SERVICE_LOG_VISIT: vol.Schema(
        {**BASE, vol.Optional(ATTR_DATE): fields.day, vol.Optional(ATTR_NOTE): NOTE}
    ),
    SERVICE_GET_SUMMARY: vol.Schema({**BASE, vol.Optional(ATTR_DAYS): DAYS}),
    SERVICE_CHECK_IN: vol.Schema(BASE),
    SERVICE_SCHEDULE_VISIT: vol.Schema(
        {
            **BASE,
            vol.Required(ATTR_DATE): fields.day,
            vol.Optional(ATTR_TIME): fields.time_of_day,
            vol.Optional(ATTR_NOTE): NOTE,
        }
    ),
    SERVICE_SET_FLARE_UP: vol.Schema(
        {
            **BASE,
            vol.Required(ATTR_START_DATE): fields.day,
            vol.Optional(ATTR_END_DATE): fields.day,
            vol.Optional(ATTR_NOTE): NOTE,
        }
    ),
}


def _error(key: str, **placeholders: str) -> ServiceValidationError:
    return ServiceValidationError(
        translation_domain=DOMAIN,
        translation_key=key,
        translation_placeholders=placeholders or None,
    )


def _refusal(schema: vol.Schema, err: vol.Invalid) -> ServiceValidationError:
    """Return the translated refusal of input of the wrong kind, naming the field."""
    first = err.errors[0] if isinstance(err, vol.MultipleInvalid) else err
    field = str(first.path[0]) if first.path else ""
    if isinstance(first, fields.FieldInvalid):
        return _error(first.key, field=field, **first.values)
    if isinstance(first, vol.RequiredFieldInvalid):
        return _error("field_required", field=field)
    if field not in {str(key) for key in schema.schema}:
        return _error("field_unknown", field=fields.shown(field))
    return _error("invalid_input", error=str(err))


def _coordinator(hass: HomeAssistant, data: dict[str, Any]) -> BackReliefCoordinator:
    """Return the person an action is for."""
    asked = data.get(ATTR_CONFIG_ENTRY_ID)
    try:
        entry, _ = find_person(hass, Asker(asked=asked))
    except PersonNotFound as err:
        if err.reason in (UNKNOWN, NOT_LOADED):
            raise _error("unknown_person", config_entry_id=str(asked)) from err
        if err.reason == NOBODY:
            raise _error("no_person") from err
        people = ", ".join(entry.title for entry in err.loaded)
        raise _error("person_required", people=people) from err
    return entry.runtime_data.coordinator


async def _start_session(coordinator: BackReliefCoordinator, data: dict[str, Any]) -> None:
    coordinator.commands.start_session(
        Activity(data[ATTR_ACTIVITY]),
        data.get(ATTR_DURATION),
        data.get(ATTR_ROUTINE),
        source=Source(data[ATTR_SOURCE]),
    )


async def _pause_session(coordinator: BackReliefCoordinator, data: dict[str, Any]) -> None:
    coordinator.commands.pause_session(source=Source(data[ATTR_SOURCE]))


async def _resume_session(coordinator: BackReliefCoordinator, data: dict[str, Any]) -> None:
    coordinator.commands.resume_session(source=Source(data[ATTR_SOURCE]))


async def _stop_session(coordinator: BackReliefCoordinator, data: dict[str, Any]) -> None:
    coordinator.commands.stop_session(source=Source(data[ATTR_SOURCE]))


async def _cancel_session(coordinator: BackReliefCoordinator, data: dict[str, Any]) -> None:
    coordinator.commands.cancel_session(source=Source(data[ATTR_SOURCE]))


async def _extend_session(coordinator: BackReliefCoordinator, data: dict[str, Any]) -> None:
    coordinator.commands.extend_session(data[ATTR_MINUTES], source=Source(data[ATTR_SOURCE]))


async def _next_step(coordinator: BackReliefCoordinator, data: dict[str, Any]) -> None:
    coordinator.commands.move_step(forward=True, source=Source(data[ATTR_SOURCE]))


async def _repeat_step(coordinator: BackReliefCoordinator, data: dict[str, Any]) -> None:
    coordinator.commands.move_step(forward=False, source=Source(data[ATTR_SOURCE]))


async def _log_activity(coordinator: BackReliefCoordinator, data: dict[str, Any]) -> None:
    coordinator.commands.log_activity(
        Activity(data[ATTR_ACTIVITY]), data[ATTR_MINUTES], data.get(ATTR_DATE), data.get(ATTR_KIND)
    )


async def _log_pain(coordinator: BackReliefCoordinator, data: dict[str, Any]) -> None:
    coordinator.commands.log_pain(
        data[ATTR_LEVEL],
        data.get(ATTR_NOTE),
        data.get(ATTR_DATE),
        replace=data.get(ATTR_REPLACE, False),
    )


async def _remove_pain(coordinator: BackReliefCoordinator, data: dict[str, Any]) -> None:
    coordinator.commands.remove_pain(data.get(ATTR_DATE), data.get(ATTR_LOGGED_AT))


async def _set_minutes(coordinator: BackReliefCoordinator, data: dict[str, Any]) -> None:
    coordinator.commands.set_minutes(
        Activity(data[ATTR_ACTIVITY]), data[ATTR_MINUTES], data.get(ATTR_DATE)
    )


async def _cancel_visit(coordinator: BackReliefCoordinator, data: dict[str, Any]) -> None:
    coordinator.commands.cancel_visit(data[ATTR_DATE])


async def _remove_visit(coordinator: BackReliefCoordinator, data: dict[str, Any]) -> None:
    coordinator.commands.remove_visit(data[ATTR_DATE])


async def _undo_session(coordinator: BackReliefCoordinator, data: dict[str, Any]) -> None:
    coordinator.commands.undo_session(source=Source(data[ATTR_SOURCE]))


async def _log_visit(coordinator: BackReliefCoordinator, data: dict[str, Any]) -> None:
    coordinator.commands.log_visit(data.get(ATTR_DATE), data.get(ATTR_NOTE))


async def _get_summary(coordinator: BackReliefCoordinator, data: dict[str, Any]) -> ServiceResponse:
    return coordinator.reader.summary(data.get(ATTR_DAYS, DEFAULT_SUMMARY_DAYS))


async def _schedule_visit(coordinator: BackReliefCoordinator, data: dict[str, Any]) -> None:
    day: date = data[ATTR_DATE]
    visit_time = data.get(ATTR_TIME) or DEFAULT_VISIT_TIME
    at = dt_util.start_of_local_day(day).replace(hour=visit_time.hour, minute=visit_time.minute)
    coordinator.commands.schedule_visit(dt_util.as_utc(at), data.get(ATTR_NOTE))


async def _check_in(coordinator: BackReliefCoordinator, data: dict[str, Any]) -> None:
    coordinator.entry.runtime_data.announcer.checkins.check_in()


async def _set_flare_up(coordinator: BackReliefCoordinator, data: dict[str, Any]) -> None:
    coordinator.commands.set_flare_up_range(
        data[ATTR_START_DATE], data.get(ATTR_END_DATE), data.get(ATTR_NOTE)
    )


type Handler = Callable[[BackReliefCoordinator, dict[str, Any]], Awaitable[ServiceResponse | None]]

HANDLERS: dict[str, Handler] = {
    SERVICE_START_SESSION: _start_session,
    SERVICE_PAUSE_SESSION: _pause_session,
    SERVICE_RESUME_SESSION: _resume_session,
    SERVICE_STOP_SESSION: _stop_session,
    SERVICE_CANCEL_SESSION: _cancel_session,
    SERVICE_EXTEND_SESSION: _extend_session,
    SERVICE_NEXT_STEP: _next_step,
    SERVICE_REPEAT_STEP: _repeat_step,
    SERVICE_LOG_ACTIVITY: _log_activity,
    SERVICE_LOG_PAIN: _log_pain,
    SERVICE_LOG_VISIT: _log_visit,
    SERVICE_GET_SUMMARY: _get_summary,
    SERVICE_SCHEDULE_VISIT: _schedule_visit,
    SERVICE_CHECK_IN: _check_in,
    SERVICE_SET_FLARE_UP: _set_flare_up,
    SERVICE_REMOVE_PAIN: _remove_pain,
    SERVICE_SET_MINUTES: _set_minutes,
    SERVICE_CANCEL_VISIT: _cancel_visit,
    SERVICE_REMOVE_VISIT: _remove_visit,
    SERVICE_UNDO_SESSION: _undo_session,
}


async def _async_handle(
    hass: HomeAssistant, service: str, call: ServiceCall
) -> ServiceResponse | None:
    """Validate an action's input, find the person and carry it out.

    Validation happens here rather than in the registered schema so that
    every refusal, a wrong type included, is a translated validation error.
    """
    schema = SCHEMAS[service]
    # A field given as null (an empty template, say) is a field left out.
    given = {key: value for key, value in call.data.items() if value is not None}
    try:
        data: dict[str, Any] = schema(given)
    except vol.Invalid as err:
        raise _refusal(schema, err) from err
    return await HANDLERS[service](_coordinator(hass, data), data)


@callback
def async_setup_services(hass: HomeAssistant) -> None:
    """Register every action of Back Relief."""
    for service in HANDLERS:
        hass.services.async_register(
            DOMAIN,
            service,
            partial(_async_handle, hass, service),
            supports_response=SupportsResponse.ONLY
            if service == SERVICE_GET_SUMMARY
            else SupportsResponse.NONE,
        )
