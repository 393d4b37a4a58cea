"""The weekly summary: the week in a few sentences, spoken or sent on Sunday evening."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.helpers.event import async_track_time_change
from homeassistant.util import dt as dt_util

from ..const import WEEKLY_NOTIFY, WEEKLY_SPEAK
from ..coordinator import BackReliefCoordinator
from ..language.phrases import phrase
from ..look_back.insights import pain_insights
from ..routine.day import Goal
from .reminders import Reminders
from .speaker import Speaker, Speaking

WEEKLY_SUMMARY_DAY = 6  # Sunday
WEEKLY_SUMMARY_TIME = time(18, 0)


class WeeklySummary(Speaking):
    """Gives the week's summary the way the person chose: spoken, or as a notification."""

    def __init__(
        self,
        hass: HomeAssistant,
        coordinator: BackReliefCoordinator,
        speaker: Speaker,
        reminders: Reminders,
    ) -> None:
        """Bind to one person's routine, speakers and reminder rules."""
        super().__init__(hass, coordinator, speaker)
        self.reminders = reminders

    @callback
    def async_start(self) -> CALLBACK_TYPE:
        """Wake every evening at the summary's time; returns what undoes it."""
        return async_track_time_change(
            self.hass,
            self._weekly_summary,
            hour=WEEKLY_SUMMARY_TIME.hour,
            minute=WEEKLY_SUMMARY_TIME.minute,
            second=0,
        )

    def text(self) -> str:
        """Return the week in a few spoken sentences."""
        coordinator = self.coordinator
        today = coordinator.reader.today()
        first = today - timedelta(days=6)
        goals = coordinator.reader.day_goals()
        insights = pain_insights(coordinator.reader.history, today, goals)
        week = coordinator.reader.history.days_between(first, today)
        days = {str(goal): goals.days_meeting(goal, week) for goal in Goal}
        text = phrase(self.hass, "weekly", "goals", name=coordinator.name, **days)
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
        text = self.text()
        if how == WEEKLY_SPEAK and self.reminders.decide("weekly").spoken:
            self.speaker.speak(text)
        notify = self.coordinator.reader.settings.notify_entity
        if how == WEEKLY_NOTIFY and notify:
            title = phrase(self.hass, "weekly", "title", name=self.coordinator.name)
            self.coordinator.run_in_background(
                self.speaker.async_notify(notify, title, text), "notify"
            )
