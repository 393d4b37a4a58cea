"""Tests for the plain report: what it holds, its page and its CSV."""

from __future__ import annotations

import csv
from datetime import UTC, date, datetime, timedelta
import io
from pathlib import Path
import re

import pytest

from custom_components.back_relief.look_back.insights import Subject
from custom_components.back_relief.look_back.report import (
    CSV_HEADER,
    Report,
    build_report,
    csv_rows,
    period,
)
from custom_components.back_relief.look_back.report_html import (
    render_csv,
    render_html,
    report_filename,
    report_words,
)
from custom_components.back_relief.routine.day import (
    Activity,
    Goal,
    PainEntry,
    SessionRecord,
    Visit,
)
from custom_components.back_relief.routine.goals import DayGoals
from custom_components.back_relief.routine.history import History

SPEECH = Path(__file__).parent.parent / "custom_components" / "back_relief" / "speech"
LANGUAGES = ("en", "de", "fr", "es", "nl")
GOALS = DayGoals({Goal.EXERCISE: 20, Goal.REST: 15, Goal.INVERSION: 15})
INSIGHT_MINUTES = {
    Subject.EXERCISE: 20,
    Subject.STRETCH: 15,
    Subject.INVERSION: 15,
    Subject.REST: 15,
}
# Monday 2026-03-02 to Sunday 2026-03-15 (ISO weeks 10 and 11), and three days of week 9.
FIRST = date(2026, 2, 27)
LAST = date(2026, 3, 15)
HOSTILE = "<script>alert('x')</script> & \"quotes\""


def at(day: date, hour: int = 18) -> datetime:
    """Return an instant on a day."""
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def sample_history(note: str = "stiff after the drive") -> History:
    """Return 17 days: inversion every day, exercise on odd days, pain, a flare-up, a visit."""
    history = History()
    for offset in range((LAST - FIRST).days + 1):
        day = FIRST + timedelta(days=offset)
        history.add_minutes(day, Activity.INVERSION, 15)
        if offset % 2:
            history.add_minutes(day, Activity.EXERCISE, 25)
        history.edit(day).pain.append(PainEntry(at(day), 2 + offset % 4))
    history.edit(date(2026, 3, 4)).flare_up = True
    history.edit(date(2026, 3, 4)).pain.append(PainEntry(at(date(2026, 3, 4), 20), 8, note))
    history.edit(date(2026, 3, 10)).visits.append(Visit(at(date(2026, 3, 10)), note))
    return history


def make_report(history: History, name: str = "Alex") -> Report:
    """Return the report of the sample period."""
    return build_report(name, history.days_between(FIRST, LAST), GOALS, INSIGHT_MINUTES)


def test_the_report_counts_goal_days_weeks_flare_ups_visits_and_notes() -> None:
    """17 days: every day met inversion, 8 met exercise; weeks by ISO week."""
    report = build_report("Alex", sample_history().days_between(FIRST, LAST), GOALS, {})
    assert report.goal_days == {Goal.EXERCISE: 8, Goal.REST: 0, Goal.INVERSION: 17}
    assert [week.label for week in report.weeks] == ["2026-W09", "2026-W10", "2026-W11"]
    assert [week.days for week in report.weeks] == [3, 7, 7]
    assert report.weeks[1].first_day == date(2026, 3, 2)
    assert report.weeks[1].minutes[Activity.INVERSION] == 105
    assert report.weeks[1].goals_met[Goal.INVERSION] == 7
    assert report.flare_up_days == [date(2026, 3, 4)]
    assert [(entry.day, entry.text) for entry in report.visits] == [
        (date(2026, 3, 10), "stiff after the drive")
    ]
    assert [(entry.day, entry.level, entry.text) for entry in report.notes] == [
        (date(2026, 3, 4), 8, "stiff after the drive")
    ]
    assert report.pain.days == 17
    assert (report.pain.lowest, report.pain.highest) == (2, 8)
    assert report.feedback == []


