"""Tests for the plain session state machine."""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from datetime import UTC, date, datetime, timedelta
import json
from zoneinfo import ZoneInfo

import pytest

from custom_components.back_relief.routine.day import Activity, Goal, local_date
from custom_components.back_relief.routine.history import History
from custom_components.back_relief.routine.session import (
    MAX_EXTEND_MINUTES,
    MAX_SESSION_MINUTES,
    MIN_SESSION_MINUTES,
    RoutineError,
    Session,
    SessionStatus,
    check_session_minutes,
)
from custom_components.back_relief.routine.streaks import Streak

BERLIN = ZoneInfo("Europe/Berlin")
NOON = datetime(2026, 5, 4, 10, 0, tzinfo=UTC)  # 12:00 in Berlin
MAX_INVERSION = 30


def minutes(count: float) -> timedelta:
    """Return a span of minutes."""
    return timedelta(minutes=count)


def start(
    activity: Activity = Activity.EXERCISE,
    length: int = 30,
    now: datetime = NOON,
    routine: str | None = None,
) -> Session:
    """Start a session with the default inversion cap."""
    return Session.start(activity, length, now, max_inversion=MAX_INVERSION, routine=routine)


def error_of(exc_info: pytest.ExceptionInfo[RoutineError]) -> tuple[str, dict[str, str]]:
    """Return the key and placeholders of a raised RoutineError."""
    return exc_info.value.key, exc_info.value.placeholders


# --- Limits and errors ----------------------------------------------------------------


def test_limits_match_the_contract() -> None:
    """Sessions are 1 to 120 minutes; an extension is 1 to 60 minutes."""
    assert (MIN_SESSION_MINUTES, MAX_SESSION_MINUTES, MAX_EXTEND_MINUTES) == (1, 120, 60)


def test_routine_error_carries_its_key_and_placeholders() -> None:
    """A RoutineError names its reason as the message and keeps the placeholders."""
    error = RoutineError("duration_out_of_range", minutes="0", minimum="1", maximum="120")
    assert error.key == "duration_out_of_range"
    assert str(error) == "duration_out_of_range"
    assert error.placeholders == {"minutes": "0", "minimum": "1", "maximum": "120"}
    assert RoutineError("not_running").placeholders == {}


@pytest.mark.parametrize("activity", [Activity.EXERCISE, Activity.STRETCH, Activity.REST])
@pytest.mark.parametrize("length", [1, 15, 120])
def test_sessions_of_1_to_120_minutes_are_allowed(activity: Activity, length: int) -> None:
    """Every non-inversion activity accepts lengths from 1 to 120 minutes."""
    check_session_minutes(activity, length, MAX_INVERSION)
    assert start(activity, length).planned_minutes == length


@pytest.mark.parametrize("activity", [Activity.EXERCISE, Activity.STRETCH, Activity.REST])
@pytest.mark.parametrize("length", [-5, 0, 121, 600])
def test_sessions_outside_1_to_120_minutes_are_refused(activity: Activity, length: int) -> None:
    """A length outside 1 to 120 minutes raises duration_out_of_range with the limits."""
    with pytest.raises(RoutineError) as exc_info:
        start(activity, length)
    assert error_of(exc_info) == (
        "duration_out_of_range",
        {"minutes": str(length), "minimum": "1", "maximum": "120"},
    )


@pytest.mark.parametrize(
    ("max_inversion", "length"), [(30, 1), (30, 15), (30, 30), (15, 15), (60, 60)]
)
def test_inversion_up_to_the_cap_is_allowed(max_inversion: int, length: int) -> None:
    """Inversion accepts any length from 1 minute up to the configured cap."""
    session = Session.start(Activity.INVERSION, length, NOON, max_inversion=max_inversion)
    assert session.planned_minutes == length
    assert session.ends_at == NOON + minutes(length)


@pytest.mark.parametrize(
    ("max_inversion", "length"), [(30, 31), (30, 0), (15, 16), (60, 61), (30, 120)]
)
def test_inversion_beyond_the_cap_is_refused(max_inversion: int, length: int) -> None:
    """Inversion over the cap (or under a minute) raises duration_out_of_range naming the cap."""
    with pytest.raises(RoutineError) as exc_info:
        Session.start(Activity.INVERSION, length, NOON, max_inversion=max_inversion)
    assert error_of(exc_info) == (
        "duration_out_of_range",
        {"minutes": str(length), "minimum": "1", "maximum": str(max_inversion)},
    )


