"""Where a change of a session came from: the card, a voice command, a button...

Plain Python with no Home Assistant imports. Every session event carries one,
and a session's record keeps the one that started it.
"""

from __future__ import annotations

from enum import StrEnum


class Source(StrEnum):
    """What caused a session event."""

    CARD = "card"
    VOICE = "voice"
    ACTION = "action"
    BUTTON = "button"
    SIGN = "sign"
    TAG = "tag"
    PHONE = "phone"


def source_or_none(value: object) -> Source | None:
    """Return a stored source; None for one not recorded (older records) or not known."""
    return Source(value) if isinstance(value, str) and value in set(Source) else None