def test_session_feedback_shows_when_sessions_have_it() -> None:
    """A session answered "harder" is listed with its day, activity and minutes."""
    history = sample_history()
    day = date(2026, 3, 12)
    history.edit(day).sessions.append(
        SessionRecord(at(day, 7), at(day, 7), Activity.INVERSION, 15, None, "harder")
    )
    history.edit(day).sessions.append(SessionRecord(at(day, 8), at(day, 8), Activity.REST, 5))
    report = build_report("Alex", history.days_between(FIRST, LAST), GOALS, {})
    feedback = [(entry.day, entry.activity, entry.minutes, entry.text) for entry in report.feedback]
    assert feedback == [(day, Activity.INVERSION, 15, "harder")]
    texts, insight_texts = report_words("en")
    page = render_html(report, texts, insight_texts)
    assert "How sessions felt" in page
    assert "Harder than usual" in page
    without = render_html(
        build_report("Alex", sample_history().days_between(FIRST, LAST), GOALS, {}),
        texts,
        insight_texts,
    )
    assert "How sessions felt" not in without


@pytest.mark.parametrize(
    ("language", "heading", "card", "unknown"),
    [
        ("en", "Started from", "The card", "Not recorded"),
        ("de", "Gestartet über", "Die Karte", "Nicht erfasst"),
        ("fr", "Lancée par", "La carte", "Non enregistré"),
        ("es", "Iniciada desde", "La tarjeta", "Sin registrar"),
        ("nl", "Gestart via", "De kaart", "Niet vastgelegd"),
    ],
)
def test_sessions_show_how_they_were_started(
    language: str, heading: str, card: str, unknown: str
) -> None:
    """Sessions are counted by source, the most used first; older records (none) last."""
    history = sample_history()
    day = date(2026, 3, 12)
    sessions = history.edit(day).sessions
    sessions.append(SessionRecord(at(day, 7), at(day, 7), Activity.INVERSION, 15, source="card"))
    sessions.append(SessionRecord(at(day, 8), at(day, 8), Activity.REST, 5, source="card"))
    sessions.append(SessionRecord(at(day, 9), at(day, 9), Activity.REST, 10, source="voice"))
    sessions.append(SessionRecord(at(day, 10), at(day, 10), Activity.REST, 10))
    report = build_report("Alex", history.days_between(FIRST, LAST), GOALS, {})
    assert [(found.source, found.sessions, found.minutes) for found in report.sessions] == [
        ("card", 2, 20),
        ("voice", 1, 10),
        (None, 1, 10),
    ]
    page = render_html(report, *report_words(language))
    assert heading in page
    assert card in page
    assert unknown in page
    without = render_html(
        build_report("Alex", sample_history().days_between(FIRST, LAST), GOALS, {}),
        *report_words(language),
    )
    assert heading not in without


def test_csv_has_a_header_and_one_row_a_day_with_iso_dates() -> None:
    """17 days, 17 rows after the header; minutes, pain and goals as numbers."""
    report = build_report("Alex", sample_history().days_between(FIRST, LAST), GOALS, {})
    rows = list(csv.reader(io.StringIO(render_csv(report))))
    assert tuple(rows[0]) == CSV_HEADER
    assert rows[0] == [
        "date",
        "exercise_minutes",
        "stretch_minutes",
        "inversion_minutes",
        "rest_minutes",
        "pain_mean",
        "pain_max",
        "flare_up",
        "exercise_goal_met",
        "rest_goal_met",
        "inversion_goal_met",
    ]
    assert len(rows) == 1 + 17
    assert [row[0] for row in rows[1:]] == [
        (FIRST + timedelta(days=offset)).isoformat() for offset in range(17)
    ]
    # 2026-03-04 is the fifth day (offset 5 is odd: exercise), pain 3 and 8, a flare-up.
    assert rows[6] == ["2026-03-04", "25", "0", "15", "0", "5.5", "8", "1", "1", "0", "1"]
    assert rows[1] == ["2026-02-27", "0", "0", "15", "0", "2.0", "2", "0", "0", "0", "1"]
    assert csv_rows(report)[1:] == [tuple(row) for row in rows[1:]]


