"""The routine summary the get_summary action answers with.

Plain, typed Python with no Home Assistant imports: streaks, today, the
session, pain, what went together with pain, and the last days, JSON-ready.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict
from datetime import date, datetime, timedelta
from typing import Any

from ..const import MAX_SUMMARY_DAYS
from ..routine.day import Activity, Goal
from ..routine.events import SessionFacts
from ..routine.goals import DayGoals, day_pain
from ..routine.limits import check_range
from ..routine.person import PersonRoutine
from .insights import Subject, Words, pain_insights, recent_insights


def build_summary(
    routine: PersonRoutine,
    *,
    name: str,
    goals: DayGoals,
    today: date,
    now: datetime,
    days: int,
    insight_minutes: Mapping[Subject, int],
    insight_words: Words,
) -> dict[str, Any]:
    """Return streaks, today, the session and the last days; refuse too many days.

    ``goals`` tells what each day asked and the person's first day: days before
    it are neither met nor missed (``met`` is None). ``insight_minutes`` and
    ``insight_words`` make and word the insights: see ``insights``.
    """
    check_range("days_out_of_range", days, 1, MAX_SUMMARY_DAYS)
    history = routine.history
    session = routine.session
    return {
        "person": name,
        "date": today.isoformat(),
        "first_day": goals.first_day.isoformat() if goals.first_day else None,
        "goals": {str(goal): goals.configured[goal] for goal in Goal},
        "today": {str(goal): history.get(today).goal_minutes(goal) for goal in Goal},
        "streaks": {
            str(goal): {
                "current": streak.current,
                "best": streak.best,
                "today_met": streak.today_met,
            }
            for goal in Goal
            for streak in (routine.streak(goal, goals, today),)
        },
        "session": None
        if session is None
        else {
            **SessionFacts.of(session).as_data(),
            "status": str(session.status),
            "remaining_seconds": round(session.remaining(now).total_seconds()),
        },
        "pain": asdict(pain_insights(history, today, goals)),
        "next_visit": next_visit.visited_at.isoformat()
        if (next_visit := routine.visits.next(now))
        else None,
        "insights": recent_insights(history, today, insight_minutes, insight_words),
        "days": [
            {
                "date": day.isoformat(),
                **{str(activity): log.minutes.get(activity, 0) for activity in Activity},
                "pain": round(mean, 1) if (mean := day_pain(log.pain_levels)) is not None else None,
                "flare_up": routine.is_paused(day),
                "sessions": [
                    {
                        "started_at": record.started_at.isoformat(),
                        "activity": str(record.activity),
                        "minutes": record.minutes,
                        "routine": record.routine,
                        "feedback": record.feedback,
                        "source": record.source,
                    }
                    for record in log.sessions
                ],
                "met": goals.met_or_none(day, log),
            }
            for day, log in history.days_between(today - timedelta(days=days - 1), today)
        ],
    }
