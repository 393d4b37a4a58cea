"""The kinds of value an action's field takes, each slip refused by name.

Home Assistant's YAML and templates hand an action whatever was written:
``2.5`` or ``.inf`` where minutes go, ``true`` where a level goes, an
unquoted ``2026-03-09 10:00:00`` (a datetime, which is also a ``date``) where
a day goes, a list where a note goes. Every schema builds its fields from
these validators; a slip raises ``FieldInvalid``, which names the reason with
a translation key, and the actions turn it into a translated refusal naming
the field. Limits (1 to 120 minutes, dates in a window) are the routine's
rules and are checked there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime, time
import math
import re
from typing import Any

import voluptuous as vol

# Values are repeated in refusals only this long.
SHOWN_LENGTH = 40
_WHOLE_NUMBER = re.compile(r"[+-]?\d+")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_TIME_OF_DAY = re.compile(r"\d{1,2}:\d{2}(:\d{2})?")


class FieldInvalid(vol.Invalid):  # type: ignore[misc]
    """A value of the wrong kind; ``key`` names the translated refusal."""

    def __init__(self, key: str, value: object, **placeholders: str) -> None:
        """Name the reason and the value that was refused."""
        super().__init__(key)
        self.key = key
        self.values = {"value": shown(value), **placeholders}


def shown(value: object) -> str:
    """Return a value as a refusal repeats it: briefly."""
    text = str(value)
    return text if len(text) <= SHOWN_LENGTH else f"{text[: SHOWN_LENGTH - 1]}…"


def whole_number(minimum: int, maximum: int) -> Callable[[Any], int]:
    """Return a validator of a whole number from 20, 20.0 or "20"; refuse 2.5, nan, inf, true.

    Its refusal names the range the field takes (a pain level: 0 to 10); the
    range itself is the routine's rule and is checked there.
    """
    limits = {"minimum": str(minimum), "maximum": str(maximum)}

    def validate(value: Any) -> int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, float) and math.isfinite(value) and value.is_integer():
            return int(value)
        if isinstance(value, str) and _WHOLE_NUMBER.fullmatch(found := value.strip()):
            try:
                return int(found)
            except ValueError:  # more digits than Python reads
                pass
        raise FieldInvalid("not_a_whole_number", value, **limits)

    return validate


def boolean(value: Any) -> bool:
    """Return true or false from a boolean, "true"/"false" (any case), 1 or 0; refuse the rest."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and (found := value.strip().lower()) in ("true", "false"):
        return found == "true"
    raise FieldInvalid("not_a_boolean", value)


def moment(value: Any) -> datetime:
    """Return an instant from a datetime or an ISO text "2026-03-09T10:00:00+01:00".

    Without an offset (as the date-and-time selector gives it) it is the
    house's local time, which the action adds; a date alone or a time alone is
    refused.
    """
    found: datetime | None = None
    if isinstance(value, datetime):
        found = value
    elif isinstance(value, str) and value.strip().upper()[10:11] in ("T", " "):
        try:
            found = datetime.fromisoformat(value.strip())
        except ValueError:
            found = None
    if found is None:
        raise FieldInvalid("not_a_moment", value)
    return found


def day(value: Any) -> date:
    """Return a calendar date from a date or "YYYY-MM-DD"; refuse a moment in time.

    A datetime is a ``date`` too, and unquoted YAML makes one of
    ``2026-03-09 10:00:00``; its day would depend on a time zone nobody gave.
    """
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str) and _ISO_DAY.fullmatch(found := value.strip()):
        try:
            return date.fromisoformat(found)
        except ValueError:  # 2026-02-30 and the like
            pass
    raise FieldInvalid("not_a_date", value)


def time_of_day(value: Any) -> time:
    """Return a time of day from a time or "HH:MM[:SS]"; refuse a date, a number, a list."""
    if isinstance(value, time):
        return value
    if isinstance(value, str) and _TIME_OF_DAY.fullmatch(found := value.strip()):
        try:
            hour, minute, second = (int(part) for part in f"{found}:0".split(":")[:3])
            return time(hour, minute, second)
        except ValueError:  # 25:00 and the like
            pass
    raise FieldInvalid("not_a_time", value)


def text(max_length: int) -> Callable[[Any], str | None]:
    """Return a validator of free text up to a length; blank text is no text (None)."""

    def validate(value: Any) -> str | None:
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise FieldInvalid("not_text", value)
        found = str(value).strip()
        if len(found) > max_length:
            raise FieldInvalid("text_too_long", value, maximum=str(max_length))
        return found or None

    return validate


def one_of(options: Iterable[str]) -> Callable[[Any], str]:
    """Return a validator of one of a few words, in any case."""
    allowed = list(options)

    def validate(value: Any) -> str:
        if isinstance(value, str) and (found := value.strip().lower()) in allowed:
            return found
        raise FieldInvalid("not_one_of", value, options=", ".join(allowed))

    return validate
