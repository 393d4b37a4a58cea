"""The buttons of a notification on the person's phones: what each one names, and when it is stale.

Plain Python with no Home Assistant imports. An action id carries everything a
press needs: what to do, for whom (the entry id) and when it was offered, so
that a press does exactly that for that person, once, and a stale one nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

PREFIX = "BACK_RELIEF"
SEPARATOR = "|"


class Verb(StrEnum):
    """What a button does."""

    START = "start"  # a reminder's "Start now"; value: the activity
    LATER = "later"  # a reminder's "In 30 minutes"; value: the reminder's kind
    SKIP = "skip"  # a reminder's "Skip today"; value: the reminder's kind
    PAIN = "pain"  # a check-in's level button; value: the level
    REPLY = "reply"  # a check-in's reply field; the level is in the typed text
    FEEDBACK = "feedback"  # easier, the same or harder; value: the answer


@dataclass(frozen=True, slots=True)
class PhoneAction:
    """One button of one notification.

    ``offered_at`` is when the notification was sent; for session feedback it
    is the session's start, which names the session's record.
    """

    verb: Verb
    value: str
    entry_id: str
    offered_at: datetime

    def encode(self) -> str:
        """Return the action id the companion app sends back."""
        stamp = str(int(self.offered_at.timestamp()))
        return SEPARATOR.join((PREFIX, self.verb, self.value, self.entry_id, stamp))

    @classmethod
    def decode(cls, action_id: object) -> PhoneAction | None:
        """Return the button an action id names; None for another sender's or a garbled one."""
        if not isinstance(action_id, str):
            return None
        parts = action_id.split(SEPARATOR)
        if len(parts) != 5 or parts[0] != PREFIX:  # noqa: PLR2004 - prefix, verb, value, entry, stamp
            return None
        _, verb, value, entry_id, stamp = parts
        try:
            return cls(Verb(verb), value, entry_id, datetime.fromtimestamp(int(stamp), UTC))
        except ValueError:
            return None


@dataclass(frozen=True, slots=True, kw_only=True)
class PressFacts:
    """What a press depends on, when it comes in.

    ``started_since``: a session of the reminder's activity started after the
    notification was sent. ``pain_since``: a pain level was logged after it.
    ``feedback_open``: the session's record is there and has no feedback yet.
    """

    now: datetime
    valid_for: timedelta
    session_running: bool = False
    started_since: bool = False
    skipped_today: bool = False
    later_pending: bool = False
    pain_since: bool = False
    feedback_open: bool = False


def stale_reason(action: PhoneAction, facts: PressFacts) -> str | None:
    """Return why a press changes nothing, or None when it does what it says."""
    reminder = (Verb.START, Verb.LATER, Verb.SKIP)
    rules: list[tuple[bool, str]] = [
        (facts.now - action.offered_at > facts.valid_for, "too_old"),
        (action.verb in reminder and facts.started_since, "already_started"),
        (action.verb in (Verb.START, Verb.LATER) and facts.session_running, "session_running"),
        (action.verb in (Verb.LATER, Verb.SKIP) and facts.skipped_today, "already_skipped"),
        (action.verb is Verb.LATER and facts.later_pending, "already_later"),
        (action.verb in (Verb.PAIN, Verb.REPLY) and facts.pain_since, "already_answered"),
        (action.verb is Verb.FEEDBACK and not facts.feedback_open, "already_answered"),
    ]
    return next((reason for stale, reason in rules if stale), None)
