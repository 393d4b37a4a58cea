"""The limits of what a person may log: whole numbers in a range, dates in a window.

Plain, typed Python with no Home Assistant imports. A value outside its limits
is refused with a ``RoutineError`` whose key and placeholders the actions and
the voice answers both turn into words.
"""

from __future__ import annotations

from datetime import date

from .session import RoutineError


def check_range(
    key: str, value: int, minimum: int, maximum: int, *, placeholder: str = "value"
) -> None:
    """Refuse a number outside minimum..maximum, naming it by its placeholder."""
    if not minimum <= value <= maximum:
        raise RoutineError(
            key, **{placeholder: str(value)}, minimum=str(minimum), maximum=str(maximum)
        )


def date_refusal(day: date, earliest: date, latest: date) -> RoutineError:
    """Return the refusal of a date outside earliest..latest."""
    return RoutineError(
        "date_out_of_range",
        date=day.isoformat(),
        earliest=earliest.isoformat(),
        latest=latest.isoformat(),
    )


def check_date(day: date, earliest: date, latest: date) -> None:
    """Refuse a date outside earliest..latest."""
    if not earliest <= day <= latest:
        raise date_refusal(day, earliest, latest)
