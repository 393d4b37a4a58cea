"""get_summary's insights through Home Assistant: with enough days on each side, not without."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant

from .conftest import STORAGE_KEY, call, make_entry, set_up, stored

TODAY = date(2026, 11, 25)  # conftest's frozen today


def history(inverted: int, not_inverted: int) -> dict[str, Any]:
    """Return days before today: inversion days with pain 3, then days without with pain 5."""
    days: dict[str, Any] = {}
    for offset in range(1, inverted + not_inverted + 1):
        day = TODAY - timedelta(days=offset)
        inverted_day = offset <= inverted
        days[day.isoformat()] = {
            "minutes": {"inversion": 15} if inverted_day else {},
            "pain": [[f"{day.isoformat()}T18:00:00+00:00", 3 if inverted_day else 5, None]],
        }
    return days


async def summary_with(
    hass: HomeAssistant, hass_storage: dict[str, Any], days: dict[str, Any]
) -> dict[str, Any]:
    """Set up Alex with a stored history and return get_summary's answer."""
    hass_storage[STORAGE_KEY] = stored({"history": days})
    await set_up(hass, make_entry())
    summary = await call(hass, "get_summary")
    assert summary is not None
    return dict(summary)


async def test_insights_appear_with_seven_days_on_each_side(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory, hass_storage: dict[str, Any]
) -> None:
    """Seven days with inversion and seven without: pain 2.0 lower, with both counts."""
    summary = await summary_with(hass, hass_storage, history(7, 7))
    assert summary["insights"] == [
        {
            "subject": "inversion",
            "minutes": 15,
            "days_with": 7,
            "days_without": 7,
            "pain_with": 3.0,
            "pain_without": 5.0,
            "difference": -2.0,
            "text": (
                "On days with 15 or more minutes of inversion, pain was 2.0 lower: 3.0 on"
                " average over 7 days, against 5.0 over 7 other days."
            ),
        }
    ]


async def test_no_insights_with_six_days_on_a_side(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory, hass_storage: dict[str, Any]
) -> None:
    """Six days with inversion against twenty without say too little: nothing is given."""
    summary = await summary_with(hass, hass_storage, history(6, 20))
    assert summary["insights"] == []


async def test_insights_are_in_the_house_language_and_leave_today_out(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory, hass_storage: dict[str, Any]
) -> None:
    """In Dutch, with a decimal comma; today's pain and minutes count on neither side."""
    hass.config.language = "nl"
    await summary_with(hass, hass_storage, history(7, 7))
    await call(hass, "log_pain", level=9)
    await call(hass, "log_activity", activity="inversion", minutes=30)
    summary = await call(hass, "get_summary")
    assert summary is not None
    (insight,) = summary["insights"]
    assert (insight["days_with"], insight["days_without"]) == (7, 7)
    assert insight["text"].startswith(
        "Op dagen met 15 minuten of meer inversie was de pijn 2,0 lager"
    )