def test_inversion_cap_does_not_limit_other_activities() -> None:
    """A 45 minute rest is fine with a 30 minute inversion cap."""
    check_session_minutes(Activity.REST, 45, 30)
    with pytest.raises(RoutineError):
        check_session_minutes(Activity.INVERSION, 45, 30)


# --- Starting and finishing -----------------------------------------------------------


def test_a_started_session_runs_until_its_end_time() -> None:
    """A new session runs, ends after its planned minutes and has run nothing yet."""
    session = start(Activity.REST, 15, routine=None)
    assert session.activity is Activity.REST
    assert session.planned_minutes == 15
    assert session.started_at == NOON
    assert session.ends_at == datetime(2026, 5, 4, 10, 15, tzinfo=UTC)
    assert session.paused_at is None
    assert session.routine is None
    assert session.status is SessionStatus.RUNNING
    assert str(session.status) == "running"
    assert session.is_paused is False
    assert session.remaining(NOON) == minutes(15)
    assert session.run_time(NOON) == timedelta(0)
    assert session.minutes_run(NOON) == 0


def test_a_stretch_session_keeps_its_routine() -> None:
    """The chosen stretch routine is remembered on the session."""
    assert start(Activity.STRETCH, 10, routine="lower_back").routine == "lower_back"


def test_session_is_due_exactly_at_its_end_time() -> None:
    """A running session is due at its end time and after, not a second before."""
    session = start(length=20)
    assert session.is_due(NOON + minutes(20) - timedelta(seconds=1)) is False
    assert session.is_due(NOON + minutes(20)) is True
    assert session.is_due(NOON + minutes(90)) is True


def test_remaining_counts_down_and_stops_at_zero() -> None:
    """The time left shrinks with the clock and never goes below zero."""
    session = start(length=20)
    assert session.remaining(NOON + minutes(5)) == minutes(15)
    assert session.remaining(NOON + timedelta(minutes=19, seconds=30)) == timedelta(seconds=30)
    assert session.remaining(NOON + minutes(20)) == timedelta(0)
    assert session.remaining(NOON + minutes(45)) == timedelta(0)


def test_a_finished_session_has_run_its_planned_minutes_and_no_more() -> None:
    """At or long after the end time, the minutes run are the planned minutes."""
    session = start(length=20)
    assert session.minutes_run(NOON + minutes(20)) == 20
    assert session.minutes_run(NOON + timedelta(hours=8)) == 20
    assert session.run_time(NOON + timedelta(hours=8)) == minutes(20)


def test_a_shifted_routine_moves_its_position_and_end_but_not_the_time_run() -> None:
    """Skipping ahead or going back moves where a routine stands; the time run stays true."""
    session = start(Activity.STRETCH, 10, routine="gentle_back")
    later = NOON + minutes(2)
    skipped = session.shift_routine(minutes(3))
    assert skipped.routine_time(later) == minutes(5)
    assert skipped.run_time(later) == minutes(2)
    assert skipped.ends_at == NOON + minutes(7)
    assert skipped.full_minutes == 7
    repeated = skipped.shift_routine(-timedelta(seconds=90))
    assert repeated.routine_time(later) == timedelta(minutes=3, seconds=30)
    assert repeated.run_time(later) == minutes(2)
    assert repeated.full_minutes == 9  # 8:30 run by the end, halves up
    assert Session.from_dict(json.loads(json.dumps(repeated.as_dict()))) == repeated
    # Stored before routines could move: no shift.
    assert "routine_shift" not in session.as_dict()
    assert Session.from_dict(session.as_dict()).routine_shift == timedelta(0)


def test_a_clock_before_the_start_counts_nothing_run() -> None:
    """A clock that reads earlier than the start never gives negative minutes."""
    session = start(length=20)
    assert session.run_time(NOON - minutes(5)) == timedelta(0)
    assert session.minutes_run(NOON - minutes(5)) == 0


