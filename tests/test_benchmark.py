"""A benchmark of Back Relief: state writes, setup time, storage size and streaks.

It prints its figures and asserts no timings: the machines that run the suite differ
too much for a timing to mean pass or fail. It asserts behaviour instead: a session
writes as many states whether it lasts 10 or 60 minutes, and ten years of history
load with their streaks exact and are written back unchanged.

The figures are printed to the suite's output even without `-s`, and recorded as
test properties (`--junitxml` keeps them).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from copy import deepcopy
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import freezegun.api
from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import EVENT_STATE_CHANGED
from homeassistant.core import Event, EventStateChangedData, HomeAssistant
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers.json import prepare_save_json
from homeassistant.util.json import json_loads
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.back_relief.const import DEFAULT_CHECKLIST, DEFAULT_DURATIONS, DOMAIN
from custom_components.back_relief.routine import Goal, History
from custom_components.back_relief.texts import group

from .conftest import advance, call, entity_action, entity_id, make_entry, set_up, state, stored

type Report = Callable[..., None]


def clock() -> float:
    """Return the real time.perf_counter, also while the freezer runs.

    The freezer replaces time.perf_counter in every module it finds, even under another
    name; freezegun's own module keeps the real one.
    """
    return freezegun.api.real_perf_counter()


TEN_YEARS = 3650
ROUNDS = 5
# The frozen "today" of conftest's frozen_time: 2026-11-25, Europe/Berlin.
TODAY = date(2026, 11, 25)

# Ten years of history, day k being k days before today (k = 1 is yesterday; today
# holds nothing yet). Goals are the defaults: exercise 20, rest 15, inversion 15.
EXERCISE_MISSED_EVERY = 100  # only 10 minutes of stretching those days
REST_MISSED_EVERY = 30  # only 5 minutes of rest those days
INVERSION_MISSED_EVERY = 365  # no inversion those days
FLARE_UP_DAYS = frozenset({50, 1000, 2000, 3000})
PAIN_EVERY = 3  # level k % 11
VISIT_EVERY = 30  # on days k % 30 == 15

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
    if days_ago % VISIT_EVERY == 15:
        visited_at = datetime.combine(day, time(10, 0), tzinfo=UTC)
        stored["visits"] = [[visited_at.isoformat(), "adjustment, lower back"]]
    if days_ago in FLARE_UP_DAYS:
        stored["flare_up"] = True
    stored["checklist_done"] = ["vitamin_d", "herbal_remedy"] if days_ago % 4 else ["vitamin_d"]
    return stored


def ten_years_of_history() -> dict[str, Any]:
    """Return ten years of history in the stored form of `History.as_dict`, oldest first."""
    return {
        (TODAY - timedelta(days=days_ago)).isoformat(): stored_day(days_ago)
        for days_ago in range(TEN_YEARS, 0, -1)
    }


def stored_routine(history: dict[str, Any]) -> dict[str, Any]:
    """Return a person's stored routine, in the form of `PersonRoutine.as_stored`."""
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


def seed_storage(hass_storage: dict[str, Any], entry: MockConfigEntry, data: dict[str, Any]) -> str:
    """Put a stored routine where the entry's Store reads it; return the storage key."""
    key = f"{DOMAIN}.{entry.entry_id}"
    hass_storage[key] = stored(data, key)
    return key


def milliseconds(seconds: float) -> str:
    """Return a duration in seconds as milliseconds, for the printout."""
    return f"{seconds * 1000:.2f} ms"


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


async def _run_session(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, entry: MockConfigEntry, minutes: int
) -> tuple[int, int, int, Counter[str]]:
    """Run an exercise session to its end, a minute at a time; count its state writes.

    Returns the writes of the start call, of the countdown and of the finish, and the
    writes per entity.
    """
    own_entities = {
        registry_entry.entity_id
        for registry_entry in er.async_entries_for_config_entry(er.async_get(hass), entry.entry_id)
    }
    writes: Counter[str] = Counter()

    def _count(event: Event[EventStateChangedData]) -> None:
        if event.data["entity_id"] in own_entities:
            writes[event.data["entity_id"]] += 1

    unsubscribe = hass.bus.async_listen(EVENT_STATE_CHANGED, _count)
    session = entity_id(hass, entry, "sensor", "session")
    await call(
        hass, "start_session", config_entry_id=entry.entry_id, activity="exercise", duration=minutes
    )
    at_start = writes.total()
    elapsed = 0
    while hass.states.get(session).state != "idle":
        assert elapsed < minutes, "the session did not finish at its end time"
        if elapsed == minutes - 1:
            before_finish = writes.total()
        await advance(hass, freezer, minutes=1)
        elapsed += 1
    unsubscribe()
    assert elapsed == minutes
    assert state(hass, entry, "sensor", "exercise_today") == str(minutes)
    return at_start, before_finish - at_start, writes.total() - before_finish, writes


