"""What the entities, the announcer and voice read of one person's routine.

The coordinator keeps the routine and applies its changes; it has a reader for
the reading side: today's numbers, streaks, the summary, the guided routine, and
the routine's parts as they are now (``coordinator.reader``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, tzinfo
from typing import Any

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
from homeassistant.util import dt as dt_util

from .const import CONF_PERSON, DOMAIN
from .language.phrases import built_in_routines, group_of, language
from .look_back.insights import Words, insight_minutes
from .look_back.summary import build_summary
from .routine.checklist import Checklist
from .routine.day import Activity, DayLog, Goal, Visit, local_date
from .routine.flare_ups import FlareUps
from .routine.goals import DayGoals
from .routine.guided import Routine, TimedStep
from .routine.history import History
from .routine.person import PersonRoutine
from .routine.plan import PlanSettings
from .routine.session import RoutineError, Session
from .routine.settings import Settings
from .routine.steps import current_step
from .routine.streaks import Streak


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn a refusal of the routine into a translated validation error."""
    try:
        yield
    except RoutineError as err:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key=err.key,
            translation_placeholders=err.placeholders or None,
        ) from err


class RoutineReader:
    """The reading side of a person's coordinator: what is read of the routine."""

    def __init__(
        self,
        hass: HomeAssistant,
        entry: ConfigEntry[Any],
        name: str,
        routine: Callable[[], PersonRoutine],
    ) -> None:
        """Read the routine that ``routine`` returns (the coordinator's, loaded or not)."""
        self.hass = hass
        self.entry = entry
        self.name = name
        self._routine = routine
        # The options, typed; built again on every update of the options.
        self.settings = Settings.from_options(entry.options)

    @property
    def data(self) -> PersonRoutine:
        """Return the routine as it is now."""
        return self._routine()

    @property
    def max_inversion(self) -> int:
        """Return the longest inversion session allowed, in minutes."""
        return self.settings.max_inversion

    def goal_minutes(self, goal: Goal) -> int:
        """Return a daily goal in minutes."""
        return self.settings.goal_minutes(goal)

    @property
    def plan_settings(self) -> PlanSettings:
        """Return the options that shape the inversion plan."""
        return self.settings.plan

    @property
    def person_entity_id(self) -> str | None:
        """Return the linked person entity, if any."""
        return self.entry.data.get(CONF_PERSON)

    @property
    def time_zone(self) -> tzinfo:
        """Return the time zone days are counted in."""
        return dt_util.get_default_time_zone()

    def _date(self, now: datetime) -> date:
        return local_date(now, self.time_zone)

    def today(self) -> date:
        """Return today's local date."""
        return self._date(dt_util.utcnow())

    def today_log(self) -> DayLog:
        """Return today's log."""
        return self.data.history.get(self.today())

    def today_minutes(self, goal: Goal) -> int:
        """Return today's minutes toward a goal."""
        return self.today_log().goal_minutes(goal)

    def first_day(self) -> date:
        """Return the person's first day: when they were added, or their earliest record.

        Whichever is earlier: someone with history from before keeps it.
        """
        added = self._date(self.entry.created_at)
        recorded = self.data.history.first_day()
        return added if recorded is None else min(added, recorded)

    def day_goals(self) -> DayGoals:
        """Return what each day asks of each goal, from the person's first day."""
        configured = {goal: self.goal_minutes(goal) for goal in Goal}
        return self.data.day_goals(configured, self.first_day())

    def today_goal(self, goal: Goal) -> int:
        """Return what today asks of a goal: inversion on the plan asks the plan's minutes."""
        return self.day_goals().of(goal, self.today())

    def today_met(self, goal: Goal) -> bool:
        """Return whether today met a goal."""
        today = self.today()
        return self.day_goals().met(goal, today, self.data.history.get(today))

    def tomorrow_goal(self, goal: Goal) -> int:
        """Return what tomorrow asks of a goal, as today stands so far."""
        goal_minutes = self.goal_minutes(goal)
        if goal is not Goal.INVERSION:
            return goal_minutes
        tomorrow = self.data.inversion_tomorrow(self.today(), self.plan_settings)
        return goal_minutes if tomorrow is None else min(goal_minutes, tomorrow)

    def streak(self, goal: Goal) -> Streak:
        """Return a goal's streak as of today."""
        return self.data.streak(goal, self.day_goals(), self.today())

    def next_visit(self) -> Visit | None:
        """Return the next planned visit that hasn't begun."""
        return self.data.visits.next(dt_util.utcnow())

    def visit_on(self, day: date) -> Visit | None:
        """Return the first visit planned on a local day."""
        return self.data.visits.first_on(day, self.time_zone)

    def checklist_done(self, uid: str) -> bool:
        """Return whether a checklist item is done today."""
        return uid in self.today_log().checklist_done

    def summary(self, days: int) -> dict[str, Any]:
        """Return streaks, today, the session and the last days, JSON-ready."""
        goals = self.day_goals()
        with user_errors():
            return build_summary(
                self.data,
                name=self.name,
                goals=goals,
                today=self.today(),
                now=dt_util.utcnow(),
                days=days,
                insight_minutes=insight_minutes(goals.configured, self.durations[Activity.STRETCH]),
                insight_words=Words(language(self.hass), group_of(self.hass, "insights")),
            )

    def routines(self) -> dict[str, Routine]:
        """Return the built-in routines and the person's own."""
        own = {routine.key: routine for routine in self.settings.routines}
        return {**built_in_routines(self.hass), **own}

    def guided_routine(self) -> Routine | None:
        """Return the guided routine of the session, if any."""
        session = self.data.session
        return self.routines().get(session.routine) if session and session.routine else None

    def current_step(self, now: datetime) -> TimedStep | None:
        """Return the step the session's guided routine is at, if any."""
        return current_step(self.data.session, self.guided_routine(), now)

    # ----- the routine's parts, as the entities and the announcer read them -----

    @property
    def history(self) -> History:
        """Return every day's log."""
        return self.data.history

    @property
    def session(self) -> Session | None:
        """Return the running or paused session."""
        return self.data.session

    @property
    def durations(self) -> dict[Activity, int]:
        """Return the default length of each activity's sessions."""
        return self.data.durations

    @property
    def reminders_enabled(self) -> bool:
        """Return whether announcements and reminders are on."""
        return self.data.reminders_enabled

    @property
    def flare_up(self) -> bool:
        """Return whether flare-up is on today."""
        return self.data.flare_up_on(self.today())

    @property
    def flare_ups(self) -> FlareUps:
        """Return the flare-up ranges: the one way every reader reads them."""
        return self.data.flare_ups

    @property
    def checklist(self) -> Checklist:
        """Return the daily checklist's items."""
        return self.data.checklist

    @property
    def rest_snapshot(self) -> dict[str, dict[str, Any]] | None:
        """Return how the rest lights were before a rest dimmed them."""
        return self.data.rest_snapshot

    @property
    def stretch_routine(self) -> str | None:
        """Return the routine the stretch button starts; None for a plain timer."""
        return self.data.stretch_routine

    @property
    def scheduled_visits(self) -> list[Visit]:
        """Return the planned visits that haven't begun."""
        return self.data.visits.scheduled
