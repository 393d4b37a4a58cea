"""Tests for the plain insights: what went together with pain, and only with enough days."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from custom_components.back_relief.language.texts import group
from custom_components.back_relief.look_back.insights import (
    MIN_DAYS,
    Insight,
    Subject,
    Words,
    find_insights,
)
from custom_components.back_relief.routine.day import Activity, DayLog, PainEntry, Visit
from custom_components.back_relief.routine.history import History

FIRST = date(2026, 3, 1)
GOALS = {
    Subject.EXERCISE: 20,
    Subject.STRETCH: 15,
    Subject.INVERSION: 15,
    Subject.REST: 15,
}


def texts(language: str = "en") -> Words:
    """Return the insight sentences of a language, as the integration reads them."""
    return Words(language, group(language, "insights"))


def days_of(
    inverted: int, not_inverted: int, *, pain_inverted: int = 3, pain_other: int = 5
) -> list[tuple[date, DayLog]]:
    """Return days with 15 minutes of inversion and days without, each with one pain level."""
    history = History()
    for offset in range(inverted + not_inverted):
        day = FIRST + timedelta(days=offset)
        at = datetime(day.year, day.month, day.day, 18, tzinfo=UTC)
        if offset < inverted:
            history.add_minutes(day, Activity.INVERSION, 15)
            history.edit(day).pain.append(PainEntry(at, pain_inverted))
        else:
            history.add_minutes(day, Activity.INVERSION, 14)
            history.edit(day).pain.append(PainEntry(at, pain_other))
    return history.days_between(FIRST, FIRST + timedelta(days=inverted + not_inverted - 1))


def test_inversion_days_are_compared_with_the_days_behind_each_side() -> None:
    """Eight days with 15 minutes against seven with 14: pain 2.0 lower, both counts given."""
    found = {insight.subject: insight for insight in find_insights(days_of(8, 7), GOALS)}
    inversion = found[Subject.INVERSION]
    assert (inversion.days_with, inversion.days_without) == (8, 7)
    assert (inversion.pain_with, inversion.pain_without, inversion.difference) == (3.0, 5.0, -2.0)
    assert inversion.text(texts()) == (
        "On days with 15 or more minutes of inversion, pain was 2.0 lower: 3.0 on average over"
        " 8 days, against 5.0 over 7 other days."
    )


@pytest.mark.parametrize(("with_it", "without"), [(6, 20), (20, 6), (6, 6)])
def test_no_insight_with_fewer_than_seven_days_on_a_side(with_it: int, without: int) -> None:
    """Six days on either side say too little: nothing about inversion is given."""
    found = find_insights(days_of(with_it, without), GOALS)
    assert Subject.INVERSION not in {insight.subject for insight in found}
    assert MIN_DAYS == 7


def test_days_without_pain_take_no_part() -> None:
    """Minutes on days without a pain level count on neither side."""
    days = days_of(7, 7)
    for offset in range(20):
        history = History()
        day = FIRST + timedelta(days=30 + offset)
        history.add_minutes(day, Activity.INVERSION, 30)
        days.append((day, history.get(day)))
    inversion = next(i for i in find_insights(days, GOALS) if i.subject is Subject.INVERSION)
    assert (inversion.days_with, inversion.days_without) == (7, 7)


def test_exercise_counts_stretching_as_its_goal_does() -> None:
    """Ten minutes of each make a day of 20 exercise minutes."""
    history = History()
    for offset in range(14):
        day = FIRST + timedelta(days=offset)
        if offset % 2:
            history.add_minutes(day, Activity.EXERCISE, 10)
            history.add_minutes(day, Activity.STRETCH, 10)
        history.edit(day).pain.append(PainEntry(datetime(2026, 3, 1, tzinfo=UTC), 4 + offset % 2))
    days = history.days_between(FIRST, FIRST + timedelta(days=13))
    exercise = next(i for i in find_insights(days, GOALS) if i.subject is Subject.EXERCISE)
    assert (exercise.days_with, exercise.pain_with, exercise.pain_without) == (7, 5.0, 4.0)
    assert "1.0 higher" in exercise.text(texts())


def test_flare_up_and_visits_each_have_their_comparison() -> None:
    """Flare-up days against the rest; a visit's day and the two after against the rest."""
    history = History()
    for offset in range(21):
        day = FIRST + timedelta(days=offset)
        log = history.edit(day)
        log.flare_up = offset < 7
        log.pain.append(PainEntry(datetime(2026, 3, 1, tzinfo=UTC), 7 if offset < 7 else 3))
    for offset in (7, 10, 13):
        visit_day = FIRST + timedelta(days=offset)
        history.edit(visit_day).visits.append(Visit(datetime(2026, 3, 1, tzinfo=UTC)))
    days = history.days_between(FIRST, FIRST + timedelta(days=20))
    found = {insight.subject: insight for insight in find_insights(days, {})}
    assert set(found) == {Subject.FLARE_UP, Subject.VISIT}
    assert (found[Subject.FLARE_UP].days_with, found[Subject.FLARE_UP].difference) == (7, 4.0)
    visit = found[Subject.VISIT]
    assert (visit.days_with, visit.days_without, visit.difference) == (9, 12, -2.3)
    assert visit.text(texts()).startswith(
        "On the day of a chiropractor visit and the two days after, pain was 2.3 lower"
    )


def test_a_difference_that_rounds_to_nothing_is_about_the_same() -> None:
    """Equal pain on both sides is said as such, never as higher or lower."""
    insight = Insight(Subject.REST, 15, 8, 9, 4.0, 4.0)
    assert insight.difference == 0
    assert "about the same" in insight.text(texts())


@pytest.mark.parametrize("language", ["de", "fr", "es", "nl"])
def test_every_language_says_it_with_its_decimal_mark_and_both_counts(language: str) -> None:
    """A German, French, Spanish or Dutch sentence has 1,6 and the numbers of days."""
    insight = Insight(Subject.INVERSION, 15, 12, 9, 3.1, 4.7)
    sentence = insight.text(texts(language))
    assert "1,6" in sentence
    assert "3,1" in sentence
    assert "12" in sentence
    assert "9" in sentence
    assert texts(language).number(1.25) == "1,2"


def test_no_sentence_gives_advice() -> None:
    """Associations only: no "should", "try", "helps" or "because" in any English sentence."""
    for key, sentence in texts().texts.items():
        for word in ("should", "try", "help", "because", "caus", "recommend"):
            assert word not in sentence.lower(), (key, word)
