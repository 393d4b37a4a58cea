"""A benchmark of Back Relief: what a person costs, against the years of their history.

One run sets up a person with no history, one, five and ten years of it (and then a
house of ten people with ten years each), all from real files on disk, and prints
side by side the event loop's CPU time of a setup, a save, a start and stop of a
session and a whole active day, the memory a person holds and the storage they take.
Loop CPU is `thread_time()` of the event loop's thread: work handed to an
executor (reading, indexing and writing the closed days) is not in it, as it holds
up nothing. Times are printed as ratios against no history and never asserted (the
machines that run the suite differ too much); counts and sizes are asserted.

The figures are printed to the suite's output even without `-s`, and recorded as
test properties (`--junitxml` keeps them).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Awaitable, Callable, Generator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
import gc
import json
from pathlib import Path
from time import process_time, thread_time
import tracemalloc
from typing import Any
from zoneinfo import ZoneInfo

import freezegun.api
from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import EVENT_STATE_CHANGED, EVENT_STATE_REPORTED
from homeassistant.core import Event, HomeAssistant, callback
from homeassistant.helpers import entity_registry as er
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.back_relief.const import DEFAULT_CHECKLIST, DEFAULT_DURATIONS, DOMAIN
from custom_components.back_relief.language.texts import group
from custom_components.back_relief.routine.day import FIRST_LAYOUT, DayLayout, DayLog, Goal

from .conftest import advance, call, entity_id, make_entry, move_to, state

# Heavy: runs once, on the newest target (scripts/test).
pytestmark = pytest.mark.heavy

type Report = Callable[..., None]


def wall_clock() -> float:
    """Return the real time.perf_counter, also while the freezer runs."""
    return freezegun.api.real_perf_counter()


# The look back's benchmark shares these.
TEN_YEARS = 3650
clock = wall_clock


def milliseconds(seconds: float) -> str:
    """Return a duration in seconds as milliseconds, for the printout."""
    return f"{seconds * 1000:.2f} ms"


YEARS = (0, 1, 5, 10)
PEOPLE = 10
ROUNDS = 5
MIB = 1024 * 1024
SAVE_FLUSH = timedelta(seconds=11)

# The frozen "today" of conftest's frozen_time: 2026-11-25, Europe/Berlin.
TODAY = date(2026, 11, 25)

# Ten years of history, day k being k days before today (k = 1 is yesterday; today
# holds nothing yet). Goals are the defaults: exercise 20, rest 15, inversion 15.
EXERCISE_MISSED_EVERY = 100  # only 10 minutes of stretching those days
REST_MISSED_EVERY = 30  # only 5 minutes of rest those days
INVERSION_MISSED_EVERY = 365  # no inversion those days
FLARE_UP_DAYS = frozenset({50, 1000, 2000, 3000})
PAIN_EVERY = 2  # level k % 11, with a note
VISIT_EVERY = 30  # on days k % 30 == 15
# A busy day as people have them: three sessions, a fourth every second day, each with
# its times; how some felt, and what started them.
SESSIONS = (
    (time(7, 5), "inversion", 15, None),
    (time(12, 40), "stretch", 10, "card"),
    (time(18, 20), "exercise", 15, "voice"),
)
FOURTH_SESSION = (time(21, 10), "rest", 20, "card")
BERLIN = ZoneInfo("Europe/Berlin")

# Derived by hand from the pattern above; flare-up days neither break nor extend:
# - exercise: days 1-99 with day 50 paused is 98; days 1000, 2000 and 3000 are misses
#   but paused, so the runs beside each join: 99 + 99 = 198.
# - rest: days 1-29 is 29; day 3000 is a paused miss, joining 2971-2999 and 3001-3029.
# - inversion: days 1-364 with day 50 paused is 363; days 366-729 hold no flare-up.
EXPECTED_STREAKS = {
    Goal.EXERCISE: (98, 198),
    Goal.REST: (29, 58),
    Goal.INVERSION: (363, 364),
}


def stored_day(days_ago: int) -> dict[str, Any]:
    """Return one day of the ten years, in the stored form of `DayLog.as_dict`."""
    day = TODAY - timedelta(days=days_ago)
    minutes = {"stretch": 10, "rest": 20}
    stored: dict[str, Any] = {"minutes": minutes}
    if days_ago % EXERCISE_MISSED_EVERY:
        minutes["exercise"] = 15
        stored["kinds"] = {"yoga": 15}
    if not days_ago % REST_MISSED_EVERY:
        minutes["rest"] = 5
    if days_ago % INVERSION_MISSED_EVERY:
        minutes["inversion"] = 15
    if not days_ago % PAIN_EVERY:
        logged_at = datetime.combine(day, time(19, 0), tzinfo=UTC)
        stored["pain"] = [[logged_at.isoformat(), days_ago % 11, "after gardening"]]
    sessions = [*SESSIONS, *([FOURTH_SESSION] if days_ago % 2 else [])]
    stored["sessions"] = []
    for number, (start, activity, length, source) in enumerate(sessions):
        started_at = datetime.combine(day, start, tzinfo=BERLIN)
        record = [
            started_at.isoformat(),
            (started_at + timedelta(minutes=length)).isoformat(),
            activity,
            length,
            None,
            "easier" if (days_ago + number) % 3 == 0 else None,
            source,
        ]
        while len(record) > 5 and record[-1] is None:
            record.pop()
        stored["sessions"].append(record)
    if days_ago % VISIT_EVERY == 15:
        visited_at = datetime.combine(day, time(10, 0), tzinfo=UTC)
        stored["visits"] = [[visited_at.isoformat(), "adjustment, lower back"]]
    if days_ago in FLARE_UP_DAYS:
        stored["flare_up"] = True
    stored["checklist_done"] = ["vitamin_d", "herbal_remedy"] if days_ago % 4 else ["vitamin_d"]
    return stored


def years_of_history(years: int) -> dict[str, Any]:
    """Return years of history in the stored form of format 1.1, oldest first."""
    return {
        (TODAY - timedelta(days=days_ago)).isoformat(): stored_day(days_ago)
        for days_ago in range(years * 365, 0, -1)
    }


def stored_routine(history: dict[str, Any]) -> dict[str, Any]:
    """Return a person's stored routine, in the form of `stored_person.as_stored`."""
    return {
        "history": history,
        "session": None,
        "durations": {str(activity): minutes for activity, minutes in DEFAULT_DURATIONS.items()},
        "reminders": True,
        "flare_up": False,
        "checklist": [
            {"uid": uid, "summary": group("en", "checklist")[uid]} for uid in DEFAULT_CHECKLIST
        ],
    }


