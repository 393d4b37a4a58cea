"""A session stopped or cancelled by mistake, kept for a short while so it can be undone.

Plain, typed Python with no Home Assistant imports. A person who taps Stop by
mistake, or hears the session end when they meant to pause, has two minutes to
bring it back. It comes back where it was when it ended: a running session
with the time it had left then (the minutes between the stop and the undo are
not counted as run, like a pause, since nobody knows whether the person went on
meanwhile), a paused session paused. What the stop credited is taken back.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from .session import Session

UNDO_WINDOW = timedelta(minutes=2)


@dataclass(frozen=True, slots=True)
class EndedSession:
    """A session as it was when it was stopped or cancelled, and what that credited."""

    session: Session
    ended_at: datetime
    credited_minutes: int

    @property
    def undo_until(self) -> datetime:
        """Return the instant after which the end can no longer be undone."""
        return self.ended_at + UNDO_WINDOW

    def can_undo(self, now: datetime) -> bool:
        """Return whether the end can still be undone."""
        return self.ended_at <= now < self.undo_until

    def brought_back(self, now: datetime) -> Session:
        """Return the session as it carries on: the time since it ended counts as paused."""
        if self.session.is_paused:
            return self.session
        return replace(self.session, ends_at=self.session.ends_at + (now - self.ended_at))
