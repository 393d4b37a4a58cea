"""The person's days in Home Assistant's long-term statistics.

Adapts the plain ``DailyStatistics`` to the recorder: on start it reads the
last row of each statistic (in the recorder's own executor) and picks up
there, or writes the whole history once; then each change of the routine is
written, coalesced, as external statistics that the statistics graph card
shows. Nothing waits for the database: the recorder queues the rows. Years of
history go to the recorder a little at a time, so that it goes on recording
the house in between.
"""

from __future__ import annotations

from collections import deque
from datetime import date, datetime

from homeassistant.components.recorder import get_instance
from homeassistant.components.recorder.models import (
    StatisticData,
    StatisticMeanType,
    StatisticMetaData,
)
from homeassistant.components.recorder.statistics import (
    async_add_external_statistics,
    get_last_statistics,
    list_statistic_ids,
)
from homeassistant.const import EVENT_HOMEASSISTANT_STOP, UnitOfTime
from homeassistant.core import CALLBACK_TYPE, Event, HomeAssistant, callback
from homeassistant.helpers.debounce import Debouncer
from homeassistant.helpers.event import async_call_later
from homeassistant.util import dt as dt_util
from homeassistant.util.unit_conversion import DurationConverter

from ..const import DOMAIN, LOGGER
from ..coordinator import BackReliefCoordinator
from ..language.phrases import phrase
from ..routine.day import Activity, local_date
from ..routine.history import FrozenHistory
from .daily_statistics import PAIN, DailyRows, DailyStatistics

# Changes are written at most this often; a stop writes what is pending.
STATISTICS_DELAY = 10
# At most this many rows are handed to the recorder at once, then it gets a pause.
ROWS_AT_ONCE = 500
PAUSE_BETWEEN = 2
SERIES: tuple[str, ...] = (*Activity, PAIN)


def statistic_id(entry_id: str, series: str) -> str:
    """Return a statistic id: minutes per activity, or pain."""
    suffix = "pain" if series == PAIN else f"{series}_minutes"
    return f"{DOMAIN}:{entry_id.lower()}_{suffix}"


async def async_clear_statistics(hass: HomeAssistant, entry_id: str) -> None:
    """Remove a person's long-term statistics: every series of theirs the recorder holds.

    Asked of the recorder, not of ``SERIES``, so that a series of an activity
    since renamed or removed goes too.
    """
    if "recorder" not in hass.config.components:
        return
    instance = get_instance(hass)
    prefix = f"{DOMAIN}:{entry_id.lower()}_"
    held = await instance.async_add_executor_job(list_statistic_ids, hass)
    ours = sorted(row["statistic_id"] for row in held if row["statistic_id"].startswith(prefix))
    if ours:
        instance.async_clear_statistics(ours)


