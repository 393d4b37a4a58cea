"""The house notices: sessions started and stopped by signs and NFC tags; the table guard.

A sign (a binary sensor, an input boolean, or a number above a threshold) that has
been on for the start delay starts its activity's session, counted from when it came
on; off for the stop delay, it stops that session, credited until it went off. What a
reading means and when it has held long enough is ``sign_rules``; this adapter feeds
it the states Home Assistant reports and wakes it with one timer. A tag scanned
(Home Assistant's ``tag_scanned``) starts its activity's session, or stops it while
it runs.

While the inversion sign shows the person still on the table after their session,
the guard asks them once a minute to come up slowly, on the speakers and whatever the
reminders switch or the quiet hours say (this is safety), and two minutes past the
longest inversion session it fires ``overtime`` and tells the phones, once.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from homeassistant.const import ATTR_ENTITY_ID
from homeassistant.core import CALLBACK_TYPE, Event, EventStateChangedData, HomeAssistant, callback
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers.event import async_track_state_change_event
from homeassistant.util import dt as dt_util

from ..const import LOGGER
from ..coordinator import BackReliefCoordinator
from ..language.phrases import phrase
from ..routine.day import Activity
from ..routine.events import Cancelled, Finished, Overtime, SessionEvent, Started
from ..routine.source import Source
from ..timers import Timer
from .delivery import Delivery, Kind, Message
from .sign_rules import Notice, Reading, SignChange, SignWatch, TableGuard, reading_of, same_scan

EVENT_TAG_SCANNED = "tag_scanned"


class HouseSigns:
    """One person's signs and tags, and the guard on their inversion table."""

    def __init__(
        self,
        hass: HomeAssistant,
        coordinator: BackReliefCoordinator,
        delivery: Delivery,
    ) -> None:
        """Bind to one person's routine and the channels that reach them."""
        self.hass = hass
        self.coordinator = coordinator
        self.delivery = delivery
        self._signs: dict[Activity, str] = {}
        self._above: dict[Activity, float | None] = {}
        self._watches: dict[Activity, SignWatch] = {}
        self._tags: dict[str, Activity] = {}
        self._scanned: dict[str, datetime] = {}
        self._guard: TableGuard | None = None
        self._timer = Timer(hass, self._wake)
        self._unfollow_signs: CALLBACK_TYPE | None = None
        self._settings = coordinator.reader.settings

    @callback
    def async_start(self) -> CALLBACK_TYPE:
        """Follow the signs, the tags and the session; returns what undoes it."""
        self._configure()
        self._resume_guard(dt_util.utcnow())
        removers = [
            self.hass.bus.async_listen(EVENT_TAG_SCANNED, self._tag_scanned),
            self.coordinator.async_add_event_listener(self._session_event),
            self.coordinator.async_add_listener(self._routine_changed),
        ]

        @callback
        def stop() -> None:
            for remove in removers:
                remove()
            self._follow([])
            self._timer.cancel()

        return stop

    # ----- options -----

    @callback
    def _routine_changed(self) -> None:
        """Follow new options at once, without a reload (they come as new settings)."""
        if self.coordinator.reader.settings is not self._settings:
            self._configure()

    @callback
    def _configure(self) -> None:
        """Take the signs and tags from the options; a sign kept keeps what it has seen."""
        settings = self._settings = self.coordinator.reader.settings
        start_after = timedelta(seconds=settings.sign_start_seconds)
        stop_after = timedelta(seconds=settings.sign_stop_seconds)
        signs = {activity: sign for activity, (sign, _) in settings.signs.items()}
        self._above = {activity: above for activity, (_, above) in settings.signs.items()}
        now = dt_util.utcnow()
        watches: dict[Activity, SignWatch] = {}
        for activity, entity_id in signs.items():
            watch = self._watches.get(activity)
            if watch is None or self._signs.get(activity) != entity_id:
                watch = SignWatch(start_after, stop_after)
            watch.start_after, watch.stop_after = start_after, stop_after
            # A new threshold may read the same state differently.
            watch.read(self._reading(activity, entity_id), now)
            watches[activity] = watch
        self._signs, self._watches = signs, watches
        if Activity.INVERSION not in watches:
            self._guard = None
        self._tags = settings.tags
        self._follow(sorted(set(signs.values())))
        self._settle(now)

    @callback
    def _follow(self, entity_ids: list[str]) -> None:
        """Listen to exactly these entities' states."""
        if self._unfollow_signs is not None:
            self._unfollow_signs()
            self._unfollow_signs = None
        if entity_ids:
            self._unfollow_signs = async_track_state_change_event(
                self.hass, entity_ids, self._sign_changed
            )

    def _reading(self, activity: Activity, entity_id: str) -> Reading:
        state = self.hass.states.get(entity_id)
        return reading_of(state.state if state else None, self._above.get(activity))

    # ----- signs -----

    @callback
    def _sign_changed(self, event: Event[EventStateChangedData]) -> None:
        entity_id = event.data[ATTR_ENTITY_ID]
        new_state = event.data["new_state"]
        now = dt_util.utcnow()
        for activity, sign in self._signs.items():
            if sign == entity_id:
                reading = reading_of(new_state.state if new_state else None, self._above[activity])
                self._watches[activity].read(reading, now)
        self._settle(now)

    @callback
    def _wake(self, now: datetime) -> None:
        self._settle(now)

    @callback
    def _settle(self, now: datetime) -> None:
        """Act on what the signs have settled by now, guard the table, and wake up next time."""
        for activity, watch in self._watches.items():
            if (change := watch.settle(now, self._session_ends_at(activity, watch))) is not None:
                self._act(activity, change)
        self._watch_table(now)
        due = [
            at
            for activity, watch in self._watches.items()
            if (at := watch.due_at(self._session_ends_at(activity, watch))) is not None
        ]
        if self._guard is not None:
            due.append(self._guard.next_at())
        self._timer.arm_at(min(due, default=None))

    def _session_ends_at(self, activity: Activity, watch: SignWatch) -> datetime | None:
        """Return when the session a sign may stop reaches its end; None if there is none."""
        session = self.coordinator.reader.session
        if (
            session is None
            or session.is_paused
            or session.activity is not activity
            or watch.reading_since is None
            or session.started_at > watch.reading_since
        ):
            return None
        return session.ends_at

    @callback
    def _act(self, activity: Activity, change: SignChange) -> None:
        """Start the activity's session when its sign began, stop it when the sign ended.

        A sign never stops another activity's session, nor one started after it went off.
        """
        session = self.coordinator.reader.session
        if change.notice is Notice.BEGAN:
            if session is None:
                LOGGER.debug("%s's %s sign is on: starting", self.coordinator.name, activity)
                self._command(
                    lambda: self.coordinator.commands.start_noticed(
                        activity, change.since, source=Source.SIGN
                    )
                )
            return
        if activity is Activity.INVERSION:
            self._guard = None  # off the table
        if (
            session is not None
            and session.activity is activity
            and session.started_at <= change.since
        ):
            LOGGER.debug("%s's %s sign is off: stopping", self.coordinator.name, activity)
            self._command(
                lambda: self.coordinator.commands.stop_noticed(change.since, source=Source.SIGN)
            )

    @callback
    def _command(self, command: Any) -> None:
        """Carry out a command for the house; a refusal is logged, never raised."""
        try:
            command()
        except HomeAssistantError as err:
            LOGGER.warning(
                "%s: the house could not change the session: %s", self.coordinator.name, err
            )

    # ----- tags -----

    @callback
    def _tag_scanned(self, event: Event[dict[str, Any]]) -> None:
        """Start the tag's activity, or stop it while it runs."""
        tag = str(event.data.get("tag_id"))
        if (activity := self._tags.get(tag)) is None:
            return
        now = dt_util.utcnow()
        if same_scan(self._scanned.get(tag), now):
            return  # one tap, reported twice: it doesn't stop what it just started
        self._scanned[tag] = now
        commands = self.coordinator.commands
        session = self.coordinator.reader.session
        if session is None:
            self._command(lambda: commands.start_with_defaults(activity, source=Source.TAG))
        elif session.activity is activity:
            self._command(lambda: commands.stop_session(source=Source.TAG))
        else:
            LOGGER.info(
                "%s's %s tag scanned while a %s session runs: nothing done",
                self.coordinator.name,
                activity,
                session.activity,
            )

    # ----- the table guard -----

    @callback
    def _session_event(self, event: SessionEvent) -> None:
        """Guard the table when an inversion session ends with its sign still on.

        Any change of the session (a new end time, a pause) re-arms the wake-up.
        """
        now = dt_util.utcnow()
        watch = self._watches.get(Activity.INVERSION)
        if isinstance(event, Started):
            self._guard = None
        elif (
            isinstance(event, (Finished, Cancelled))
            and event.activity is Activity.INVERSION
            and watch is not None
            and watch.there
        ):
            self._guard = TableGuard(
                started_at=event.session.started_at,
                ended_at=now,
                longest=timedelta(minutes=self.coordinator.reader.max_inversion),
            )
        self._settle(now)

    @callback
    def _resume_guard(self, now: datetime) -> None:
        """Guard the table again after a restart that found its sign on after a session.

        The session may have ended while Home Assistant was down: the clock has
        finished it before the signs are read.
        """
        watch = self._watches.get(Activity.INVERSION)
        if watch is None or not watch.there or self.coordinator.reader.session is not None:
            return
        ended = [
            record
            for record in self.coordinator.reader.today_log().sessions
            if record.activity is Activity.INVERSION
        ]
        if ended:
            last = max(ended, key=lambda record: record.ended_at)
            self._guard = TableGuard.resumed(
                last.started_at,
                last.ended_at,
                timedelta(minutes=self.coordinator.reader.max_inversion),
                now,
            )
            self._settle(now)

    @callback
    def _watch_table(self, now: datetime) -> None:
        guard = self._guard
        if guard is None or now < guard.next_at():
            return
        on_table = self._watches[Activity.INVERSION].reading is Reading.ON
        due = guard.due(now, on_table=on_table)
        if due.cue:
            self.delivery.send(
                Message(kind=Kind.CUE, text=phrase(self.hass, "signs", "come_up_slowly"))
            )
        if due.overtime:
            minutes = guard.upside_down_minutes(now)
            self.coordinator.fire_event(
                Overtime(
                    started_at=guard.started_at,
                    ended_at=guard.ended_at,
                    minutes=minutes,
                    max_inversion=self.coordinator.reader.max_inversion,
                )
            )
            self.delivery.send(
                Message(
                    kind=Kind.OVERTIME,
                    title=phrase(self.hass, "signs", "overtime_title", name=self.coordinator.name),
                    text=phrase(self.hass, "signs", "overtime_message", minutes=minutes),
                    tag=f"back_relief_{self.coordinator.entry.entry_id}_overtime",
                )
            )