# --- Stopping early ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("elapsed", "expected"),
    [
        (timedelta(seconds=0), 0),
        (timedelta(seconds=29), 0),
        (timedelta(seconds=30), 1),
        (timedelta(seconds=89), 1),
        (timedelta(seconds=90), 2),
        (timedelta(minutes=2, seconds=29), 2),
        (timedelta(minutes=2, seconds=30), 3),
        (timedelta(minutes=3, seconds=30), 4),
        (timedelta(minutes=12, seconds=30), 13),
        (timedelta(minutes=12, seconds=31), 13),
        (timedelta(minutes=29, seconds=59), 30),
    ],
)
def test_stopping_early_credits_minutes_run_rounded_half_up(
    elapsed: timedelta, expected: int
) -> None:
    """Minutes run round to the nearest minute, halves always up (2:30 is 3, like 3:30 is 4)."""
    assert start(length=30).minutes_run(NOON + elapsed) == expected


def test_stopping_a_paused_session_credits_only_the_time_run() -> None:
    """Stopping during a pause credits the minutes run before it, not the pause."""
    session = start(length=30).pause(NOON + minutes(12))
    assert session.minutes_run(NOON + minutes(50)) == 12
    assert session.run_time(NOON + minutes(50)) == minutes(12)


# --- Pause and resume -----------------------------------------------------------------


def test_pause_freezes_the_countdown() -> None:
    """While paused, the time left and the time run stand still and nothing is due."""
    paused = start(length=30).pause(NOON + minutes(10))
    assert paused.status is SessionStatus.PAUSED
    assert str(paused.status) == "paused"
    assert paused.is_paused is True
    assert paused.paused_at == NOON + minutes(10)
    assert paused.ends_at == NOON + minutes(30)  # moves only on resume
    for later in (minutes(10), minutes(25), minutes(30), timedelta(hours=5)):
        assert paused.remaining(NOON + later) == minutes(20)
        assert paused.minutes_run(NOON + later) == 10
        assert paused.is_due(NOON + later) is False


def test_resume_moves_the_end_time_by_the_paused_time() -> None:
    """Resuming after a 30 minute pause ends 30 minutes later; paused time is not run time."""
    running = start(length=30).pause(NOON + minutes(10)).resume(NOON + minutes(40))
    assert running.status is SessionStatus.RUNNING
    assert running.paused_at is None
    assert running.ends_at == NOON + minutes(60)
    assert running.started_at == NOON
    assert running.planned_minutes == 30
    assert running.remaining(NOON + minutes(45)) == minutes(15)
    assert running.run_time(NOON + minutes(45)) == minutes(15)
    assert running.minutes_run(NOON + minutes(45)) == 15
    assert running.is_due(NOON + minutes(59)) is False
    assert running.is_due(NOON + minutes(60)) is True
    assert running.minutes_run(NOON + minutes(60)) == 30


def test_several_pauses_add_up() -> None:
    """Each pause moves the end time by its own length, to the second."""
    session = start(length=20)
    session = session.pause(NOON + minutes(5)).resume(NOON + timedelta(minutes=7, seconds=30))
    session = session.pause(NOON + minutes(10)).resume(NOON + minutes(25))
    assert session.ends_at == NOON + timedelta(minutes=37, seconds=30)
    assert session.minutes_run(NOON + minutes(25)) == 8  # 7.5 minutes run, rounded up
    assert session.run_time(NOON + minutes(25)) == timedelta(minutes=7, seconds=30)


def test_pause_and_resume_return_new_sessions_and_leave_the_old_one_alone() -> None:
    """Sessions are immutable: a change returns a new session."""
    running = start(length=30)
    paused = running.pause(NOON + minutes(10))
    assert running.paused_at is None
    assert running.ends_at == NOON + minutes(30)
    assert paused is not running
    with pytest.raises(FrozenInstanceError):
        running.planned_minutes = 60  # type: ignore[misc]


def test_pausing_a_paused_session_is_refused_with_not_running() -> None:
    """Pausing twice raises not_running and keeps the first pause time."""
    paused = start(length=30).pause(NOON + minutes(10))
    with pytest.raises(RoutineError) as exc_info:
        paused.pause(NOON + minutes(15))
    assert error_of(exc_info) == ("not_running", {})
    assert paused.paused_at == NOON + minutes(10)


def test_resuming_a_running_session_is_refused_with_not_paused() -> None:
    """Resuming a running session raises not_paused and changes nothing."""
    running = start(length=30)
    with pytest.raises(RoutineError) as exc_info:
        running.resume(NOON + minutes(10))
    assert error_of(exc_info) == ("not_paused", {})
    assert running.ends_at == NOON + minutes(30)


# --- Extend ------------------------------------------------------------------------------


