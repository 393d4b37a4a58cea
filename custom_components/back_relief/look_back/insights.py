"""What went together with lower or higher pain: associations, never advice.

Plain, typed Python with no Home Assistant imports. Each insight compares the
mean pain of days with something (15 or more minutes of inversion, a flare-up,
a chiropractor visit) against days without it, over days that have a pain
level. It is given only when each side has at least ``MIN_DAYS`` days, says how
many days stand behind each side, and is worded from the language files as an
association: what went together in the person's own records, nothing more.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from ..language.wording import render
from ..routine.day import Activity, DayLog, Goal, PainInsights
from ..routine.goals import DayGoals, day_pain, pain_mean
from ..routine.history import History

# Fewer days than this on either side say too little to be shown.
MIN_DAYS = 7
# get_summary's insights look back this far, up to yesterday.
RECENT_DAYS = 90
# A visit counts for its day and the days after it.
DAYS_AFTER_VISIT = 2


class Subject(StrEnum):
    """What an insight compares pain against."""

    EXERCISE = "exercise"
    STRETCH = "stretch"
    INVERSION = "inversion"
    REST = "rest"
    FLARE_UP = "flare_up"
    VISIT = "visit"


MINUTE_SUBJECTS = (Subject.EXERCISE, Subject.STRETCH, Subject.INVERSION, Subject.REST)


@dataclass(frozen=True, slots=True)
class Words:
    """One group of a language's texts, said with the language's plurals and numbers."""

    language: str
    texts: Mapping[str, str]

    def say(self, key: str, /, **values: object) -> str:
        """Return one text with its plurals chosen and its values filled in."""
        return render(self.texts[key], values, self.language)

    def number(self, value: float) -> str:
        """Return a number with one decimal and the language's decimal mark."""
        return f"{value:.1f}".replace(".", self.texts["decimal_mark"])


@dataclass(frozen=True, slots=True)
class Insight:
    """Pain on days with something against days without it."""

    subject: Subject
    minutes: int | None
    days_with: int
    days_without: int
    pain_with: float
    pain_without: float

    @property
    def difference(self) -> float:
        """Return how much higher (positive) or lower pain was on the days with it."""
        return round(self.pain_with - self.pain_without, 1)

    def text(self, words: Words) -> str:
        """Return the insight as a sentence in the words' language."""
        if self.difference < 0:
            direction = "lower"
        elif self.difference > 0:
            direction = "higher"
        else:
            direction = "same"
        return words.say(
            f"{self.subject}_{direction}",
            minutes=self.minutes,
            difference=words.number(abs(self.difference)),
            days_with=self.days_with,
            days_without=self.days_without,
            pain_with=words.number(self.pain_with),
            pain_without=words.number(self.pain_without),
        )

    def as_dict(self, words: Words) -> dict[str, Any]:
        """Return the JSON-ready form, with its sentence."""
        return {
            "subject": str(self.subject),
            "minutes": self.minutes,
            "days_with": self.days_with,
            "days_without": self.days_without,
            "pain_with": self.pain_with,
            "pain_without": self.pain_without,
            "difference": self.difference,
            "text": self.text(words),
        }


def _compare(
    subject: Subject,
    minutes: int | None,
    days: Sequence[tuple[date, DayLog, float]],
    has_it: Callable[[date, DayLog], bool],
) -> Insight | None:
    with_it = [pain for day, log, pain in days if has_it(day, log)]
    without = [pain for day, log, pain in days if not has_it(day, log)]
    if len(with_it) < MIN_DAYS or len(without) < MIN_DAYS:
        return None
    return Insight(
        subject=subject,
        minutes=minutes,
        days_with=len(with_it),
        days_without=len(without),
        pain_with=round(sum(with_it) / len(with_it), 1),
        pain_without=round(sum(without) / len(without), 1),
    )


def find_insights(
    days: Sequence[tuple[date, DayLog]], minutes: Mapping[Subject, int]
) -> list[Insight]:
    """Return what went together with pain over the days given.

    ``minutes`` holds, for each activity, how many minutes make a day count
    as a day with it (the goal, for example). Exercise counts stretching too,
    as the exercise goal does. Only days with a pain level take part.
    """
    with_pain = [
        (day, log, pain) for day, log in days if (pain := day_pain(log.pain_levels)) is not None
    ]
    visit_days = {
        day + timedelta(days=after)
        for day, log in days
        if log.visits
        for after in range(DAYS_AFTER_VISIT + 1)
    }

    def reaches(subject: Subject) -> Callable[[date, DayLog], bool]:
        def has_it(_day: date, log: DayLog) -> bool:
            if subject is Subject.EXERCISE:
                done = log.goal_minutes(Goal.EXERCISE)
            else:
                done = log.minutes.get(Activity(subject.value), 0)
            return done >= minutes[subject]

        return has_it

    found = [
        _compare(subject, minutes[subject], with_pain, reaches(subject))
        for subject in MINUTE_SUBJECTS
        if subject in minutes
    ]
    found.append(_compare(Subject.FLARE_UP, None, with_pain, lambda _day, log: log.flare_up))
    found.append(_compare(Subject.VISIT, None, with_pain, lambda day, _log: day in visit_days))
    return [insight for insight in found if insight is not None]


def insight_minutes(goals: Mapping[Goal, int], stretch_minutes: int) -> dict[Subject, int]:
    """Return how many minutes make a day count as a day with each activity.

    The goals for exercise, rest and inversion; a stretch session's length for stretching.
    """
    minutes = {Subject(goal.value): goals[goal] for goal in Goal}
    minutes[Subject.STRETCH] = stretch_minutes
    return minutes


def recent_insights(
    history: History, today: date, minutes: Mapping[Subject, int], words: Words
) -> list[dict[str, Any]]:
    """Return the insights of the last ``RECENT_DAYS`` before today, JSON-ready.

    Today is left out: its minutes may not be done yet.
    """
    yesterday = today - timedelta(days=1)
    days = history.days_between(yesterday - timedelta(days=RECENT_DAYS - 1), yesterday)
    return [insight.as_dict(words) for insight in find_insights(days, minutes)]


def pain_insights(history: History, today: date, goals: DayGoals) -> PainInsights:
    """Return pain averages, and pain on days that met the exercise goal or not.

    Each average is ``goals.pain_mean``'s: every day with pain counts once.
    """
    last_30 = history.days_between(today - timedelta(days=29), today)
    previous_7 = history.days_between(today - timedelta(days=13), today - timedelta(days=7))
    return PainInsights(
        average_7_days=pain_mean(log for _, log in last_30[-7:]),
        average_previous_7_days=pain_mean(log for _, log in previous_7),
        average_30_days=pain_mean(log for _, log in last_30),
        average_exercise_days=pain_mean(
            log for day, log in last_30 if goals.met(Goal.EXERCISE, day, log)
        ),
        average_other_days=pain_mean(
            log for day, log in last_30 if not goals.met(Goal.EXERCISE, day, log)
        ),
    )
