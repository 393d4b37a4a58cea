"""Tests for one person's plain routine: sessions, logging, flare-up and the stored form."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from custom_components.back_relief.routine.checklist import Checklist, ChecklistItem
from custom_components.back_relief.routine.day import Activity, Goal
from custom_components.back_relief.routine.goals import DayGoals
from custom_components.back_relief.routine.guided import Routine, Step
from custom_components.back_relief.routine.history import History
from custom_components.back_relief.routine.person import PersonRoutine, find_routine
from custom_components.back_relief.routine.plan import PlanSettings
from custom_components.back_relief.routine.session import RoutineError
from custom_components.back_relief.routine.stored_person import as_stored, from_stored

BERLIN = ZoneInfo("Europe/Berlin")
NOON = datetime(2026, 5, 4, 10, 0, tzinfo=UTC)  # 12:00 in Berlin
TODAY = date(2026, 5, 4)
CAP = 30
SETTINGS = PlanSettings(start_minutes=2, step_minutes=1, goal_minutes=15, max_minutes=CAP)
TWO_STEPS = Routine("two", "Two steps", (Step("Cat", 60, "Arch"), Step("Cow", 60, "Dip")))
ROUTINES = {"two": TWO_STEPS}


def started(
    activity: Activity = Activity.EXERCISE, minutes: int | None = 20, now: datetime = NOON
) -> PersonRoutine:
    """Return a routine with a session started."""
    routine = PersonRoutine()
    routine.start(activity, minutes, now, max_inversion=CAP, routines=ROUTINES)
    return routine


def test_start_tells_started_with_the_session() -> None:
    """A start is one started event describing the new session."""
    routine = PersonRoutine()
    events = routine.start(Activity.REST, 15, NOON, max_inversion=CAP, routines=ROUTINES)
    assert [event.type for event in events] == ["started"]
    assert events[0].as_data() == {
        "activity": "rest",
        "planned_minutes": 15,
        "started_at": "2026-05-04T10:00:00+00:00",
        "ends_at": "2026-05-04T10:15:00+00:00",
        "routine": None,
        "source": "action",
    }
    assert routine.session is not None


def test_start_without_minutes_uses_the_duration_within_the_inversion_cap() -> None:
    """A default longer than a lowered cap still starts, at the cap."""
    routine = PersonRoutine()
    routine.durations[Activity.INVERSION] = 45
    routine.start(Activity.INVERSION, None, NOON, max_inversion=CAP, routines=ROUTINES)
    assert routine.session is not None
    assert routine.session.planned_minutes == CAP


def test_a_guided_start_tells_its_first_step_and_lasts_as_long_as_its_steps() -> None:
    """A guided routine starts with its first step; its session lasts two minutes."""
    routine = PersonRoutine()
    events = routine.start(
        Activity.STRETCH, None, NOON, max_inversion=CAP, routine="two", routines=ROUTINES
    )
    assert [event.type for event in events] == ["started", "step"]
    assert events[1].as_data()["name"] == "Cat"
    assert events[1].as_data()["step_ends_at"] == "2026-05-04T10:01:00+00:00"
    assert routine.session is not None
    assert routine.session.planned_minutes == 2


@pytest.mark.parametrize(
    ("activity", "minutes", "key", "placeholders"),
    [
        (Activity.EXERCISE, None, "routine_stretch_only", {}),
        (Activity.STRETCH, None, "unknown_routine", {"routine": "nope", "routines": "two"}),
        # A routine lasts as long as its steps; a length beside it, in range or not, is a slip.
        (Activity.STRETCH, 2, "routine_sets_duration", {"routine": "two"}),
        (Activity.STRETCH, 500, "routine_sets_duration", {"routine": "two"}),
    ],
)
def test_a_refused_guided_start_changes_nothing(
    activity: Activity, minutes: int | None, key: str, placeholders: dict[str, str]
) -> None:
    """A routine only stretches, only a known one, at its own length; a refusal starts nothing."""
    routine = PersonRoutine()
    name = "nope" if key == "unknown_routine" else "two"
    with pytest.raises(RoutineError) as refused:
        routine.start(activity, minutes, NOON, max_inversion=CAP, routine=name, routines=ROUTINES)
    assert refused.value.key == key
    assert refused.value.placeholders == placeholders
    assert routine.session is None


def test_a_second_start_is_refused_naming_the_running_activity() -> None:
    """One session at a time."""
    routine = started(Activity.REST)
    with pytest.raises(RoutineError) as refused:
        routine.start(Activity.EXERCISE, 10, NOON, max_inversion=CAP, routines=ROUTINES)
    assert refused.value.key == "session_active"
    assert refused.value.placeholders == {"activity": "rest"}


def test_start_with_defaults_runs_the_chosen_stretch_routine() -> None:
    """The stretch button runs the chosen routine; an unknown choice is a plain timer."""
    routine = PersonRoutine(stretch_routine="two")
    routine.start_with_defaults(Activity.STRETCH, NOON, max_inversion=CAP, routines=ROUTINES)
    assert routine.session is not None
    assert routine.session.routine == "two"
    plain = PersonRoutine(stretch_routine="removed")
    plain.start_with_defaults(Activity.STRETCH, NOON, max_inversion=CAP, routines=ROUTINES)
    assert plain.session is not None
    assert plain.session.routine is None
    assert plain.session.planned_minutes == 15


def test_pause_resume_extend_tell_what_happened() -> None:
    """Each change returns its event with the session as it is after the change."""
    routine = started()
    assert routine.pause(NOON + timedelta(minutes=5))[0].type == "paused"
    resumed = routine.resume(NOON + timedelta(minutes=15))
    assert resumed[0].as_data()["ends_at"] == "2026-05-04T10:30:00+00:00"
    extended = routine.extend(5, max_inversion=CAP)
    assert extended[0].type == "extended"
    assert extended[0].as_data()["added_minutes"] == 5
    assert extended[0].as_data()["planned_minutes"] == 25


@pytest.mark.parametrize("change", ["pause", "resume", "extend", "stop", "cancel"])
def test_changes_without_a_session_are_refused(change: str) -> None:
    """Nothing to change without a session."""
    routine = PersonRoutine()
    calls = {
        "pause": lambda: routine.pause(NOON),
        "resume": lambda: routine.resume(NOON),
        "extend": lambda: routine.extend(5, max_inversion=CAP),
        "stop": lambda: routine.stop(NOON, BERLIN),
        "cancel": lambda: routine.cancel(NOON, BERLIN),
    }
    with pytest.raises(RoutineError) as refused:
        calls[change]()
    assert refused.value.key == "no_session"
    assert routine.history.revision == 0


def test_stop_credits_the_minutes_run_to_the_day_it_started() -> None:
    """A session started before midnight counts for the day it started, and is recorded."""
    late = datetime(2026, 5, 4, 21, 50, tzinfo=UTC)  # 23:50 in Berlin
    routine = started(now=late)
    (finished,) = routine.stop(late + timedelta(minutes=15), BERLIN)
    assert finished.type == "finished"
    assert finished.as_data()["credited_minutes"] == 15
    assert finished.as_data()["stopped_early"] is True
    assert routine.session is None
    day = routine.history.get(TODAY)
    assert day.minutes == {Activity.EXERCISE: 15}
    assert day.sessions[0].ended_at == late + timedelta(minutes=15)
    assert routine.history.get(TODAY + timedelta(days=1)).minutes == {}


def test_cancel_credits_nothing_and_records_nothing() -> None:
    """A cancelled session leaves no trace in the history."""
    routine = started()
    (cancelled,) = routine.cancel(NOON + timedelta(minutes=10), BERLIN)
    assert cancelled.type == "cancelled"
    assert cancelled.as_data()["credited_minutes"] == 0
    assert len(routine.history) == 0


def test_finish_if_due_waits_for_the_end_and_tells_how_late() -> None:
    """Before its end nothing happens; after it, the planned minutes count."""
    routine = started()
    assert routine.finish_if_due(NOON + timedelta(minutes=19), BERLIN, while_offline=False) == []
    assert routine.session is not None
    late = NOON + timedelta(minutes=20, seconds=42)
    (finished,) = routine.finish_if_due(late, BERLIN, while_offline=True)
    assert finished.as_data()["credited_minutes"] == 20
    assert finished.as_data()["while_offline"] is True
    assert finished.as_data()["late_seconds"] == 42
    assert routine.history.get(TODAY).sessions[0].ended_at == NOON + timedelta(minutes=20)


@pytest.mark.parametrize(
    ("minutes", "day", "key"),
    [
        (0, TODAY, "duration_out_of_range"),
        (601, TODAY, "duration_out_of_range"),
        (10, TODAY + timedelta(days=1), "date_out_of_range"),
        (10, TODAY - timedelta(days=61), "date_out_of_range"),
    ],
)
def test_log_activity_refuses_minutes_and_dates_outside_the_limits(
    minutes: int, day: date, key: str
) -> None:
    """From 1 to 600 minutes, on a day of the last 60 days."""
    routine = PersonRoutine()
    with pytest.raises(RoutineError) as refused:
        routine.log_activity(Activity.EXERCISE, minutes, day, None, today=TODAY)
    assert refused.value.key == key
    assert routine.history.revision == 0


def test_log_activity_and_pain() -> None:
    """Logged minutes count for their day; pain is kept with its instant and note."""
    routine = PersonRoutine()
    routine.log_activity(Activity.EXERCISE, 30, TODAY - timedelta(days=60), "yoga", today=TODAY)
    routine.log_pain(4, "stiff", NOON, today=TODAY)
    assert routine.history.get(TODAY - timedelta(days=60)).kinds == {"yoga": 30}
    assert routine.history.latest_pain() is not None
    assert routine.history.get(TODAY).pain[0].note == "stiff"
    with pytest.raises(RoutineError) as refused:
        routine.log_pain(11, None, NOON, today=TODAY)
    assert refused.value.placeholders == {"value": "11", "minimum": "0", "maximum": "10"}


def test_flare_up_marks_today_and_every_day_since_it_was_last_on() -> None:
    """Days while Home Assistant was down are paused too, from the day it was turned on."""
    routine = PersonRoutine()
    routine.set_flare_up(True, TODAY)  # noqa: FBT003
    assert routine.flare_up_on(TODAY)
    assert routine.history.get(TODAY).flare_up
    later = TODAY + timedelta(days=3)
    assert routine.turn_day(later, SETTINGS)
    marked = [day for day, log in routine.history.days_between(TODAY, later)]
    assert all(routine.history.get(day).flare_up for day in marked)
    assert not routine.history.get(TODAY - timedelta(days=1)).flare_up
    routine.set_flare_up(False, later)  # noqa: FBT003
    assert not routine.flare_up_on(later)
    assert routine.history.get(later).flare_up  # a day with any flare-up stays paused


def test_a_streak_skips_the_days_of_a_flare_up_not_marked_yet() -> None:
    """Days of a flare-up still on are paused before a midnight tick marks them."""
    routine = PersonRoutine()
    for offset in (1, 2, 3):
        routine.log_activity(
            Activity.EXERCISE, 20, TODAY - timedelta(days=offset), None, today=TODAY
        )
    routine.set_flare_up(True, TODAY)  # noqa: FBT003
    later = TODAY + timedelta(days=4)
    assert routine.is_paused(later)
    assert not routine.is_paused(TODAY - timedelta(days=1))
    assert routine.streak(Goal.EXERCISE, DayGoals({Goal.EXERCISE: 20}), later).current == 3
    assert routine.history.streak(Goal.EXERCISE, 20, later).current == 0


def test_find_routine_refuses_an_unknown_key_naming_the_known_ones() -> None:
    """The refusal lists what may be chosen."""
    assert find_routine(ROUTINES, "two") is TWO_STEPS
    with pytest.raises(RoutineError) as refused:
        find_routine(ROUTINES, "three")
    assert refused.value.placeholders == {"routine": "three", "routines": "two"}


def test_stored_form_comes_back_whole() -> None:
    """Everything kept across restarts reads back as it was written."""
    routine = started(Activity.REST)
    routine.log_pain(3, None, NOON, today=TODAY)
    routine.durations[Activity.REST] = 25
    routine.reminders_enabled = False
    routine.rest_snapshot = {"light.lamp": {"brightness": 200}}
    routine.stretch_routine = "two"
    routine.checklist.add("own", "Walk")
    stored = as_stored(routine)
    again = from_stored(stored, Checklist(), routine.history, TODAY)
    assert as_stored(again) == stored
    assert again.session == routine.session


def test_someone_new_starts_on_the_plan_and_a_hand_set_number_moves_it() -> None:
    """A new person's inversion starts at the plan's first length; a number set by hand holds."""
    routine = PersonRoutine.for_new_person(Checklist(), TODAY, SETTINGS)
    assert routine.durations[Activity.INVERSION] == 2
    routine.set_duration(Activity.INVERSION, 4)
    assert routine.gentle.plan is not None
    assert routine.gentle.plan.moved
    assert not PersonRoutine().gentle.plan


def test_stored_form_without_a_checklist_keeps_the_default() -> None:
    """An empty stored checklist is the built-in one."""
    default = Checklist([ChecklistItem("sun", "Sun")])
    assert from_stored({}, default, History(), TODAY).checklist is default


@pytest.mark.parametrize(
    "unreadable",
    [
        {"checklist": [{"uid": "vitamin_d"}]},
        {"session": {"activity": "juggling"}},
        {"durations": {"exercise": "long"}},
        {"rest_snapshot": ["light.lamp"]},
        {"scheduled_visits": [["tomorrow", None]]},
    ],
)
def test_stored_form_that_cant_be_read_raises(unreadable: dict[str, object]) -> None:
    """Storage sets such a file aside; the routine never takes half of it."""
    with pytest.raises((KeyError, TypeError, ValueError, AttributeError)):
        from_stored(unreadable, Checklist(), History(), TODAY)


def test_history_is_a_fresh_one_for_each_routine() -> None:
    """Two people never share a history by a default."""
    assert PersonRoutine().history is not PersonRoutine().history
    assert isinstance(PersonRoutine().history, History)


def test_feedback_reaches_a_session_whose_day_has_closed() -> None:
    """Answered after midnight, the feedback is kept with yesterday's session; once only."""
    berlin = ZoneInfo("Europe/Berlin")
    routine = PersonRoutine()
    started = datetime(2026, 11, 25, 22, 30, tzinfo=berlin)
    routine.start(Activity.REST, 20, started, max_inversion=30, routines={})
    routine.finish_if_due(started + timedelta(minutes=20), berlin, while_offline=False)
    routine.history.close_days(date(2026, 11, 26))

    with pytest.raises(RoutineError):
        routine.give_feedback(started + timedelta(minutes=1), "easier", berlin)
    routine.give_feedback(started.astimezone(UTC), "easier", berlin)

    record = routine.session_record(started.astimezone(UTC), berlin)
    assert record is not None
    assert record.feedback == "easier"
