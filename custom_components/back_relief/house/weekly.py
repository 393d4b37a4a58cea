"""The weekly summary: the week in a few sentences, spoken or sent on Sunday evening."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.util import dt as dt_util

from ..const import WEEKLY_SPEAK
from ..coordinator import BackReliefCoordinator
from ..language.phrases import phrase
from ..look_back.insights import pain_insights
from ..routine.day import Goal
from ..timers import DailyAt
from .delivery import Delivery, Kind, Message
from .reminders import Reminders

WEEKLY_SUMMARY_DAY = 6  # Sunday
WEEKLY_SUMMARY_TIME = time(18, 0)


class WeeklySummary:
    """Gives the week's summary the way the person chose: spoken, or as a notification."""

    def __init__(
        self,
        hass: HomeAssistant,
        coordinator: BackReliefCoordinator,
        delivery: Delivery,
        reminders: Reminders,
    ) -> None:
        """Bind to one person's routine, channels and reminder rules."""
        self.hass = hass
        self.coordinator = coordinator
        self.delivery = delivery
        self.reminders = reminders
        self._daily = DailyAt(hass, self._weekly_summary)

    @callback
    def async_start(self) -> CALLBACK_TYPE:
        """Wake every evening at the summary's time; returns what undoes it."""
        self._daily.set(WEEKLY_SUMMARY_TIME)
        return self._daily.cancel

    def text(self) -> str:
        """Return the week in a few spoken sentences."""
        coordinator = self.coordinator
        today = coordinator.reader.today()
        first = today - timedelta(days=6)
        goals = coordinator.reader.day_goals()
        insights = pain_insights(coordinator.reader.history, today, goals)
        week = coordinator.reader.history.days_between(first, today)
        met = {str(goal): goals.days_meeting(goal, week) for goal in Goal}
        # Out of the week's days since the person's first: someone new isn't out of 7.
        counted = sum(goals.counts(day) for day, _ in week)
        text = phrase(self.hass, "weekly", "goals", name=coordinator.name, days=counted, **met)
        if insights.average_7_days is not None:
            previous = insights.average_previous_7_days
            key = "pain" if previous is None else "pain_compared"
            text += " " + phrase(
                self.hass, "weekly", key, pain=insights.average_7_days, previous=previous
            )
        return text

    @callback
    def _weekly_summary(self, now: datetime) -> None:
        how = self.coordinator.reader.settings.weekly_summary
        if dt_util.as_local(now).weekday() != WEEKLY_SUMMARY_DAY or not how:
            return
        if how == WEEKLY_SPEAK and not self.reminders.decide("weekly").spoken:
            return
        self.delivery.send(
            Message(
                kind=Kind.WEEKLY_SPOKEN if how == WEEKLY_SPEAK else Kind.WEEKLY_NOTIFIED,
                text=self.text(),
                title=phrase(self.hass, "weekly", "title", name=self.coordinator.name),
            )
        )
