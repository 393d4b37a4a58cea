"""Tests for the plain flare-up ranges: which days are paused, and what the switch shows."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from custom_components.back_relief.routine.flare_ups import FlareUp, FlareUps, check_range
from custom_components.back_relief.routine.session import RoutineError

TODAY = date(2026, 11, 26)
ONE_DAY = timedelta(days=1)


def day(offset: int) -> date:
    """Return the date `offset` days from today."""
    return TODAY + timedelta(days=offset)


def test_a_closed_range_covers_exactly_its_days() -> None:
    """Every day from start to end is a flare-up day, and no other."""
    flare_ups = FlareUps().add(day(-5), day(-3), "bad week", TODAY)

    assert flare_ups.days_covered(day(-10), TODAY) == [day(-5), day(-4), day(-3)]
    assert not flare_ups.is_on(TODAY)
    assert flare_ups.covering(day(-4)) == FlareUp(day(-5), day(-3), "bad week")


def test_an_open_range_lasts_until_turned_off() -> None:
    """An open range covers every day from its start; turning it off ends it with today."""
    flare_ups = FlareUps().add(day(-2), None, None, TODAY)
    assert flare_ups.is_on(TODAY)
    assert flare_ups.covers(day(40))

    off = flare_ups.turn_off(TODAY)

    # Today was a flare-up day (the switch was on), but the switch now shows off.
    assert off.days_covered(day(-5), day(5)) == [day(-2), day(-1), TODAY]
    assert not off.is_on(TODAY)
    assert off.turn_off(TODAY) == off


def test_switch_on_off_on_in_one_day_keeps_one_range() -> None:
    """Turning the switch back on the same day reopens the range it ended."""
    flare_ups = FlareUps().turn_on(TODAY).turn_off(TODAY).turn_on(TODAY)

    assert flare_ups.ranges == (FlareUp(TODAY),)
    assert flare_ups.turn_on(TODAY) == flare_ups


def test_turning_off_cuts_a_range_that_reaches_into_the_future() -> None:
    """A range set to end in a few days ends today when the switch is turned off."""
    flare_ups = FlareUps().add(day(-1), day(3), "back-dated", TODAY).turn_off(TODAY)

    assert flare_ups.days_covered(day(-5), day(5)) == [day(-1), TODAY]


def test_a_new_range_wins_where_it_meets_an_older_one() -> None:
    """The older range keeps only the days outside the new one, with its own note."""
    flare_ups = FlareUps().add(day(-10), day(-2), "old", TODAY).add(day(-6), day(-5), "new", TODAY)

    assert flare_ups.ranges == (
        FlareUp(day(-10), day(-7), "old"),
        FlareUp(day(-6), day(-5), "new"),
        FlareUp(day(-4), day(-2), "old"),
    )
    assert flare_ups.days_covered(day(-20), TODAY) == [day(offset) for offset in range(-10, -1)]


def test_an_open_range_swallows_later_ones() -> None:
    """An open range from a day covers every range that starts after it."""
    flare_ups = FlareUps().add(day(2), day(4), None, TODAY).add(day(-1), None, "since", TODAY)

    assert flare_ups.ranges == (FlareUp(day(-1), None, "since"),)


@pytest.mark.parametrize(
    ("start", "end", "key"),
    [
        (day(-2), day(-3), "flare_up_dates_reversed"),
        (day(-61), day(-50), "date_out_of_range"),
        (day(-60), day(366), "date_out_of_range"),
        (day(366), None, "date_out_of_range"),
    ],
)
def test_bad_ranges_are_refused(start: date, end: date | None, key: str) -> None:
    """Reversed ranges and ranges out of reach are refused and nothing changes."""
    flare_ups = FlareUps().add(day(-3), None, None, TODAY)

    with pytest.raises(RoutineError) as caught:
        flare_ups.add(start, end, None, TODAY)

    assert caught.value.key == key
    assert flare_ups.ranges == (FlareUp(day(-3)),)


def test_the_limits_themselves_are_allowed() -> None:
    """Sixty days back and a year ahead are still in reach; a one-day range is fine."""
    check_range(day(-60), day(365), TODAY)
    check_range(TODAY, TODAY, TODAY)


def test_stored_form_round_trips() -> None:
    """Ranges read back exactly as they were saved."""
    flare_ups = FlareUps().add(day(-9), day(-7), "note", TODAY).turn_on(TODAY).turn_off(TODAY)
    assert FlareUps.from_list(flare_ups.as_list()) == flare_ups
