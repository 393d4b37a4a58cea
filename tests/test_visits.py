"""Tests for planned chiropractor visits: planning, logging and visits that begin."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from custom_components.back_relief.routine.day import Visit
from custom_components.back_relief.routine.history import History
from custom_components.back_relief.routine.session import RoutineError
from custom_components.back_relief.routine.visits import PlannedVisits

BERLIN = ZoneInfo("Europe/Berlin")
NOON = datetime(2026, 5, 4, 10, 0, tzinfo=UTC)  # 12:00 in Berlin
TODAY = date(2026, 5, 4)


def planned(*hours: int) -> PlannedVisits:
    """Return visits planned so many hours after noon."""
    visits = PlannedVisits()
    for hour in hours:
        visits.schedule(NOON + timedelta(hours=hour), None, today=TODAY, now=NOON, time_zone=BERLIN)
    return visits


def test_planned_visits_are_kept_soonest_first() -> None:
    """The next visit is the soonest that hasn't begun."""
    visits = planned(48, 2)
    assert [visit.visited_at for visit in visits.scheduled] == [
        NOON + timedelta(hours=2),
        NOON + timedelta(hours=48),
    ]
    assert visits.next(NOON) == Visit(NOON + timedelta(hours=2))
    assert visits.next(NOON + timedelta(days=3)) is None


@pytest.mark.parametrize(
    "at",
    [NOON - timedelta(minutes=1), NOON + timedelta(days=366)],
    ids=["already_past", "over_a_year_ahead"],
)
def test_planning_is_refused_in_the_past_or_over_a_year_ahead(at: datetime) -> None:
    """From now to a year ahead; a refusal names the window."""
    visits = PlannedVisits()
    with pytest.raises(RoutineError) as refused:
        visits.schedule(at, None, today=TODAY, now=NOON, time_zone=BERLIN)
    assert refused.value.key == "date_out_of_range"
    assert refused.value.placeholders["earliest"] == "2026-05-04"
    assert refused.value.placeholders["latest"] == "2027-05-04"
    assert visits.scheduled == []


def test_a_visit_logged_on_a_planned_day_is_that_visit() -> None:
    """Logging a visit on the day of a planned one takes the plan away."""
    visits, history = planned(2, 48), History()
    visits.log(TODAY, "fine", visited_at=NOON, history=history, today=TODAY, time_zone=BERLIN)
    assert history.get(TODAY).visits == [Visit(NOON, "fine")]
    assert [visit.visited_at for visit in visits.scheduled] == [NOON + timedelta(hours=48)]


def test_logging_is_refused_beyond_a_year_back() -> None:
    """A visit of over a year ago is refused and recorded nowhere."""
    visits, history = PlannedVisits(), History()
    long_ago = TODAY - timedelta(days=366)
    with pytest.raises(RoutineError):
        visits.log(long_ago, None, visited_at=NOON, history=history, today=TODAY, time_zone=BERLIN)
    assert history.revision == 0


def test_begun_visits_move_into_the_history_on_their_local_day() -> None:
    """A visit at 00:30 Berlin time counts for that local day, not the UTC one."""
    visits = PlannedVisits()
    after_midnight = datetime(2026, 5, 4, 22, 30, tzinfo=UTC)  # 00:30 on the 5th in Berlin
    visits.schedule(after_midnight, None, today=TODAY, now=NOON, time_zone=BERLIN)
    history = History()
    assert not visits.record_begun(after_midnight - timedelta(seconds=1), history, BERLIN)
    assert visits.record_begun(after_midnight, history, BERLIN)
    assert history.get(date(2026, 5, 5)).visits == [Visit(after_midnight)]
    assert visits.scheduled == []


def test_stored_form_reads_back() -> None:
    """Planned visits survive a restart."""
    visits = planned(2)
    assert PlannedVisits.from_list(visits.as_list()) == visits