@pytest.fixture
def production_loop(hass: HomeAssistant) -> Generator[None]:
    """Run the event loop as Home Assistant runs it, without asyncio's debug mode.

    The tests run the loop in debug mode, which records a traceback for every
    callback and task: a cost a running Home Assistant never pays, and one that
    would make every executor round trip look like work of the loop.
    """
    debug = hass.loop.get_debug()
    hass.loop.set_debug(False)
    yield
    hass.loop.set_debug(debug)


@pytest.fixture
def report(
    record_property: Callable[[str, object], None], capsys: pytest.CaptureFixture[str]
) -> Report:
    """Return a function that records figures and prints a line past pytest's capture."""

    def _report(text: str, **figures: object) -> None:
        for name, value in figures.items():
            record_property(name, value)
        with capsys.disabled():
            print(f"\n[benchmark] {text}")  # noqa: T201

    return _report


def ten_years_of_history() -> dict[str, Any]:
    """Return ten years of history in the stored form of format 1.1, oldest first."""
    return years_of_history(10)


def seed_storage(hass_storage: dict[str, Any], entry: MockConfigEntry, data: dict[str, Any]) -> str:
    """Put a stored routine of format 1.1 where the entry's Store reads it; return its key."""
    key = f"{DOMAIN}.{entry.entry_id}"
    hass_storage[key] = {"version": 1, "minor_version": 1, "key": key, "data": data}
    return key


def write_format_1_1(folder: Path, entry: MockConfigEntry, years: int) -> None:
    """Write a person's file as format 1.1 kept it: every day in one file."""
    key = f"{DOMAIN}.{entry.entry_id}"
    data = stored_routine(years_of_history(years))
    envelope = {"version": 1, "minor_version": 1, "key": key, "data": data}
    (folder / key).write_text(json.dumps(envelope), encoding="utf-8")


