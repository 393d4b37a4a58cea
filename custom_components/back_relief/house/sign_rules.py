"""What a sign in the house means: a reading held long enough, and the table guard.

Plain Python driven by the instants it is given. A sign is an entity that shows a
person is at an activity (a table's vibration sensor, a mat's occupancy, a plug's
power). ``SignWatch`` turns its readings into one settled answer, "there" or "not
there", that changes only when a reading has held for the start or stop delay, so a
flapping sign changes nothing. Unknown and unavailable readings are neither on nor
off: they hold nothing and settle nothing. The first reading that is on or off is
taken as it is, without a change, so a sign found on at start-up starts nothing.

``TableGuard`` says when to ask a person still on the inversion table after their
session to come up slowly, once a minute, and when they have been upside down too
long (two minutes past the longest inversion session).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

ON_STATES = frozenset({"on"})
OFF_STATES = frozenset({"off"})
CUE_EVERY = timedelta(minutes=1)
OVERTIME_AFTER_LONGEST = timedelta(minutes=2)
# How long before its session's end a sign that went off ends it (before the clock does).
ENDS_AHEAD = timedelta(seconds=1)
# A tag read again this soon is the same scan (a reader that reports one tap twice).
SAME_SCAN_WITHIN = timedelta(seconds=5)
# After a restart, the guard is taken up again for a session that ended this recently.
RESUME_WITHIN = timedelta(hours=1)


class Reading(StrEnum):
    """What a sign shows at a moment."""

    ON = "on"
    OFF = "off"
    UNKNOWN = "unknown"


def reading_of(state: str | None, above: float | None) -> Reading:
    """Return what a sign's state says: on and off, or a number above a threshold.

    A number is on above the threshold (above 0 without one); anything else
    (unknown, unavailable, no state at all) is unknown.
    """
    if state in ON_STATES:
        return Reading.ON
    if state in OFF_STATES:
        return Reading.OFF
    try:
        value = float(state) if state is not None else None
    except ValueError:
        value = None
    if value is None or value != value:  # noqa: PLR0124 - NaN is not a reading
        return Reading.UNKNOWN
    return Reading.ON if value > (above or 0) else Reading.OFF


def same_scan(last: datetime | None, now: datetime) -> bool:
    """Return whether a tag read now is the scan read at ``last`` (None: never read)."""
    return last is not None and now - last < SAME_SCAN_WITHIN


class Notice(StrEnum):
    """What a settled sign tells: the person began, or ended."""

    BEGAN = "began"
    ENDED = "ended"


@dataclass(frozen=True, slots=True)
class SignChange:
    """A settled change, and when the reading that settled it began."""

    notice: Notice
    since: datetime


@dataclass(slots=True)
class SignWatch:
    """One sign's readings, settled by the start and stop delays."""

    start_after: timedelta
    stop_after: timedelta
    # Settled: None until the first reading that is on or off.
    there: bool | None = None
    reading: Reading = Reading.UNKNOWN
    reading_since: datetime | None = None

    def read(self, reading: Reading, now: datetime) -> None:
        """Take a reading; a repeated one keeps its start."""
        if reading is self.reading:
            return
        self.reading = reading
        self.reading_since = now
        if self.there is None and reading is not Reading.UNKNOWN:
            # Found on (at start-up, or when the sign first shows up): nothing began now.
            self.there = reading is Reading.ON

    def due_at(self, session_ends_at: datetime | None = None) -> datetime | None:
        """Return when the present reading settles a change, if it holds; None if none can.

        Off while the sign's session would reach its end before the stop delay runs
        out, it settles just before that end: the session, left early, is then
        credited until the sign went off rather than in full.
        """
        if self.there is None or self.reading_since is None:
            return None
        if self.reading is Reading.ON and not self.there:
            return self.reading_since + self.start_after
        if self.reading is Reading.OFF and self.there:
            due = self.reading_since + self.stop_after
            if session_ends_at is not None and session_ends_at - ENDS_AHEAD < due:
                return max(self.reading_since, session_ends_at - ENDS_AHEAD)
            return due
        return None

    def settle(self, now: datetime, session_ends_at: datetime | None = None) -> SignChange | None:
        """Return the change the reading has settled by now, once; None while none is due."""
        due = self.due_at(session_ends_at)
        if due is None or now < due or self.reading_since is None:
            return None
        self.there = self.reading is Reading.ON
        return SignChange(Notice.BEGAN if self.there else Notice.ENDED, self.reading_since)


@dataclass(frozen=True, slots=True)
class GuardDue:
    """What the table guard does at a wake-up."""

    cue: bool
    overtime: bool


@dataclass(slots=True)
class TableGuard:
    """Someone still on the inversion table after their session ended."""

    started_at: datetime
    ended_at: datetime
    longest: timedelta
    cues_given: int = 0
    overtime_told: bool = False
    checked_at: datetime | None = None

    @property
    def overtime_at(self) -> datetime:
        """Return when the person has been upside down two minutes past the longest session."""
        return self.started_at + self.longest + OVERTIME_AFTER_LONGEST

    def next_at(self) -> datetime:
        """Return the next instant the guard has something to do."""
        next_cue = self.ended_at + CUE_EVERY * (self.cues_given + 1)
        checked_at = self.checked_at or self.ended_at
        if self.overtime_told or self.overtime_at <= checked_at:
            # Told, or passed while the sign could not tell: looked at again with each cue.
            return next_cue
        return min(next_cue, self.overtime_at)

    def due(self, now: datetime, *, on_table: bool) -> GuardDue:
        """Return what is due by now; a cue missed is given once, not once per minute missed.

        Nothing is said or told while the sign does not show the person on the
        table (it went off, or can't tell); the overtime waits for it.
        """
        self.checked_at = now
        minutes_since_end = int((now - self.ended_at) / CUE_EVERY)
        cue = minutes_since_end > self.cues_given
        if cue:
            self.cues_given = minutes_since_end
        overtime = on_table and not self.overtime_told and now >= self.overtime_at
        if overtime:
            self.overtime_told = True
        return GuardDue(cue=cue and on_table, overtime=overtime)

    @classmethod
    def resumed(
        cls, started_at: datetime, ended_at: datetime, longest: timedelta, now: datetime
    ) -> TableGuard | None:
        """Return the guard again after a restart, for a session that ended at most an hour ago.

        Its cues go on from the present minute. An overtime that fell in the restart
        is told (it may have been told before: better twice than not at all).
        """
        if not ended_at <= now < ended_at + RESUME_WITHIN:
            return None
        guard = cls(started_at=started_at, ended_at=ended_at, longest=longest)
        guard.cues_given = int((now - ended_at) / CUE_EVERY)
        return guard

    def upside_down_minutes(self, now: datetime) -> int:
        """Return the whole minutes since the session started."""
        return int((now - self.started_at) / timedelta(minutes=1))
