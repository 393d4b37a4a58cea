"""Tests for the typed session events and their one public form."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from custom_components.back_relief.const import EVENT_TYPES
from custom_components.back_relief.routine.day import Activity
from custom_components.back_relief.routine.events import (
    Cancelled,
    CheckIn,
    Extended,
    Finished,
    Overtime,
    Paused,
    Reminder,
    Resumed,
    SessionChange,
    SessionEvent,
    SessionFacts,
    Started,
    Step,
)
from custom_components.back_relief.routine.guided import Routine, Step as RoutineStep
from custom_components.back_relief.routine.session import Session
from custom_components.back_relief.routine.source import Source
from custom_components.back_relief.routine.steps import current_step

NOON = datetime(2026, 5, 4, 10, 0, tzinfo=UTC)
ROUTINE = Routine(
    "two", "Two", (RoutineStep("Cat", 60, "Arch"), RoutineStep("Side", 30, "Lean", per_side=True))
)
SESSION = {
    "activity": "stretch",
    "planned_minutes": 2,
    "started_at": "2026-05-04T10:00:00+00:00",
    "ends_at": "2026-05-04T10:02:00+00:00",
    "routine": "two",
    "source": "voice",
}


def session() -> Session:
    """Return a two-minute guided stretch started by voice at noon."""
    return Session.start(
        Activity.STRETCH, 2, NOON, max_inversion=30, routine="two", source=Source.VOICE
    )


def facts(source: Source | None = None) -> SessionFacts:
    """Return the session's facts, caused by a source or by the session itself."""
    return SessionFacts.of(session(), source)


def test_every_kind_names_an_event_type_of_the_entity() -> None:
    """Each kind's type is one the event entity declares."""
    kinds: list[type[SessionEvent]] = [
        Started,
        Paused,
        Resumed,
        Extended,
        Finished,
        Cancelled,
        Step,
        Reminder,
        CheckIn,
        Overtime,
    ]
    assert [kind.type for kind in kinds] == EVENT_TYPES


def test_an_event_of_the_session_itself_carries_what_started_it() -> None:
    """No source given: the session's own (its end, its next step); given: that one."""
    assert facts().source is Source.VOICE
    assert facts(Source.CARD).source is Source.CARD
    assert facts().as_data() == SESSION


@pytest.mark.parametrize(
    ("event", "more"),
    [
        (Started(session=facts()), {}),
        (Paused(session=facts(Source.CARD)), {"source": "card"}),
        (Resumed(session=facts(Source.BUTTON)), {"source": "button"}),
        (Extended(session=facts(), added_minutes=5), {"added_minutes": 5}),
        (Cancelled(session=facts(Source.ACTION)), {"source": "action", "credited_minutes": 0}),
        (
            Finished(session=facts(Source.PHONE), credited_minutes=1, stopped_early=True),
            {
                "source": "phone",
                "credited_minutes": 1,
                "stopped_early": True,
                "while_offline": False,
            },
        ),
        (
            Finished(
                session=facts(),
                credited_minutes=2,
                stopped_early=False,
                while_offline=True,
                late_seconds=42,
            ),
            {
                "credited_minutes": 2,
                "stopped_early": False,
                "while_offline": True,
                "late_seconds": 42,
            },
        ),
    ],
)
def test_each_kind_tells_the_session_and_its_own_facts(
    event: SessionChange, more: dict[str, object]
) -> None:
    """The public form is the session's facts and what the kind adds, as before."""
    assert event.as_data() == {**SESSION, **more}


def test_step_event_tells_the_session_and_the_step() -> None:
    """The step event is the session's data with the step's."""
    running = session()
    at = NOON + timedelta(seconds=75)
    step = current_step(running, ROUTINE, at)
    assert step is not None
    event = Step.at(running, step, at)
    assert (event.step, event.name, event.side) == (1, "Side", "left")
    assert event.as_data() == {
        **SESSION,
        "step": 1,
        "name": "Side",
        "side": "left",
        "cue": "Lean",
        "step_ends_at": "2026-05-04T10:01:30+00:00",
    }
    paused = running.pause(at)
    assert Step.at(paused, step, at, Source.CARD).as_data()["step_ends_at"] is None
    assert Step.at(paused, step, at, Source.CARD).as_data()["source"] == "card"


def test_a_session_stored_before_sources_tells_none() -> None:
    """A session read from an older store has no source to tell."""
    older = Session(Activity.REST, 10, NOON, NOON + timedelta(minutes=10))
    assert SessionFacts.of(older).as_data()["source"] is None


def test_reminders_and_check_ins_tell_their_own_facts_and_no_source() -> None:
    """A goal's reminder tells its minutes, a visit's its time; neither has a source."""
    assert Reminder(kind="sun", spoken=False, reason="sun_down").as_data() == {
        "activity": "sun",
        "spoken": False,
        "reason": "sun_down",
        "source": None,
    }
    assert Reminder(
        kind="exercise", spoken=True, reason=None, minutes_today=5, goal=20
    ).as_data() == {
        "activity": "exercise",
        "spoken": True,
        "reason": None,
        "minutes_today": 5,
        "goal": 20,
        "source": None,
    }
    assert Reminder(kind="visit", spoken=True, reason=None, visit_at=NOON).as_data() == {
        "activity": "visit",
        "spoken": True,
        "reason": None,
        "visit_at": "2026-05-04T10:00:00+00:00",
        "source": None,
    }
    assert CheckIn(question="pain", answer=4, channel="satellite", satellite="x").as_data() == {
        "question": "pain",
        "answer": 4,
        "channel": "satellite",
        "reason": None,
        "satellite": "x",
        "source": None,
    }


def test_events_are_frozen() -> None:
    """An event can't be changed once told."""
    event = Extended(session=facts(), added_minutes=5)
    with pytest.raises(AttributeError):
        event.added_minutes = 6  # type: ignore[misc]