def storage_bytes(folder: Path, entry: MockConfigEntry) -> int:
    """Return the bytes of a person's files: their own and each year's."""
    return sum(
        file.stat().st_size
        for file in [
            folder / f"{DOMAIN}.{entry.entry_id}",
            *folder.glob(f"{DOMAIN}.{entry.entry_id}.*"),
        ]
        if ".unreadable." not in file.name
    )


async def loop_cpu(action: Callable[[], Awaitable[object]]) -> float:
    """Return the event loop's CPU seconds spent on an action and all it set off."""
    started = thread_time()
    await action()
    return thread_time() - started


async def best_of(action: Callable[[], Awaitable[object]]) -> float:
    """Return the least loop CPU of a few runs of an action."""
    return min([await loop_cpu(action) for _ in range(ROUNDS)])


@dataclass
class Costs:
    """What one person costs, with some history."""

    setup: float = 0.0
    setup_wall: float = 0.0
    save: float = 0.0
    round_trip: float = 0.0
    active_day: float = 0.0
    memory: int = 0
    storage: int = 0
    extra: dict[str, float] = field(default_factory=dict)


class House:
    """Home Assistant with Back Relief, measured from the event loop's thread."""

    def __init__(self, hass: HomeAssistant, freezer: FrozenDateTimeFactory, folder: Path) -> None:
        """Keep what the measurements need."""
        self.hass, self.freezer, self.folder = hass, freezer, folder

    async def setup(self, entry: MockConfigEntry) -> None:
        """Set a person up and wait until everything it set off is done."""
        assert await self.hass.config_entries.async_setup(entry.entry_id)
        await self.hass.async_block_till_done()

    async def unload(self, entry: MockConfigEntry) -> None:
        """Unload a person; their routine is written."""
        assert await self.hass.config_entries.async_unload(entry.entry_id)
        await self.hass.async_block_till_done()

    async def flush(self) -> None:
        """Let the coalesced saves fall due and be written."""
        await advance(self.hass, self.freezer, seconds=SAVE_FLUSH.seconds)

    async def save(self, entry: MockConfigEntry) -> None:
        """Save one change that no entity shows, and let it be written."""
        entry.runtime_data.coordinator.save_quietly()
        await self.flush()

    async def round_trip(self, entry: MockConfigEntry) -> None:
        """Start a session and stop it, and let the change be written."""
        await call(self.hass, "start_session", config_entry_id=entry.entry_id, activity="rest")
        await advance(self.hass, self.freezer, minutes=2)
        await call(self.hass, "stop_session", config_entry_id=entry.entry_id)
        await self.flush()

    async def active_day(self, entry: MockConfigEntry) -> None:
        """Live a whole day: three sessions to their end, a pain level, and midnight."""
        hass, freezer, person = self.hass, self.freezer, entry.entry_id
        day = dt_util.now().date() + timedelta(days=1)

        def at(hour: int) -> datetime:
            return dt_util.start_of_local_day(day) + timedelta(hours=hour)

        await move_to(hass, freezer, at(7))
        for hour, activity in ((7, "inversion"), (12, "stretch"), (19, "rest")):
            await move_to(hass, freezer, at(hour))
            await call(hass, "start_session", config_entry_id=person, activity=activity)
            await advance(hass, freezer, minutes=20)
        await call(hass, "log_pain", config_entry_id=person, level=3)
        await move_to(hass, freezer, at(24) + timedelta(seconds=1))
        await self.flush()

    async def held_memory(self, entries: list[MockConfigEntry]) -> int:
        """Return the bytes that setting people up holds (traced, after a collection)."""
        for entry in entries:
            await self.unload(entry)
        gc.collect()
        tracemalloc.start()
        try:
            before = tracemalloc.get_traced_memory()[0]
            for entry in entries:
                await self.setup(entry)
            gc.collect()
            return tracemalloc.get_traced_memory()[0] - before
        finally:
            tracemalloc.stop()

    async def measure(self, entries: dict[str, MockConfigEntry]) -> dict[str, Costs]:
        """Measure loaded people, taking turns in every round so that all share the noise.

        Setup, a save and a start and stop are the least of a few rounds; memory
        is of each person set up alone; the active day is each person's alone (a
        midnight closes the day of everyone loaded), the less of two.
        """
        costs = {label: Costs() for label in entries}
        for _ in range(ROUNDS):
            for label, entry in entries.items():
                cost = costs[label]
                await self.unload(entry)
                started_wall = wall_clock()
                setup = await loop_cpu(lambda entry=entry: self.setup(entry))
                cost.setup_wall = min(cost.setup_wall or float("inf"), wall_clock() - started_wall)
                cost.setup = min(cost.setup or float("inf"), setup)
                save = await loop_cpu(lambda entry=entry: self.save(entry))
                cost.save = min(cost.save or float("inf"), save)
                trip = await loop_cpu(lambda entry=entry: self.round_trip(entry))
                cost.round_trip = min(cost.round_trip or float("inf"), trip)
        for label, entry in entries.items():
            started = process_time()
            await self.save(entry)
            costs[label].extra["save_all_threads"] = process_time() - started
            costs[label].memory = await self.held_memory([entry])
        for entry in entries.values():
            await self.unload(entry)
        for _ in range(2):
            for label, entry in entries.items():
                await self.setup(entry)
                day = await loop_cpu(lambda entry=entry: self.active_day(entry))
                costs[label].active_day = min(costs[label].active_day or float("inf"), day)
                await self.unload(entry)
        for label, entry in entries.items():
            costs[label].storage = storage_bytes(self.folder, entry)
        return costs


