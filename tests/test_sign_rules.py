"""The plain rules of signs: readings, the settling delays, and the table guard's minutes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from custom_components.back_relief.house.sign_rules import (
    Notice,
    Reading,
    SignChange,
    SignWatch,
    TableGuard,
    reading_of,
    same_scan,
)

T0 = datetime(2026, 12, 6, 9, 0, tzinfo=UTC)


def at(seconds: float) -> datetime:
    """Return an instant seconds after T0."""
    return T0 + timedelta(seconds=seconds)


@pytest.mark.parametrize(
    ("state", "above", "reading"),
    [
        ("on", None, Reading.ON),
        ("off", None, Reading.OFF),
        ("unavailable", None, Reading.UNKNOWN),
        ("unknown", None, Reading.UNKNOWN),
        (None, None, Reading.UNKNOWN),
        ("120.5", 50, Reading.ON),
        ("50", 50, Reading.OFF),
        ("3", 50, Reading.OFF),
        ("0.1", None, Reading.ON),
        ("0", None, Reading.OFF),
        ("nan", 50, Reading.UNKNOWN),
        ("standby", 50, Reading.UNKNOWN),
    ],
)
def test_what_a_state_reads(state: str | None, above: float | None, reading: Reading) -> None:
    """On and off as they are; a number above its threshold is on; the rest is unknown."""
    assert reading_of(state, above) is reading


def watch() -> SignWatch:
    """Return a watch with the default delays that has seen the sign off."""
    sign = SignWatch(timedelta(seconds=20), timedelta(seconds=60))
    sign.read(Reading.OFF, T0)
    return sign


def test_on_settles_after_the_start_delay_from_when_it_came_on() -> None:
    """The change is told once, with the instant the reading began."""
    sign = watch()
    sign.read(Reading.ON, at(10))
    assert sign.due_at() == at(30)
    assert sign.settle(at(29)) is None
    assert sign.settle(at(30)) == SignChange(Notice.BEGAN, at(10))
    assert sign.settle(at(40)) is None
    assert sign.due_at() is None


def test_a_reading_repeated_keeps_its_start() -> None:
    """Home Assistant reports the same state again (an attribute changed): nothing restarts."""
    sign = watch()
    sign.read(Reading.ON, at(10))
    sign.read(Reading.ON, at(25))
    assert sign.due_at() == at(30)


def test_flapping_settles_nothing() -> None:
    """On and off every 3 seconds for a minute: neither delay is ever reached."""
    sign = watch()
    for step in range(20):
        sign.read(Reading.ON if step % 2 == 0 else Reading.OFF, at(step * 3))
        assert sign.settle(at(step * 3 + 2.9)) is None
    assert sign.there is False


def test_unknown_holds_nothing_and_settles_nothing() -> None:
    """Unknown while there: no stop however long; off afterwards counts from then."""
    sign = watch()
    sign.read(Reading.ON, at(0))
    sign.settle(at(20))
    sign.read(Reading.UNKNOWN, at(30))
    assert sign.due_at() is None
    assert sign.settle(at(3600)) is None
    sign.read(Reading.OFF, at(3600))
    assert sign.settle(at(3660)) == SignChange(Notice.ENDED, at(3600))


def test_the_first_reading_is_taken_as_it_is() -> None:
    """A sign first seen on (at start-up) is there already: nothing began."""
    sign = SignWatch(timedelta(seconds=20), timedelta(seconds=60))
    sign.read(Reading.UNKNOWN, T0)
    assert sign.there is None
    sign.read(Reading.ON, at(5))
    assert sign.there is True
    assert sign.settle(at(600)) is None


def guard() -> TableGuard:
    """Return a guard for a session of 15 minutes that ended at T0; the longest is 30."""
    return TableGuard(
        started_at=T0 - timedelta(minutes=15), ended_at=T0, longest=timedelta(minutes=30)
    )


def test_the_guard_cues_each_minute_and_tells_overtime_once() -> None:
    """Cues at minutes 1, 2, ... after the end; overtime 32 minutes after the start."""
    table = guard()
    assert table.next_at() == at(60)
    cues = 0
    overtimes = []
    now = T0
    while now < at(30 * 60):
        now = table.next_at()
        due = table.due(now, on_table=True)
        cues += due.cue
        if due.overtime:
            overtimes.append(now)
    assert overtimes == [T0 + timedelta(minutes=17)]
    assert cues == 30
    assert table.upside_down_minutes(at(17 * 60)) == 32


def test_a_missed_minute_is_one_cue_and_overtime_waits_for_the_sign() -> None:
    """Woken late, one cue; overtime passed while the sign could not tell comes when it can."""
    table = guard()
    assert table.due(at(150), on_table=True).cue
    assert table.cues_given == 2
    assert table.next_at() == at(180)
    late = T0 + timedelta(minutes=17, seconds=30)
    assert not table.due(late, on_table=False).overtime
    assert not table.overtime_told
    # Passed unseen, the overtime is looked at again with the next cue, not in a loop.
    assert table.next_at() == T0 + timedelta(minutes=18)
    assert table.due(table.next_at(), on_table=True).overtime


def test_off_before_the_session_ends_settles_just_before_its_end() -> None:
    """The session would end, in full, before the stop delay: the sign ends it just before."""
    sign = watch()
    sign.read(Reading.ON, at(0))
    sign.settle(at(20))
    sign.read(Reading.OFF, at(100))
    assert sign.due_at() == at(160)
    assert sign.due_at(session_ends_at=at(130)) == at(129)
    assert sign.due_at(session_ends_at=at(100.5)) == at(100)
    assert sign.due_at(session_ends_at=at(600)) == at(160)
    assert sign.settle(at(129), session_ends_at=at(130)) == SignChange(Notice.ENDED, at(100))


def test_the_guard_resumed_after_a_restart_goes_on_from_the_present_minute() -> None:
    """No burst of missed cues; a session that ended over an hour ago is not guarded."""
    table = TableGuard.resumed(
        T0 - timedelta(minutes=15), T0, timedelta(minutes=30), T0 + timedelta(minutes=3.5)
    )
    assert table is not None
    assert table.cues_given == 3
    assert table.next_at() == T0 + timedelta(minutes=4)
    assert (
        TableGuard.resumed(T0, T0, timedelta(minutes=30), T0 + timedelta(hours=1, seconds=1))
        is None
    )


def test_a_tag_read_twice_within_seconds_is_one_scan() -> None:
    """A reader that reports one tap twice; a second tap later is a second scan."""
    assert not same_scan(None, T0)
    assert same_scan(T0, at(4.9))
    assert not same_scan(T0, at(5))