class StatisticsWriter:
    """Keeps one person's daily statistics up to date."""

    def __init__(self, hass: HomeAssistant, coordinator: BackReliefCoordinator) -> None:
        """Prepare; ``async_start`` begins once the recorder is there."""
        self.hass = hass
        self.coordinator = coordinator
        self._daily = DailyStatistics(dt_util.get_default_time_zone())
        # The history's revision and the day last written: nothing new, nothing to do.
        self._written: tuple[int, date] | None = None
        self._unsub_listener: CALLBACK_TYPE | None = None
        self._unsub_stop: CALLBACK_TYPE | None = None
        # Rows waiting for their turn, oldest first, and the timer of the next turn.
        self._queue: deque[tuple[StatisticMetaData, list[StatisticData]]] = deque()
        self._unsub_turn: CALLBACK_TYPE | None = None
        # Nothing is written until the rows already written are known, and
        # one write at a time.
        self._resumed = False
        self._writing = False
        self._write_again = False
        self._debouncer = Debouncer(
            hass, LOGGER, cooldown=STATISTICS_DELAY, immediate=False, function=self._async_write
        )

    @property
    def pending_rows(self) -> int:
        """Return how many rows wait for their turn to go to the recorder."""
        return sum(len(data) for _, data in self._queue)

    @callback
    def async_start(self) -> CALLBACK_TYPE:
        """Begin in the background when a recorder runs; return what stops it."""
        if "recorder" not in self.hass.config.components:
            LOGGER.debug("No recorder: the daily statistics are not written")
            return lambda: None
        entry = self.coordinator.entry
        # The history as the rows last written knew it: what changes from now on is new.
        # Read every day away from the event loop: a frozen copy costs the loop nothing.
        frozen = self.coordinator.reader.history.frozen()
        self._unsub_listener = self.coordinator.async_add_listener(
            self._debouncer.async_schedule_call
        )
        # Home Assistant stopping unloads nothing: hand over what is pending while
        # the recorder still takes it.
        self._unsub_stop = self.hass.bus.async_listen_once(
            EVENT_HOMEASSISTANT_STOP, self._async_home_assistant_stopping
        )
        entry.async_create_background_task(
            self.hass, self._async_resume(frozen), f"back_relief statistics {entry.entry_id}"
        )
        return self._async_stop

    async def _async_resume(self, frozen: FrozenHistory) -> None:
        """Pick up after the rows already written, then write what is new."""
        instance = get_instance(self.hass)
        if not await instance.async_db_ready:
            return
        last_rows = await instance.async_add_executor_job(self._last_rows)
        if rewrite := await self.hass.async_add_executor_job(self._daily.resume, frozen, last_rows):
            LOGGER.debug(
                "Daily statistics of %s written from the first day: %s",
                self.coordinator.name,
                ", ".join(rewrite),
            )
        self._resumed = True
        await self._async_write()

    def _last_rows(self) -> dict[str, tuple[date, float | None]]:
        """Return each statistic's last row: its local day and running total (in the executor)."""
        time_zone = dt_util.get_default_time_zone()
        found: dict[str, tuple[date, float | None]] = {}
        for series in SERIES:
            wanted = statistic_id(self.coordinator.entry.entry_id, series)
            rows = get_last_statistics(
                self.hass, 1, wanted, convert_units=False, types={"sum"}
            ).get(wanted)
            if rows:
                start = dt_util.utc_from_timestamp(rows[0]["start"])
                found[series] = (local_date(start, time_zone), rows[0].get("sum"))
        return found

    @callback
    def _async_home_assistant_stopping(self, _event: Event) -> None:
        self._unsub_stop = None
        self._async_stop()

    @callback
    def _async_stop(self) -> None:
        """Stop following the routine, and hand the recorder what is pending."""
        if self._unsub_stop is not None:
            self._unsub_stop()
            self._unsub_stop = None
        if self._unsub_listener is not None:
            self._unsub_listener()
            self._unsub_listener = None
        self._debouncer.async_cancel()
        if not self._writing and (pending := self._pending()) is not None:
            self._add(self._daily.rows(*pending))
        if self._unsub_turn is not None:
            self._unsub_turn()
            self._unsub_turn = None
        self._hand_over(len(self._queue) * ROWS_AT_ONCE)

    def _pending(self) -> tuple[FrozenHistory, date] | None:
        """Return the history, frozen, and today when something may have changed."""
        if not self._resumed:
            return None
        today = self.coordinator.reader.today()
        seen = (self.coordinator.reader.history.revision, today)
        if seen == self._written:
            return None
        self._written = seen
        self._daily.time_zone = dt_util.get_default_time_zone()
        return self.coordinator.reader.history.frozen(), today

    async def _async_write(self) -> None:
        """Queue the rows that changed since the last write.

        The history is frozen here, in the event loop, at the cost of its open
        days; its days are read and the rows worked out in an executor.
        """
        if self._writing:
            self._write_again = True  # once this write is done
            return
        if (pending := self._pending()) is None:
            return
        self._writing = True
        try:
            rows = await self.hass.async_add_executor_job(self._daily.rows, *pending)
        finally:
            self._writing = False
        self._add(rows)
        if self._write_again:
            self._write_again = False
            await self._async_write()

    def _add(self, rows: DailyRows) -> None:
        """Line the rows up for the recorder, one statistic at a time, and start handing over."""
        if not rows:
            return
        batches = [
            (
                self._metadata(activity),
                [
                    StatisticData(start=row.start, state=row.minutes, sum=row.total)
                    for row in minutes_rows
                ],
            )
            for activity, minutes_rows in rows.minutes.items()
        ]
        if rows.pain:
            pain = [
                StatisticData(
                    start=row.start,
                    mean=row.figures.mean,
                    min=row.figures.minimum,
                    max=row.figures.maximum,
                )
                if row.figures is not None
                # Every level of the day removed: a row without figures replaces its row.
                else StatisticData(start=row.start)
                for row in rows.pain
            ]
            batches.append((self._metadata(PAIN), pain))
        for metadata, data in batches:
            self._queue.extend(
                (metadata, data[first : first + ROWS_AT_ONCE])
                for first in range(0, len(data), ROWS_AT_ONCE)
            )
        LOGGER.debug("%s daily statistics rows of %s queued", rows.count, self.coordinator.name)
        if self._unsub_turn is None:
            self._async_turn()

    @callback
    def _async_turn(self, _now: datetime | None = None) -> None:
        """Hand the recorder its next rows; the rest wait for the next turn."""
        self._unsub_turn = None
        self._hand_over(ROWS_AT_ONCE)
        if self._queue:
            self._unsub_turn = async_call_later(self.hass, PAUSE_BETWEEN, self._async_turn)

    def _hand_over(self, most: int) -> None:
        """Hand the recorder rows from the front of the queue, about ``most`` of them."""
        while self._queue and most > 0:
            metadata, data = self._queue.popleft()
            async_add_external_statistics(self.hass, metadata, data)
            most -= len(data)

    def _metadata(self, series: str) -> StatisticMetaData:
        """Describe a statistic: minutes are a sum of durations, pain has a mean, min and max."""
        minutes = series != PAIN
        return StatisticMetaData(
            mean_type=StatisticMeanType.NONE if minutes else StatisticMeanType.ARITHMETIC,
            has_sum=minutes,
            name=phrase(self.hass, "statistics", series, name=self.coordinator.name),
            source=DOMAIN,
            statistic_id=statistic_id(self.coordinator.entry.entry_id, series),
            unit_class=DurationConverter.UNIT_CLASS if minutes else None,
            unit_of_measurement=UnitOfTime.MINUTES if minutes else None,
        )