async def test_state_writes_per_session_do_not_grow_with_its_length(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory, report: Report
) -> None:
    """A 10, a 30 and a 60 minute session write the same number of states.

    The countdown is the `session_ends` timestamp, which the frontend counts down by
    itself; nothing is written per minute. Each length runs for its own person with an
    exercise goal of 10 minutes, so every session changes the same states (the goal
    gets met, the streak becomes 1) and only the length differs.
    """
    lengths = (10, 30, 60)
    entries = [
        await set_up(hass, make_entry(name, exercise_goal=10)) for name in ("Alex", "Sam", "Kim")
    ]

    totals = {}
    for entry, minutes in zip(entries, lengths, strict=True):
        at_start, countdown, at_finish, per_entity = await _run_session(
            hass, frozen_time, entry, minutes
        )
        totals[minutes] = per_entity.total()
        report(
            f"{minutes} minute session: {totals[minutes]} state writes "
            f"(start {at_start}, countdown {countdown}, finish {at_finish})",
            **{f"state_writes_{minutes}_min_session": totals[minutes]},
        )
    last_per_entity = ", ".join(f"{entity} {count}" for entity, count in sorted(per_entity.items()))
    report(
        f"60 minute session, per entity: {last_per_entity}", state_writes_per_entity=last_per_entity
    )

    assert totals[10] == totals[30] == totals[60]
    assert totals[10] > 0


async def test_setup_with_ten_years_of_history_against_an_empty_one(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    hass_storage: dict[str, Any],
    report: Report,
) -> None:
    """Ten years of history load with their streaks exact; print the setup time ratio.

    Each person is set up and unloaded once to warm up (platforms imported, actions
    registered, registry entries created), then both alternately, best of five each.
    While loaded, one change of the routine (a duration set to its own value) refreshes
    every entity; that is timed too. Home Assistant's test storage hands over a deep
    copy of the stored data instead of reading and parsing a file, so both are timed
    apart: a real start-up pays the parse instead of the copy.
    """
    with_history = make_entry("Alex")
    empty = make_entry("Sam")
    key = seed_storage(hass_storage, with_history, stored_routine(ten_years_of_history()))

    def history_loaded() -> None:
        assert len(with_history.runtime_data.coordinator.history) == TEN_YEARS
        for goal, (current, best) in EXPECTED_STREAKS.items():
            state = hass.states.get(entity_id(hass, with_history, "sensor", f"{goal}_streak"))
            assert (state.state, state.attributes["best"], state.attributes["today_met"]) == (
                str(current),
                best,
                False,
            ), goal
        # The latest pain report is three days ago, level 3; the latest visit 15 days ago.
        assert hass.states.get(entity_id(hass, with_history, "sensor", "pain_level")).state == "3"
        assert (
            hass.states.get(entity_id(hass, with_history, "sensor", "last_visit")).state
            == datetime.combine(TODAY - timedelta(days=15), time(10, 0), tzinfo=UTC).isoformat()
        )

    async def timed_setup(
        entry: MockConfigEntry, check: Callable[[], None] | None = None
    ) -> tuple[float, float]:
        """Set an entry up and unload it; return the setup and the one-change times."""
        started = clock()
        assert await hass.config_entries.async_setup(entry.entry_id)
        await hass.async_block_till_done()
        setup_time = clock() - started
        if check is not None:
            check()
        started = clock()
        exercise_duration = entity_id(hass, entry, "number", "exercise_duration")
        await entity_action(hass, exercise_duration, "set_value", value=20)
        change_time = clock() - started
        assert await hass.config_entries.async_unload(entry.entry_id)
        await hass.async_block_till_done()
        return setup_time, change_time

    # Added one at a time: setting up the integration sets up every entry it has.
    empty.add_to_hass(hass)
    await timed_setup(empty)
    with_history.add_to_hass(hass)
    await timed_setup(with_history, history_loaded)
    empty_times, history_times = [], []
    for _ in range(ROUNDS):
        empty_times.append(await timed_setup(empty))
        history_times.append(await timed_setup(with_history, history_loaded))

    stored_bytes = prepare_save_json(hass_storage[key])[1]
    parse_times, copy_times = [], []
    for _ in range(ROUNDS):
        started = clock()
        json_loads(stored_bytes)
        parse_times.append(clock() - started)
        started = clock()
        deepcopy(hass_storage[key])
        copy_times.append(clock() - started)

    empty_setup, empty_change = (min(times) for times in zip(*empty_times, strict=True))
    history_setup, history_change = (min(times) for times in zip(*history_times, strict=True))
    report(
        f"setup (best of {ROUNDS}): empty history {milliseconds(empty_setup)}, "
        f"10 years of history {milliseconds(history_setup)}, "
        f"ratio {history_setup / empty_setup:.2f}",
        setup_empty_ms=round(empty_setup * 1000, 2),
        setup_ten_years_ms=round(history_setup * 1000, 2),
        setup_ratio=round(history_setup / empty_setup, 2),
    )
    report(
        f"one change, every entity refreshed (best of {ROUNDS}): empty history "
        f"{milliseconds(empty_change)}, 10 years of history {milliseconds(history_change)}, "
        f"ratio {history_change / empty_change:.2f}",
        change_empty_ms=round(empty_change * 1000, 2),
        change_ten_years_ms=round(history_change * 1000, 2),
    )
    report(
        f"10 year file: JSON parse {milliseconds(min(parse_times))} (a real start-up reads "
        f"the file, not part of the setup above); the test storage's deepcopy instead "
        f"{milliseconds(min(copy_times))} (part of it)",
        parse_ten_years_ms=round(min(parse_times) * 1000, 2),
        test_storage_copy_ten_years_ms=round(min(copy_times) * 1000, 2),
    )