def check_ten_years(hass: HomeAssistant, entry: MockConfigEntry) -> None:
    """Ten years load with their streaks, latest pain and latest visit exact."""
    for goal, (current, best) in EXPECTED_STREAKS.items():
        streak = hass.states.get(entity_id(hass, entry, "sensor", f"{goal}_streak"))
        assert streak is not None
        assert (streak.state, streak.attributes["best"]) == (str(current), best), goal
    assert state(hass, entry, "sensor", "pain_level") == str(PAIN_EVERY % 11)
    assert (
        state(hass, entry, "sensor", "last_visit")
        == datetime.combine(TODAY - timedelta(days=15), time(10, 0), tzinfo=UTC).isoformat()
    )


def ratio(value: float, base: float) -> str:
    """Return a figure as a ratio of the one without history."""
    return f"{value / base:.2f}x" if base else "-"


def table(costs: dict[str, Costs]) -> list[str]:
    """Return the printed table: one row per history, figures and ratios to none."""
    base = costs["0 years"]
    header = (
        f"{'':14} {'setup':>16} {'save':>16} {'start+stop':>16} {'active day':>16} "
        f"{'memory':>16} {'storage':>16}"
    )
    lines = [header]
    for label, cost in costs.items():
        cells = [
            f"{cost.setup * 1000:6.2f} ms {ratio(cost.setup, base.setup):>6}",
            f"{cost.save * 1000:6.2f} ms {ratio(cost.save, base.save):>6}",
            f"{cost.round_trip * 1000:6.2f} ms {ratio(cost.round_trip, base.round_trip):>6}",
            f"{cost.active_day * 1000:6.1f} ms {ratio(cost.active_day, base.active_day):>6}",
            f"{cost.memory / 1024:6.0f} KiB",
            f"{cost.storage / 1024:6.0f} KiB",
        ]
        lines.append(f"{label:14} " + " ".join(f"{cell:>16}" for cell in cells))
    return lines


