"""Back Relief's actions, registered once for every person."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date, timedelta
from functools import partial
from typing import Any

from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import (
    HomeAssistant,
    ServiceCall,
    ServiceResponse,
    SupportsResponse,
    callback,
)
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import config_validation as cv
from homeassistant.util import dt as dt_util
import voluptuous as vol

from .const import (
    DEFAULT_SUMMARY_DAYS,
    DEFAULT_VISIT_TIME,
    DOMAIN,
    LOG_DAYS_BACK,
    MAX_LOG_MINUTES,
    MAX_PAIN,
    MAX_SUMMARY_DAYS,
    SCHEDULE_DAYS_AHEAD,
    VISIT_DAYS_BACK,
)
from .coordinator import BackReliefConfigEntry, BackReliefCoordinator
from .routine import Activity

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
SERVICE_NEXT_STEP = "next_step"
SERVICE_REPEAT_STEP = "repeat_step"
ATTR_TIME = "time"

BASE = {vol.Optional(ATTR_CONFIG_ENTRY_ID): cv.string}
ACTIVITY = vol.All(cv.string, vol.Lower, vol.In([str(activity) for activity in Activity]))
NOTE = vol.All(cv.string, vol.Length(max=500))

SCHEMAS: dict[str, vol.Schema] = {
    SERVICE_START_SESSION: vol.Schema(
        {
            **BASE,
            vol.Required(ATTR_ACTIVITY): ACTIVITY,
            vol.Optional(ATTR_DURATION): vol.Coerce(int),
            vol.Optional(ATTR_ROUTINE): cv.string,
        }
    ),
    SERVICE_PAUSE_SESSION: vol.Schema(BASE),
    SERVICE_RESUME_SESSION: vol.Schema(BASE),
    SERVICE_STOP_SESSION: vol.Schema(BASE),
    SERVICE_CANCEL_SESSION: vol.Schema(BASE),
    SERVICE_NEXT_STEP: vol.Schema(BASE),
    SERVICE_REPEAT_STEP: vol.Schema(BASE),
    SERVICE_EXTEND_SESSION: vol.Schema({**BASE, vol.Required(ATTR_MINUTES): vol.Coerce(int)}),
    SERVICE_LOG_ACTIVITY: vol.Schema(
        {
            **BASE,
            vol.Required(ATTR_ACTIVITY): ACTIVITY,
            vol.Required(ATTR_MINUTES): vol.Coerce(int),
            vol.Optional(ATTR_DATE): cv.date,
            vol.Optional(ATTR_KIND): vol.All(cv.string, vol.Length(max=50)),
        }
    ),
    SERVICE_LOG_PAIN: vol.Schema(
        {**BASE, vol.Required(ATTR_LEVEL): vol.Coerce(int), vol.Optional(ATTR_NOTE): NOTE}
    ),
    SERVICE_LOG_VISIT: vol.Schema(
        {**BASE, vol.Optional(ATTR_DATE): cv.date, vol.Optional(ATTR_NOTE): NOTE}
    ),
    SERVICE_GET_SUMMARY: vol.Schema({**BASE, vol.Optional(ATTR_DAYS): vol.Coerce(int)}),
    SERVICE_SCHEDULE_VISIT: vol.Schema(
        {
            **BASE,
            vol.Required(ATTR_DATE): cv.date,
            vol.Optional(ATTR_TIME): cv.time,
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


def _check_range(
    key: str, value: int, minimum: int, maximum: int, *, placeholder: str = "value"
) -> None:
    if not minimum <= value <= maximum:
        raise _error(key, **{placeholder: str(value)}, minimum=str(minimum), maximum=str(maximum))


def _check_date(coordinator: BackReliefCoordinator, day: date, days_back: int) -> None:
    today = coordinator.today()
    earliest = today - timedelta(days=days_back)
    if not earliest <= day <= today:
        raise _error(
            "date_out_of_range",
            date=day.isoformat(),
            earliest=earliest.isoformat(),
            latest=today.isoformat(),
        )


def _coordinator(hass: HomeAssistant, data: dict[str, Any]) -> BackReliefCoordinator:
    """Return the person an action is for."""
    if (entry_id := data.get(ATTR_CONFIG_ENTRY_ID)) is not None:
        entry: BackReliefConfigEntry | None = hass.config_entries.async_get_entry(entry_id)
        if entry is None or entry.domain != DOMAIN or entry.state is not ConfigEntryState.LOADED:
            raise _error("unknown_person", config_entry_id=entry_id)
        return entry.runtime_data
    loaded: list[BackReliefConfigEntry] = hass.config_entries.async_loaded_entries(DOMAIN)
    if len(loaded) == 1:
        return loaded[0].runtime_data
    if not loaded:
        raise _error("no_person")
    raise _error("person_required", people=", ".join(entry.title for entry in loaded))


async def _start_session(coordinator: BackReliefCoordinator, data: dict[str, Any]) -> None:
    coordinator.start_session(
        Activity(data[ATTR_ACTIVITY]), data.get(ATTR_DURATION), data.get(ATTR_ROUTINE)
    )


async def _pause_session(coordinator: BackReliefCoordinator, data: dict[str, Any]) -> None:
    coordinator.pause_session()


async def _resume_session(coordinator: BackReliefCoordinator, data: dict[str, Any]) -> None:
    coordinator.resume_session()


async def _stop_session(coordinator: BackReliefCoordinator, data: dict[str, Any]) -> None:
    coordinator.stop_session()


async def _cancel_session(coordinator: BackReliefCoordinator, data: dict[str, Any]) -> None:
    coordinator.cancel_session()


async def _extend_session(coordinator: BackReliefCoordinator, data: dict[str, Any]) -> None:
    coordinator.extend_session(data[ATTR_MINUTES])


async def _next_step(coordinator: BackReliefCoordinator, data: dict[str, Any]) -> None:
    coordinator.move_step(forward=True)


async def _repeat_step(coordinator: BackReliefCoordinator, data: dict[str, Any]) -> None:
    coordinator.move_step(forward=False)


async def _log_activity(coordinator: BackReliefCoordinator, data: dict[str, Any]) -> None:
    minutes: int = data[ATTR_MINUTES]
    _check_range("duration_out_of_range", minutes, 1, MAX_LOG_MINUTES, placeholder="minutes")
    day: date = data.get(ATTR_DATE) or coordinator.today()
    _check_date(coordinator, day, LOG_DAYS_BACK)
    coordinator.log_activity(Activity(data[ATTR_ACTIVITY]), minutes, day, data.get(ATTR_KIND))


async def _log_pain(coordinator: BackReliefCoordinator, data: dict[str, Any]) -> None:
    level: int = data[ATTR_LEVEL]
    _check_range("level_out_of_range", level, 0, MAX_PAIN)
    coordinator.log_pain(level, data.get(ATTR_NOTE))


async def _log_visit(coordinator: BackReliefCoordinator, data: dict[str, Any]) -> None:
    day: date = data.get(ATTR_DATE) or coordinator.today()
    _check_date(coordinator, day, VISIT_DAYS_BACK)
    coordinator.log_visit(day, data.get(ATTR_NOTE))


async def _get_summary(coordinator: BackReliefCoordinator, data: dict[str, Any]) -> ServiceResponse:
    days: int = data.get(ATTR_DAYS, DEFAULT_SUMMARY_DAYS)
    _check_range("days_out_of_range", days, 1, MAX_SUMMARY_DAYS)
    return coordinator.summary(days)


async def _schedule_visit(coordinator: BackReliefCoordinator, data: dict[str, Any]) -> None:
    day: date = data[ATTR_DATE]
    at = dt_util.start_of_local_day(day).replace(
        hour=(visit_time := data.get(ATTR_TIME) or DEFAULT_VISIT_TIME).hour,
        minute=visit_time.minute,
    )
    today = coordinator.today()
    latest = today + timedelta(days=SCHEDULE_DAYS_AHEAD)
    if not today <= day <= latest or at < dt_util.now():
        raise _error(
            "date_out_of_range",
            date=day.isoformat(),
            earliest=today.isoformat(),
            latest=latest.isoformat(),
        )
    coordinator.schedule_visit(dt_util.as_utc(at), data.get(ATTR_NOTE))


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
}


async def _async_handle(
    hass: HomeAssistant, service: str, call: ServiceCall
) -> ServiceResponse | None:
    """Validate an action's input, find the person and carry it out.

    Validation happens here rather than in the registered schema so that
    every refusal, a wrong type included, is a translated validation error.
    """
    try:
        data: dict[str, Any] = SCHEMAS[service](dict(call.data))
    except vol.Invalid as err:
        raise _error("invalid_input", error=str(err)) from err
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
