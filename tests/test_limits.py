"""Tests for the limits of what a person may log."""

from __future__ import annotations

from datetime import date

import pytest

from custom_components.back_relief.routine.limits import check_date, check_range
from custom_components.back_relief.routine.session import RoutineError


def test_range_includes_both_ends_and_names_the_value() -> None:
    """Both limits are allowed; outside, the refusal says the value and the limits."""
    check_range("level_out_of_range", 0, 0, 10)
    check_range("level_out_of_range", 10, 0, 10)
    with pytest.raises(RoutineError) as refused:
        check_range("duration_out_of_range", 0, 1, 600, placeholder="minutes")
    assert refused.value.key == "duration_out_of_range"
    assert refused.value.placeholders == {"minutes": "0", "minimum": "1", "maximum": "600"}


def test_date_window_includes_both_ends() -> None:
    """The first and last day are inside; a day after is refused with the window."""
    first, last = date(2026, 3, 1), date(2026, 3, 29)
    check_date(first, first, last)
    check_date(last, first, last)
    with pytest.raises(RoutineError) as refused:
        check_date(date(2026, 3, 30), first, last)
    assert refused.value.placeholders == {
        "date": "2026-03-30",
        "earliest": "2026-03-01",
        "latest": "2026-03-29",
    }