async def test_costs_do_not_grow_with_years_or_people(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    storage_on_disk: Path,
    production_loop: None,
    report: Report,
) -> None:
    """A person with ten years costs about what one with none does; so does a house of ten.

    Each history is written in format 1.1 and moved to the current format at its
    first setup (timed apart, once); then the four are measured taking turns. The
    house of ten is measured with the other nine loaded.
    """
    house = House(hass, frozen_time, storage_on_disk)
    entries: dict[str, MockConfigEntry] = {}
    migrations: dict[str, float] = {}
    for years in YEARS:
        entry = entries[f"{years} years"] = make_entry(f"Years{years}")
        write_format_1_1(storage_on_disk, entry, years)
        entry.add_to_hass(hass)
        started = wall_clock()
        await house.setup(entry)
        migrations[f"{years} years"] = wall_clock() - started
    check_ten_years(hass, entries["10 years"])
    costs = await house.measure(entries)
    for label, migration in migrations.items():
        costs[label].extra["migration_wall"] = migration

    ten = costs["10 years"]
    # A house of ten people with ten years each: the files of the ten years person, copied.
    people = [make_entry(f"Person{number}") for number in range(PEOPLE)]
    for person in people:
        for file in storage_on_disk.glob(f"{DOMAIN}.entry_years10*"):
            if ".unreadable." not in file.name and ".corrupt." not in file.name:
                name = file.name.replace("entry_years10", person.entry_id)
                (storage_on_disk / name).write_bytes(file.read_bytes())
        person.add_to_hass(hass)
        await house.setup(person)
    house_costs = (await house.measure({f"{PEOPLE} people": people[-1]}))[f"{PEOPLE} people"]
    for person in people[:-1]:
        await house.unload(person)
    house_costs.memory = await house.held_memory(people) // PEOPLE
    costs[f"{PEOPLE} people"] = house_costs

    for line in table(costs):
        report(line)
    for label, cost in costs.items():
        report(
            f"{label}: setup wall {cost.setup_wall * 1000:.1f} ms, one save on every thread "
            f"(serialising and writing included) {cost.extra['save_all_threads'] * 1000:.2f} ms"
            + (
                f", first setup moving format 1.1 {cost.extra['migration_wall'] * 1000:.0f} ms"
                if "migration_wall" in cost.extra
                else ""
            ),
            **{
                f"{label.replace(' ', '_')}_{name}": value
                for name, value in {
                    "setup_cpu_ms": round(cost.setup * 1000, 3),
                    "save_cpu_ms": round(cost.save * 1000, 3),
                    "round_trip_cpu_ms": round(cost.round_trip * 1000, 3),
                    "active_day_cpu_ms": round(cost.active_day * 1000, 3),
                    "memory_kib": round(cost.memory / 1024, 1),
                    "storage_kib": round(cost.storage / 1024, 1),
                }.items()
            },
        )
    assert ten.memory <= MIB
    assert ten.storage <= MIB
    assert house_costs.memory <= MIB


async def _run_session(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, entry: MockConfigEntry, minutes: int
) -> tuple[Counter[str], int]:
    """Run an exercise session to its end, a minute at a time.

    Returns the state writes per entity, and how many writes changed nothing
    (Home Assistant reports those as `state_reported`).
    """
    own_entities = {
        registry_entry.entity_id
        for registry_entry in er.async_entries_for_config_entry(er.async_get(hass), entry.entry_id)
    }
    writes: Counter[str] = Counter()
    unchanged: Counter[str] = Counter()

    def _count(event: Event[Any]) -> None:
        if event.data["entity_id"] in own_entities:
            writes[event.data["entity_id"]] += 1

    def _count_unchanged(event: Event[Any]) -> None:
        if event.data["entity_id"] in own_entities:
            unchanged[event.data["entity_id"]] += 1

    unsubscribe = hass.bus.async_listen(EVENT_STATE_CHANGED, _count)
    unsubscribe_reported = hass.bus.async_listen(
        EVENT_STATE_REPORTED, _count_unchanged, event_filter=callback(lambda _: True)
    )
    session = entity_id(hass, entry, "sensor", "session")
    await call(
        hass, "start_session", config_entry_id=entry.entry_id, activity="exercise", duration=minutes
    )
    elapsed = 0
    while hass.states.get(session).state != "idle":
        assert elapsed < minutes, "the session did not finish at its end time"
        await advance(hass, freezer, minutes=1)
        elapsed += 1
    unsubscribe()
    unsubscribe_reported()
    assert elapsed == minutes
    assert state(hass, entry, "sensor", "exercise_today") == str(minutes)
    assert unchanged.total() == 0, f"writes that changed nothing: {dict(unchanged)}"
    return writes, unchanged.total()


async def test_state_writes_per_session_do_not_grow_with_its_length(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory, report: Report
) -> None:
    """A 10, 30, 60 and 120 minute session write the same states, at most 12, none unchanged.

    The countdown is the `session_ends` timestamp, which the frontend counts down by
    itself; nothing is written per minute. Each length runs for its own person with an
    exercise goal of 10 minutes, so every session changes the same states (the goal
    gets met, the streak becomes 1) and only the length differs.
    """
    lengths = (10, 30, 60, 120)
    entries = []
    for name in ("Alex", "Sam", "Kim", "Robin"):
        entry = make_entry(name, exercise_goal=10)
        entry.add_to_hass(hass)
        assert await hass.config_entries.async_setup(entry.entry_id)
        await hass.async_block_till_done()
        entries.append(entry)

    totals = {}
    for entry, minutes in zip(entries, lengths, strict=True):
        writes, unchanged = await _run_session(hass, frozen_time, entry, minutes)
        totals[minutes] = writes.total()
        report(
            f"{minutes} minute session: {totals[minutes]} state writes, "
            f"{unchanged} that changed nothing; per entity: "
            + ", ".join(f"{name.split('.')[1]} {count}" for name, count in sorted(writes.items())),
            **{f"state_writes_{minutes}_min_session": totals[minutes]},
        )
    assert len(set(totals.values())) == 1
    assert 0 < totals[30] <= 12


