"""The routine's calendar: sessions done, activities logged, visits past and planned."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from homeassistant.components.calendar import (
    CalendarEntity,
    CalendarEntityDescription,
    CalendarEvent,
)
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback
from homeassistant.util import dt as dt_util

from .data import BackReliefConfigEntry
from .entity import BackReliefEntity
from .language.phrases import phrase
from .routine.day import DayLog, Visit, local_date

PARALLEL_UPDATES = 0

CALENDAR = CalendarEntityDescription(key="calendar")
VISIT_LENGTH = timedelta(hours=1)
ONE_MINUTE = timedelta(minutes=1)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: BackReliefConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Set up a person's routine calendar."""
    async_add_entities([BackReliefCalendar(entry.runtime_data.coordinator, CALENDAR)])


def _span(start: datetime, end: datetime) -> tuple[datetime, datetime]:
    """Return an event's start and end, in UTC.

    Home Assistant checks an event's length on the local clock face, where an
    event across the autumn clock change can seem to end before it began; such
    an event is given its length on the clock face instead.
    """
    start, end = dt_util.as_utc(start), dt_util.as_utc(end)
    local_start, local_end = dt_util.as_local(start), dt_util.as_local(end)
    if local_end.replace(tzinfo=None) <= local_start.replace(tzinfo=None):
        wall_length = end - start
        end = dt_util.as_utc(
            (local_start.replace(tzinfo=None) + wall_length).replace(tzinfo=local_start.tzinfo)
        )
    return start, end


class BackReliefCalendar(BackReliefEntity, CalendarEntity):
    """Shows the routine on dashboards and calendars."""

    @property
    def event(self) -> CalendarEvent | None:
        """Return the running session, else the next planned visit."""
        session = self.coordinator.reader.session
        # A session at its end time is over, whichever timer fires first.
        if session is not None and not session.is_due(dt_util.utcnow()):
            start, end = _span(session.started_at, session.ends_at)
            return CalendarEvent(
                start=start,
                end=end,
                summary=self._text(
                    "session",
                    activity=self._activity(str(session.activity)),
                    minutes=session.planned_minutes,
                ),
            )
        visit = self.coordinator.reader.next_visit()
        return self._visit_event(visit, planned=True) if visit else None

    async def async_get_events(
        self, hass: HomeAssistant, start_date: datetime, end_date: datetime
    ) -> list[CalendarEvent]:
        """Return the routine's events between two instants."""
        time_zone = dt_util.get_default_time_zone()
        first = local_date(start_date, time_zone)
        last = local_date(end_date, time_zone)
        events: list[CalendarEvent] = []
        for day, log in self.coordinator.reader.history.days_between(first, last):
            events.extend(self._day_events(day, log))
        events.extend(
            self._visit_event(visit, planned=True)
            for visit in self.coordinator.reader.scheduled_visits
        )
        events.extend(self._flare_up_events(self.coordinator.reader.today()))
        return [
            event
            for event in events
            if event.end_datetime_local > start_date and event.start_datetime_local < end_date
        ]

    def _day_events(self, day: date, log: DayLog) -> list[CalendarEvent]:
        events = [
            CalendarEvent(
                *_span(record.started_at, max(record.ended_at, record.started_at + ONE_MINUTE)),
                summary=self._text(
                    "routine", routine=self._routine(record.routine), minutes=record.minutes
                )
                if record.routine
                else self._text(
                    "session", activity=self._activity(str(record.activity)), minutes=record.minutes
                ),
            )
            for record in log.sessions
        ]
        in_sessions = dict.fromkeys(log.minutes, 0)
        for record in log.sessions:
            in_sessions[record.activity] = in_sessions.get(record.activity, 0) + record.minutes
        for activity, minutes in log.minutes.items():
            # Minutes not from a session here were logged: one all-day entry.
            if (logged := minutes - in_sessions.get(activity, 0)) > 0:
                events.append(
                    CalendarEvent(
                        start=day,
                        end=day + timedelta(days=1),
                        summary=self._text(
                            "logged", activity=self._activity(str(activity)), minutes=logged
                        ),
                    )
                )
        events.extend(self._visit_event(visit, planned=False) for visit in log.visits)
        return events

    def _flare_up_events(self, today: date) -> list[CalendarEvent]:
        """Return each flare-up range as an all-day event; an open one up to today."""
        return [
            CalendarEvent(
                start=flare_up.start,
                end=(flare_up.end or max(today, flare_up.start)) + timedelta(days=1),
                summary=self._text("flare_up"),
                description=flare_up.note,
            )
            for flare_up in self.coordinator.reader.flare_ups.ranges
        ]

    def _visit_event(self, visit: Visit, *, planned: bool) -> CalendarEvent:
        start, end = _span(visit.visited_at, visit.visited_at + VISIT_LENGTH)
        return CalendarEvent(
            start=start,
            end=end,
            summary=self._text("planned_visit" if planned else "visit"),
            description=visit.note,
        )

    def _text(self, key: str, **values: object) -> str:
        return phrase(self.hass, "calendar", key, **values)

    def _activity(self, activity: str) -> str:
        return self._text(f"activity_{activity}")

    def _routine(self, key: str) -> str:
        """Return a routine's name; a routine since removed is shown by its key."""
        routine = self.coordinator.reader.routines().get(key)
        return routine.name if routine else key
