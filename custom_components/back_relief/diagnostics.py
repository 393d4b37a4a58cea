"""Diagnostics for Back Relief, with names and notes left out."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from homeassistant.components.diagnostics import async_redact_data
from homeassistant.const import CONF_NAME
from homeassistant.core import HomeAssistant

from .const import CONF_PERSON
from .data import BackReliefConfigEntry

TO_REDACT = {CONF_NAME, CONF_PERSON, "note", "summary", "person", "kinds"}
RECENT_DAYS = 14


async def async_get_config_entry_diagnostics(
    hass: HomeAssistant, entry: BackReliefConfigEntry
) -> dict[str, Any]:
    """Return what helps to understand a problem, without personal text."""
    coordinator = entry.runtime_data.coordinator
    today = coordinator.reader.today()
    recent = coordinator.reader.history.recent_as_dict(
        today - timedelta(days=RECENT_DAYS - 1), today
    )
    for day in recent.values():
        # Notes live inside lists; keep their count, not their words.
        for key in ("pain", "visits"):
            if key in day:
                day[key] = [
                    [*entry[:-1], "**REDACTED**" if entry[-1] else None] for entry in day[key]
                ]
    return async_redact_data(
        {
            "entry": {"data": dict(entry.data), "options": dict(entry.options)},
            "days_recorded": len(coordinator.reader.history),
            "recent_days": recent,
            "session": coordinator.reader.session.as_dict() if coordinator.reader.session else None,
            "durations": {str(key): value for key, value in coordinator.reader.durations.items()},
            "reminders": coordinator.reader.reminders_enabled,
            "flare_up": coordinator.reader.flare_up,
            "inversion_plan": plan.as_dict() if (plan := coordinator.data.gentle.plan) else None,
            "flare_up_ranges": [
                [flare_up.start.isoformat(), flare_up.end.isoformat() if flare_up.end else None]
                for flare_up in coordinator.reader.flare_ups.ranges
            ],
            "checklist": [
                {"uid": item.uid, "summary": item.summary} for item in coordinator.reader.checklist
            ],
            "routine_summary": coordinator.reader.summary(7),
        },
        TO_REDACT,
    )