# ----- reading every stored format -----

# Each format ever shipped, written with the same ten busy years (see tests/fixtures/golden).
FORMATS = ("1.1", "2.1-years", "2.1-archive", "2.1-segments-1.2")


def envelope(key: str, version: int, minor_version: int, data: dict[str, Any]) -> str:
    """Return a file of Home Assistant's storage."""
    content = {"version": version, "minor_version": minor_version, "key": key, "data": data}
    return json.dumps(content)


def write_format(folder: Path, entry: MockConfigEntry, name: str, years: int) -> None:
    """Write ten years in one of the formats ever shipped, as that version laid them out.

    2.1 wrote each closed day's text in the first layout, unnamed, and a year's
    file of 1.1; the year's files of 1.2 name their layout.
    """
    key = f"{DOMAIN}.{entry.entry_id}"
    routine = stored_routine(years_of_history(years))
    if name == "1.1":
        (folder / key).write_text(envelope(key, 1, 1, routine), encoding="utf-8")
        return
    current = name == "2.1-segments-1.2"
    layout = DayLayout.current() if current else DayLayout.of(FIRST_LAYOUT)
    by_year: dict[int, dict[str, str]] = {}
    for iso_day, stored in routine.pop("history").items():
        by_year.setdefault(int(iso_day[:4]), {})[iso_day] = layout.encode(DayLog.from_dict(stored))

    def segment(days: dict[str, str]) -> dict[str, Any]:
        return {"layout": list(layout.names), "days": days} if current else {"days": days}

    own = sorted(by_year) if name == "2.1-years" else [y for y in by_year if y >= TODAY.year - 1]
    person = routine | {"days": {}, "years": own}
    (folder / key).write_text(envelope(key, 2, 1, person), encoding="utf-8")
    minor = 2 if current else 1
    for year in own:
        text = envelope(f"{key}.{year}", 1, minor, segment(by_year[year]))
        (folder / f"{key}.{year}").write_text(text, encoding="utf-8")
    archived = {str(year): segment(days) for year, days in by_year.items() if year not in own}
    if archived:
        text = envelope(f"{key}.archive", 1, minor, {"years": archived})
        (folder / f"{key}.archive").write_text(text, encoding="utf-8")


async def test_reading_every_stored_format_with_ten_years(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    storage_on_disk: Path,
    production_loop: None,
    report: Report,
) -> None:
    """Each format ever shipped, with ten busy years: its first start (moving it) and a later one.

    Loop CPU as the costs benchmark measures it; what is handed to an executor
    (reading and indexing the days) is not in it. The ten years read exact.
    """
    house = House(hass, frozen_time, storage_on_disk)
    lines = [f"{'format':18} {'first start':>14} {'later start':>14} {'storage':>10}"]
    for name in FORMATS:
        entry = make_entry(f"Format{name.replace('.', '').replace('-', '')}")
        write_format(storage_on_disk, entry, name, 10)
        entry.add_to_hass(hass)
        first = await loop_cpu(lambda entry=entry: house.setup(entry))
        check_ten_years(hass, entry)
        later = float("inf")
        for _ in range(ROUNDS):
            await house.unload(entry)
            later = min(later, await loop_cpu(lambda entry=entry: house.setup(entry)))
        check_ten_years(hass, entry)
        stored = storage_bytes(storage_on_disk, entry)
        await house.unload(entry)
        lines.append(
            f"{name:18} {first * 1000:11.2f} ms {later * 1000:11.2f} ms {stored / 1024:6.0f} KiB"
        )
        record = name.replace(".", "_").replace("-", "_")
        report(
            lines[-1],
            **{
                f"format_{record}_first_start_cpu_ms": round(first * 1000, 3),
                f"format_{record}_later_start_cpu_ms": round(later * 1000, 3),
            },
        )
    report("\n".join(lines))
