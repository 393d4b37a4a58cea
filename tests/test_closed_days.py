"""Tests for a year of closed days: kept as text, stored by ISO date, read back strictly."""

from __future__ import annotations

from datetime import date

import pytest

from custom_components.back_relief.routine.closed_days import ClosedYear
from custom_components.back_relief.routine.day import FIRST_LAYOUT, Activity, DayLayout, DayLog


def minutes(*values: int) -> DayLog:
    """Return a day of these minutes of exercise, stretch, inversion and rest."""
    return DayLog(minutes=dict(zip(FIRST_ACTIVITIES, values, strict=False)))


FIRST_ACTIVITIES = (Activity.EXERCISE, Activity.STRETCH, Activity.INVERSION, Activity.REST)


def test_a_leap_year_keeps_its_last_day() -> None:
    """Day 366 of a leap year has its place, and days come back oldest first."""
    year = ClosedYear(2024)
    year.put({date(2024, 12, 31): minutes(20)})
    year.put({date(2024, 1, 1): minutes(5)})
    assert list(year) == [(date(2024, 1, 1), "[5]"), (date(2024, 12, 31), "[20]")]
    assert len(year) == 2
    assert year.get(date(2024, 6, 1)) is None


def test_the_stored_form_is_each_days_text_by_its_iso_date() -> None:
    """A snapshot is stored by ISO date beside its layout, and reads back to the same days."""
    year = ClosedYear(2026)
    year.put({date(2026, 3, 29): minutes(15, 0, 15, 20)})
    snapshot = year.snapshot()
    # A later change leaves the snapshot alone.
    year.put({date(2026, 3, 30): minutes(1), date(2026, 3, 29): minutes(2)})
    stored = ClosedYear.stored(2026, snapshot)
    assert stored == {
        "layout": [*FIRST_LAYOUT, "session_times"],
        "days": {"2026-03-29": "[15,0,15,20]"},
    }
    assert list(ClosedYear.from_stored(2026, stored)) == [(date(2026, 3, 29), "[15,0,15,20]")]


def test_a_year_without_a_layout_holds_the_first_one() -> None:
    """A year's file of 1.1 named no layout: its days are read in the first one."""
    year = ClosedYear.from_stored(2025, {"days": {"2025-03-29": "[15,0,15,20,1]"}})
    assert year.layout.names == FIRST_LAYOUT
    log = year.log(date(2025, 3, 29))
    assert log is not None
    assert log.minutes == {Activity.EXERCISE: 15, Activity.INVERSION: 15, Activity.REST: 20}
    assert log.flare_up


def test_a_layout_in_another_order_means_the_same() -> None:
    """The names say what each place holds, whatever the order of the activities."""
    names = ("minutes.rest", "flare_up", "minutes.exercise", "pain")
    year = ClosedYear.from_stored(
        2025,
        {
            "layout": list(names),
            "days": {"2025-03-29": '[20,0,15,[["2025-03-29T08:00:00+01:00",3,null]]]'},
        },
    )
    log = year.log(date(2025, 3, 29))
    assert log is not None
    assert log.minutes == {Activity.REST: 20, Activity.EXERCISE: 15}
    assert [entry.level for entry in log.pain] == [3]
    assert next(iter(year.facts()))[1].minutes == (("exercise", 15), ("rest", 20), ("inversion", 0))


def test_what_a_newer_version_wrote_is_kept_in_its_place() -> None:
    """An unknown activity's minutes and an unknown field are kept and written back as they were."""
    names = (*FIRST_LAYOUT, "minutes.walk", "mood")
    text = '[15,0,0,0,0,{},[],[],[],[],[],25,"calm"]'
    year = ClosedYear.from_stored(2025, {"layout": list(names), "days": {"2025-03-29": text}})
    log = year.log(date(2025, 3, 29))
    assert log is not None
    assert log.other_minutes == {"walk": 25}
    assert log.other_fields == {"mood": "calm"}
    assert log.as_dict() == {"minutes": {"exercise": 15, "walk": 25}, "mood": "calm"}
    # Opened and closed again, in a year that grows its layout for a day that holds them.
    log.minutes[Activity.REST] = 5
    fresh = ClosedYear(2025, DayLayout.of(FIRST_LAYOUT))
    fresh.put({date(2025, 3, 29): log})
    assert fresh.layout.names == names
    assert fresh.get(date(2025, 3, 29)) == '[15,0,0,5,0,{},[],[],[],[],[],25,"calm"]'


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
        {"layout": "minutes.rest", "days": {}},
        {"layout": ["minutes.rest", "minutes.rest"], "days": {}},
        {"layout": ["minutes.rest"], "days": {"2026-01-01": "[1,2]"}},
    ],
    ids=[
        "day_of_another_year",
        "not_a_date",
        "not_text",
        "empty_text",
        "not_ascii",
        "days_not_a_mapping",
        "no_days",
        "layout_not_a_list",
        "layout_names_a_field_twice",
        "more_fields_than_the_layout_names",
    ],
)
def test_a_year_that_cant_be_read_raises(stored: dict[str, object]) -> None:
    """Storage sets such a segment aside; nothing of it is taken."""
    with pytest.raises((KeyError, TypeError, ValueError, AttributeError)):
        list(ClosedYear.from_stored(2026, stored).facts())