async def test_storage_size_of_ten_years(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    hass_storage: dict[str, Any],
    report: Report,
) -> None:
    """Ten years are written back unchanged on unload; print the size of the file.

    The size is of the bytes Home Assistant's Store writes: `prepare_save_json` of the
    whole envelope, indented by two spaces.
    """
    entry = make_entry("Alex")
    data = stored_routine(ten_years_of_history())
    key = seed_storage(hass_storage, entry, json_loads(prepare_save_json(data)[1]))
    await set_up(hass, entry)
    assert await hass.config_entries.async_unload(entry.entry_id)
    await hass.async_block_till_done()

    written = hass_storage[key]
    # Compared key by key: features of later issues add keys of their own.
    assert {name: written["data"][name] for name in data} == data
    mode, stored_bytes = prepare_save_json(written)
    assert mode == "wb"
    history_bytes = prepare_save_json(written["data"]["history"])[1]
    size = len(stored_bytes) / 1024
    report(
        f"storage, 10 years ({TEN_YEARS} days): {size:.1f} KiB as written, "
        f"{size / 10:.1f} KiB a year, {len(stored_bytes) / TEN_YEARS:.0f} bytes a day "
        f"(history alone {len(history_bytes) / 1024:.1f} KiB)",
        storage_ten_years_kib=round(size, 1),
    )


def test_streaks_over_ten_years_first_call_and_cached(report: Report) -> None:
    """All three streaks of ten years are exact; print their cost, first and cached.

    The best streak walks the whole history once per goal and revision; later calls
    only walk back the current streak.
    """
    stored = ten_years_of_history()
    started = clock()
    history = History.from_dict(stored)
    restored = clock() - started
    goal_minutes = {Goal.EXERCISE: 20, Goal.REST: 15, Goal.INVERSION: 15}

    started = clock()
    first = {goal: history.streak(goal, minutes, TODAY) for goal, minutes in goal_minutes.items()}
    first_call = (clock() - started) / len(goal_minutes)

    repeats = 50
    started = clock()
    for _ in range(repeats):
        cached = {
            goal: history.streak(goal, minutes, TODAY) for goal, minutes in goal_minutes.items()
        }
    cached_call = (clock() - started) / (repeats * len(goal_minutes))

    assert {goal: (streak.current, streak.best) for goal, streak in first.items()} == (
        EXPECTED_STREAKS
    )
    assert cached == first
    report(
        f"History.from_dict, 10 years: {milliseconds(restored)}",
        history_from_dict_ten_years_ms=round(restored * 1000, 2),
    )
    report(
        f"streak with best, 10 years, per goal: first call {milliseconds(first_call)}, "
        f"cached {milliseconds(cached_call)}",
        streak_first_call_ms=round(first_call * 1000, 3),
        streak_cached_call_ms=round(cached_call * 1000, 3),
    )
