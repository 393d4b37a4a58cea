"""Tests for a year of closed days: kept as text, stored by ISO date, read back strictly."""

from __future__ import annotations

from datetime import date

import pytest

from custom_components.back_relief.routine.closed_days import ClosedYear


def test_a_leap_year_keeps_its_last_day() -> None:
    """Day 366 of a leap year has its place, and days come back oldest first."""
    year = ClosedYear(2024)
    year.put({date(2024, 12, 31): "[20]"})
    year.put({date(2024, 1, 1): "[5]"})
    assert list(year) == [(date(2024, 1, 1), "[5]"), (date(2024, 12, 31), "[20]")]
    assert len(year) == 2
    assert year.get(date(2024, 6, 1)) is None


def test_the_stored_form_is_each_days_text_by_its_iso_date() -> None:
    """A snapshot is stored by ISO date, and reads back to the same days."""
    year = ClosedYear(2026)
    year.put({date(2026, 3, 29): "[15,0,15,20]"})
    snapshot = year.snapshot()
    year.put(
        {date(2026, 3, 30): "[1]", date(2026, 3, 29): "[2]"}
    )  # a later change leaves the snapshot alone
    stored = ClosedYear.stored(2026, snapshot)
    assert stored == {"days": {"2026-03-29": "[15,0,15,20]"}}
    assert list(ClosedYear.from_stored(2026, stored)) == [(date(2026, 3, 29), "[15,0,15,20]")]


@pytest.mark.parametrize(
    "stored",
    [
        {"days": {"2025-12-31": "[1]"}},
        {"days": {"someday": "[1]"}},
        {"days": {"2026-01-01": [1]}},
        {"days": {"2026-01-01": ""}},
        {"days": {"2026-01-01": '[0,0,0,0,0,{"Rücken":5}]'}},
        {"days": []},
        {},
    ],
    ids=[
        "day_of_another_year",
        "not_a_date",
        "not_text",
        "empty_text",
        "not_ascii",
        "days_not_a_mapping",
        "no_days",
    ],
)
def test_a_year_that_cant_be_read_raises(stored: dict[str, object]) -> None:
    """Storage sets such a segment aside; nothing of it is taken."""
    with pytest.raises((KeyError, TypeError, ValueError, AttributeError)):
        ClosedYear.from_stored(2026, stored)