def test_extend_adds_minutes_to_the_plan_and_the_end_time() -> None:
    """Extending by 10 minutes plans 10 more and ends 10 minutes later."""
    session = start(Activity.REST, 15).extend(10, max_inversion=MAX_INVERSION)
    assert session.planned_minutes == 25
    assert session.ends_at == NOON + minutes(25)
    assert session.started_at == NOON
    assert session.is_due(NOON + minutes(15)) is False
    assert session.minutes_run(NOON + minutes(25)) == 25


def test_extend_a_paused_session_keeps_it_paused() -> None:
    """Extending while paused adds to the time left; the pause and its time still hold."""
    session = start(length=20).pause(NOON + minutes(5)).extend(10, max_inversion=MAX_INVERSION)
    assert session.is_paused is True
    assert session.remaining(NOON + minutes(30)) == minutes(25)
    assert session.minutes_run(NOON + minutes(30)) == 5
    resumed = session.resume(NOON + minutes(15))
    assert resumed.ends_at == NOON + minutes(40)
    assert resumed.minutes_run(NOON + minutes(40)) == 30


def test_extend_after_a_pause_keeps_the_paused_time_out() -> None:
    """The end time after pause, resume and extend adds exactly the pause and the extension."""
    session = start(length=20).pause(NOON + minutes(5)).resume(NOON + minutes(12))
    session = session.extend(5, max_inversion=MAX_INVERSION)
    assert session.ends_at == NOON + minutes(32)
    assert session.minutes_run(NOON + minutes(22)) == 15


@pytest.mark.parametrize("extra", [1, 60])
def test_extend_by_1_to_60_minutes_is_allowed(extra: int) -> None:
    """An extension of 1 to 60 minutes is accepted."""
    assert start(length=30).extend(extra, max_inversion=MAX_INVERSION).planned_minutes == 30 + extra


@pytest.mark.parametrize("extra", [-1, 0, 61])
def test_extend_outside_1_to_60_minutes_is_refused(extra: int) -> None:
    """An extension outside 1 to 60 minutes raises duration_out_of_range with those limits."""
    with pytest.raises(RoutineError) as exc_info:
        start(length=30).extend(extra, max_inversion=MAX_INVERSION)
    assert error_of(exc_info) == (
        "duration_out_of_range",
        {"minutes": str(extra), "minimum": "1", "maximum": "60"},
    )


def test_extend_inversion_up_to_the_cap_is_allowed() -> None:
    """A 20 minute inversion can grow to the 30 minute cap, in steps."""
    session = start(Activity.INVERSION, 20)
    session = session.extend(5, max_inversion=30).extend(5, max_inversion=30)
    assert session.planned_minutes == 30
    assert session.ends_at == NOON + minutes(30)


def test_extend_inversion_past_the_cap_is_refused() -> None:
    """Extending an inversion past the cap raises duration_out_of_range naming total and cap."""
    session = start(Activity.INVERSION, 20)
    with pytest.raises(RoutineError) as exc_info:
        session.extend(11, max_inversion=30)
    assert error_of(exc_info) == (
        "duration_out_of_range",
        {"minutes": "31", "minimum": "1", "maximum": "30"},
    )
    full = start(Activity.INVERSION, 30)
    with pytest.raises(RoutineError) as exc_info:
        full.extend(1, max_inversion=30)
    assert error_of(exc_info) == (
        "duration_out_of_range",
        {"minutes": "31", "minimum": "1", "maximum": "30"},
    )
    assert full.planned_minutes == 30


def test_extend_inversion_uses_the_cap_given_at_extend_time() -> None:
    """A lowered cap refuses an extension a higher cap would have allowed."""
    session = Session.start(Activity.INVERSION, 20, NOON, max_inversion=60)
    assert session.extend(10, max_inversion=60).planned_minutes == 30
    with pytest.raises(RoutineError) as exc_info:
        session.extend(10, max_inversion=25)
    assert error_of(exc_info)[1]["maximum"] == "25"


# --- Midnight and daylight saving time ---------------------------------------------------------