def test_hostile_text_is_escaped_everywhere_on_the_page() -> None:
    """A name and notes made of markup come out as text, never as markup."""
    report = build_report(HOSTILE, sample_history(HOSTILE).days_between(FIRST, LAST), GOALS, {})
    page = render_html(report, *report_words("en"))
    assert "<script" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;quotes&quot;" in page
    assert page.count("&lt;script&gt;") == 1 + 1 + 1 + 1  # title, heading, visit, note


def test_file_names_keep_only_safe_characters() -> None:
    """A name with markup or accents becomes a plain file name."""
    assert report_filename(HOSTILE, LAST, "csv") == (
        "back-relief-script-alert--x----script-----quotes-2026-03-15.csv"
    )
    assert report_filename("Zoë", LAST, "csv") == "back-relief-zo-2026-03-15.csv"
    assert report_filename("", LAST, "csv") == "back-relief-report-2026-03-15.csv"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_page_speaks_each_language_with_its_own_numbers(language: str) -> None:
    """Every heading comes from the language's texts; no text is left unfilled."""
    texts, insight_texts = report_words(language)
    history = sample_history()
    report = build_report("Alex", history.days_between(FIRST, LAST), GOALS, INSIGHT_MINUTES)
    page = render_html(report, texts, insight_texts)
    assert f"<html lang={language}>" in page
    for key in ("goals", "pain", "weeks", "visits", "notes", "insights", "footer"):
        assert texts.texts[key] in page.replace("&#x27;", "'"), key
    assert not re.search(r"\{\w+\}", page)


def test_insights_leave_today_out_and_need_seven_days_each_side() -> None:
    """Inversion every day leaves no day without it: no insight about inversion.

    Exercise on odd days gives 8 and 8 days (today, the 17th, left out), so it is there.
    """
    report = make_report(sample_history())
    subjects = {insight.subject for insight in report.insights}
    assert Subject.INVERSION not in subjects
    exercise = next(i for i in report.insights if i.subject is Subject.EXERCISE)
    assert exercise.days_with + exercise.days_without == 16


def test_a_period_of_days_ends_on_its_last_day() -> None:
    """Thirty days ending on the 15th of March begin on the 14th of February."""
    assert period(LAST, 30) == (date(2026, 2, 14), LAST)
    assert period(LAST, 1) == (LAST, LAST)


def test_a_long_period_draws_the_weeks_line_and_a_short_one_the_days() -> None:
    """Over 120 days the line joins the weeks' means, and the legend says so."""
    history = sample_history()
    texts, insight_texts = report_words("en")
    short = render_html(make_report(history), texts, insight_texts)
    assert "Average pain of the day" in short
    assert "Average pain of the week" not in short
    year = build_report("Alex", history.days_between(LAST - timedelta(days=364), LAST), GOALS, {})
    long = render_html(year, texts, insight_texts)
    assert "Average pain of the week" in long
    points = re.search(r'<polyline class=line points="([^"]*)"', long)
    assert points is not None
    assert len(points.group(1).split()) == 3  # the three weeks with pain


def test_flare_up_notes_join_the_notes_by_day_and_are_escaped() -> None:
    """A flare-up's note shows on its first day, among the pain notes, as text."""
    report = build_report(
        "Alex",
        sample_history().days_between(FIRST, LAST),
        GOALS,
        {},
        [(date(2026, 3, 1), HOSTILE)],
    )
    assert [(entry.day, entry.flare_up) for entry in report.notes] == [
        (date(2026, 3, 1), True),
        (date(2026, 3, 4), False),
    ]
    page = render_html(report, *report_words("en"))
    assert "<script" not in page
    assert "<td class=n></td><td>Flare-up: &lt;script&gt;" in page