def test_a_session_across_midnight_is_credited_to_the_start_day() -> None:
    """A 30 minute session started 23:50 local ends after midnight, counts for the start day."""
    started = datetime(2026, 6, 10, 21, 50, tzinfo=UTC)  # 23:50 CEST
    session = Session.start(Activity.REST, 30, started, max_inversion=MAX_INVERSION)
    assert session.ends_at == datetime(2026, 6, 10, 22, 20, tzinfo=UTC)  # 00:20 CEST
    assert local_date(session.ends_at, BERLIN) == date(2026, 6, 11)
    assert session.is_due(datetime(2026, 6, 10, 22, 20, tzinfo=UTC)) is True

    history = History()
    history.add_minutes(
        local_date(session.started_at, BERLIN), session.activity, session.planned_minutes
    )
    assert history.get(date(2026, 6, 10)).goal_minutes(Goal.REST) == 30
    assert history.get(date(2026, 6, 11)).goal_minutes(Goal.REST) == 0
    assert history.streak(Goal.REST, 15, date(2026, 6, 11)) == Streak(
        current=1, best=1, today_met=False
    )


def test_a_session_paused_over_midnight_is_credited_to_the_start_day() -> None:
    """A session started 23:50, paused over midnight, stopped 00:40 credits the start day."""
    started = datetime(2026, 6, 10, 21, 50, tzinfo=UTC)  # 23:50 CEST
    session = Session.start(Activity.EXERCISE, 30, started, max_inversion=MAX_INVERSION)
    # Paused from 23:58 to 00:28.
    session = session.pause(started + minutes(8)).resume(started + minutes(38))
    stopped = started + minutes(50)  # 00:40 CEST
    assert session.minutes_run(stopped) == 20

    history = History()
    history.add_minutes(
        local_date(session.started_at, BERLIN), session.activity, session.minutes_run(stopped)
    )
    assert history.as_dict() == {"2026-06-10": {"minutes": {"exercise": 20}}}


@pytest.mark.parametrize(
    ("started", "ends", "local_start_day"),
    [
        # 01:50 CET on 2026-03-29; 30 real minutes later it is 03:20 CEST.
        (
            datetime(2026, 3, 29, 0, 50, tzinfo=UTC),
            datetime(2026, 3, 29, 1, 20, tzinfo=UTC),
            date(2026, 3, 29),
        ),
        # 02:50 CEST on 2026-10-25; 30 real minutes later it is the second 02:20, in CET.
        (
            datetime(2026, 10, 25, 0, 50, tzinfo=UTC),
            datetime(2026, 10, 25, 1, 20, tzinfo=UTC),
            date(2026, 10, 25),
        ),
    ],
    ids=["spring-forward", "fall-back"],
)
def test_a_session_across_a_dst_change_lasts_its_real_minutes(
    started: datetime, ends: datetime, local_start_day: date
) -> None:
    """Across a DST change a 30 minute session lasts 30 real minutes, counts for its start day."""
    session = Session.start(Activity.INVERSION, 30, started, max_inversion=MAX_INVERSION)
    assert session.ends_at == ends
    assert session.remaining(started + minutes(20)) == minutes(10)
    assert session.is_due(ends - timedelta(seconds=1)) is False
    assert session.is_due(ends) is True
    assert session.minutes_run(started + minutes(20)) == 20
    assert local_date(session.started_at, BERLIN) == local_start_day


def test_a_session_given_local_berlin_times_ends_30_real_minutes_later_across_fall_back() -> None:
    """Local, zone-aware clock readings across the fall-back hour still count real minutes.

    02:50 CEST plus 30 minutes is the second 02:20 (CET), not 03:20 CET, which
    would be 90 real minutes. The caller's clock may well be local time.
    """
    started = datetime(2026, 10, 25, 2, 50, tzinfo=BERLIN)  # first 02:50, CEST
    session = Session.start(Activity.INVERSION, 30, started, max_inversion=MAX_INVERSION)
    second_0220 = datetime(2026, 10, 25, 2, 20, fold=1, tzinfo=BERLIN)  # 01:20 UTC
    assert session.ends_at.astimezone(UTC) == datetime(2026, 10, 25, 1, 20, tzinfo=UTC)
    assert session.is_due(second_0220) is True
    second_0210 = datetime(2026, 10, 25, 2, 10, fold=1, tzinfo=BERLIN)  # 01:10 UTC
    assert session.remaining(second_0210) == minutes(10)
    assert session.minutes_run(second_0210) == 20


def test_a_session_given_local_berlin_times_counts_real_minutes_across_spring_forward() -> None:
    """Local clock readings across the spring-forward gap still count real minutes."""
    started = datetime(2026, 3, 29, 1, 50, tzinfo=BERLIN)  # 01:50 CET, 00:50 UTC
    session = Session.start(Activity.INVERSION, 30, started, max_inversion=MAX_INVERSION)
    assert session.ends_at.astimezone(UTC) == datetime(2026, 3, 29, 1, 20, tzinfo=UTC)
    at_0310 = datetime(2026, 3, 29, 3, 10, tzinfo=BERLIN)  # CEST, 01:10 UTC
    assert session.remaining(at_0310) == minutes(10)
    assert session.minutes_run(at_0310) == 20
    assert session.is_due(at_0310) is False


def test_a_pause_given_local_berlin_times_across_fall_back_moves_the_end_by_real_minutes() -> None:
    """Paused from the first 02:55 (CEST) to the second 02:05 (CET) is a 10 minute pause."""
    started = datetime(2026, 10, 25, 2, 40, tzinfo=BERLIN)  # 00:40 UTC
    session = Session.start(Activity.REST, 30, started, max_inversion=MAX_INVERSION)
    session = session.pause(datetime(2026, 10, 25, 2, 55, tzinfo=BERLIN))  # 00:55 UTC
    session = session.resume(datetime(2026, 10, 25, 2, 5, fold=1, tzinfo=BERLIN))  # 01:05 UTC
    assert session.ends_at.astimezone(UTC) == datetime(2026, 10, 25, 1, 20, tzinfo=UTC)


# --- Storage --------------------------------------------------------------------------------


def test_a_running_session_is_stored_in_plain_json_types() -> None:
    """A running session's stored form names every field, with ISO times."""
    session = start(Activity.STRETCH, 10, routine="lower_back")
    assert session.as_dict() == {
        "activity": "stretch",
        "planned_minutes": 10,
        "started_at": "2026-05-04T10:00:00+00:00",
        "ends_at": "2026-05-04T10:10:00+00:00",
        "paused_at": None,
        "routine": "lower_back",
        "source": "action",
    }


def test_a_running_session_round_trips_through_json() -> None:
    """A running session read back from storage is equal and behaves the same."""
    session = start(Activity.INVERSION, 20)
    restored = Session.from_dict(json.loads(json.dumps(session.as_dict())))
    assert restored == session
    assert restored.activity is Activity.INVERSION
    assert restored.status is SessionStatus.RUNNING
    assert restored.is_due(NOON + minutes(20)) is True
    assert restored.minutes_run(NOON + minutes(7)) == 7


def test_a_paused_session_round_trips_through_json() -> None:
    """A paused, extended session keeps its pause and plan across storage."""
    session = (
        start(Activity.REST, 15).extend(5, max_inversion=MAX_INVERSION).pause(NOON + minutes(4))
    )
    stored = session.as_dict()
    assert stored["paused_at"] == "2026-05-04T10:04:00+00:00"
    assert stored["planned_minutes"] == 20
    restored = Session.from_dict(json.loads(json.dumps(stored)))
    assert restored == session
    assert restored.status is SessionStatus.PAUSED
    assert restored.remaining(NOON + timedelta(hours=3)) == minutes(16)
    resumed = restored.resume(NOON + minutes(10))
    assert resumed.ends_at == NOON + minutes(26)


def test_a_session_stored_with_local_times_round_trips() -> None:
    """Stored offsets are kept, so the same instants come back."""
    started = datetime(2026, 10, 24, 22, 30, tzinfo=UTC).astimezone(BERLIN)  # 00:30 CEST on 10-25
    session = Session.start(
        Activity.EXERCISE, 20, started.astimezone(UTC), max_inversion=MAX_INVERSION
    )
    restored = Session.from_dict(json.loads(json.dumps(session.as_dict())))
    assert restored.started_at == started
    assert local_date(restored.started_at, BERLIN) == date(2026, 10, 25)


def test_a_session_stored_without_optional_fields_reads_back() -> None:
    """A stored session lacking paused_at and routine reads back running, without a routine."""
    restored = Session.from_dict(
        {
            "activity": "rest",
            "planned_minutes": 15,
            "started_at": "2026-05-04T10:00:00+00:00",
            "ends_at": "2026-05-04T10:15:00+00:00",
        }
    )
    assert restored == Session(Activity.REST, 15, NOON, NOON + minutes(15))
    assert restored.paused_at is None
    assert restored.routine is None
    # Stored before sources were kept: what started it is not known.
    assert restored.source is None
