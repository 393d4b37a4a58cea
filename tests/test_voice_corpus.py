"""Everyday phrasings, spoken to Assist in five languages, each checked on real state.

The sentences in ``voice_corpus/<language>.yaml`` were written as people say them,
before the templates were widened to meet them. Every one is spoken to the real
conversation agent, from a speaker in the living room; what it must change (a
session started, minutes logged, a pain level, the flare-up switch, a checklist
item) is read back from the entities.
The rate and the misses are printed; each language must understand 95 percent.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.util.yaml import load_yaml
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from .conftest import (
    attributes,
    call,
    entity_action,
    entity_id,
    make_entry,
    say,
    set_up,
    speaker_in,
    state,
)

# Heavy: runs once, on the newest target (scripts/test).
pytestmark = pytest.mark.heavy

CORPUS = Path(__file__).parent / "voice_corpus"
LANGUAGES = ("en", "de", "fr", "es", "nl")
PASS_RATE = 0.95
# Sets written by hands that never saw the sentence files, each measured once
# before anything changed because of it (issue 23); kept, at their own threshold.
HELD_OUT = dict.fromkeys(("heldout_a", "heldout_b", "heldout_c", "heldout_d", "heldout_e"), 0.90)
SETS = {"": PASS_RATE} | {name: rate for name, rate in HELD_OUT.items() if (CORPUS / name).is_dir()}
# Streaks seeded before speaking: days in a row up to yesterday.
STREAKS = {"exercise": 3, "rest": 2, "inversion": 4}
GOAL_MINUTES = 30
# The minutes counted by each day's total for an activity (stretching is exercise).
TOTALS = {"exercise": "exercise", "stretch": "exercise", "inversion": "inversion", "rest": "rest"}


@dataclass(slots=True)
class Person:
    """Alex's entities, read the way a dashboard reads them."""

    hass: HomeAssistant
    entry: MockConfigEntry
    clock: FrozenDateTimeFactory
    speaker: str

    def state(self, platform: str, key: str) -> str:
        """Return an entity's state."""
        return state(self.hass, self.entry, platform, key)

    def session(self) -> tuple[str, dict[str, Any]]:
        """Return the session's activity and its attributes."""
        return self.state("sensor", "session"), dict(
            attributes(self.hass, self.entry, "sensor", "session")
        )

    def minutes_today(self, activity: str) -> int:
        """Return today's minutes counted for an activity."""
        return int(self.state("sensor", f"{TOTALS[activity]}_today"))

    async def idle(self) -> None:
        """End any session, counting nothing."""
        if self.state("sensor", "session") != "idle":
            await call(self.hass, "cancel_session")

    async def running(self, activity: str | None = None, minutes_run: int = 5) -> None:
        """Have a session of 15 minutes (inversion unless told) running for a while."""
        await self.idle()
        await call(self.hass, "start_session", activity=activity or "inversion", duration=15)
        self.clock.tick(timedelta(minutes=minutes_run))

    async def checklist(self) -> dict[str, str]:
        """Return each checklist item's status by its uid."""
        todo = entity_id(self.hass, self.entry, "todo", "checklist")
        answer = await self.hass.services.async_call(
            "todo", "get_items", {"entity_id": todo}, blocking=True, return_response=True
        )
        assert answer is not None
        items: list[dict[str, str]] = answer[todo]["items"]  # type: ignore[index,assignment]
        return {item["uid"]: item["status"] for item in items}


# A check speaks the sentence itself and returns why it failed, or None. For a
# sentence about the session going, the corpus may name the activity running
# ("pause my workout": exercise); it is inversion otherwise.
Check = Callable[[Person, str, Any], Awaitable[str | None]]


async def _speak(person: Person, sentence: str) -> tuple[str, dict[str, Any]]:
    return await say(person.hass, sentence, person.hass.config.language, device_id=person.speaker)


def _minutes(expected: str) -> tuple[str, int | None]:
    activity, _, minutes = str(expected).partition(" ")
    return activity, None if minutes in ("", "default") else int(minutes)


async def _start(person: Person, sentence: str, expected: str) -> str | None:
    await person.idle()
    activity, minutes = _minutes(expected)
    if minutes is None:
        minutes = int(float(person.state("number", f"{activity}_duration")))
    speech, _ = await _speak(person, sentence)
    started, attrs = person.session()
    if (started, attrs.get("planned_minutes")) != (activity, minutes):
        return f"started {started} {attrs.get('planned_minutes')}: {speech}"
    return None


async def _pause(person: Person, sentence: str, activity: str | None) -> str | None:
    await person.running(activity)
    speech, _ = await _speak(person, sentence)
    status = person.session()[1].get("status")
    return None if status == "paused" else f"{status}: {speech}"


async def _resume(person: Person, sentence: str, activity: str | None) -> str | None:
    await person.running(activity)
    await call(person.hass, "pause_session")
    speech, _ = await _speak(person, sentence)
    status = person.session()[1].get("status")
    return None if status == "running" else f"{status}: {speech}"


async def _end(person: Person, sentence: str, running: str | None, credited: int) -> str | None:
    await person.running(running)
    activity = running or "inversion"
    before = person.minutes_today(activity)
    speech, _ = await _speak(person, sentence)
    now = person.session()[0]
    counted = person.minutes_today(activity) - before
    if (now, counted) != ("idle", credited):
        return f"{now}, {counted} counted: {speech}"
    return None


async def _stop(person: Person, sentence: str, activity: str | None) -> str | None:
    return await _end(person, sentence, activity, 5)


async def _cancel(person: Person, sentence: str, activity: str | None) -> str | None:
    return await _end(person, sentence, activity, 0)


async def _time_left(person: Person, sentence: str, activity: str | None) -> str | None:
    await person.running(activity)
    speech, response = await _speak(person, sentence)
    # 15 minutes planned, 5 run: the answer names the 10 left.
    if response["response_type"] != "query_answer" or "10" not in speech:
        return speech
    return None


async def _streak(person: Person, sentence: str, expected: str) -> str | None:
    speech, response = await _speak(person, sentence)
    asked = list(STREAKS) if expected == "all" else [expected]
    days = [person.state("sensor", f"{goal}_streak") for goal in asked]
    if response["response_type"] != "query_answer" or any(day not in speech for day in days):
        return speech
    return None


async def _log(person: Person, sentence: str, expected: str) -> str | None:
    await person.idle()
    activity, minutes = _minutes(expected)
    before = person.minutes_today(activity)
    speech, _ = await _speak(person, sentence)
    added = person.minutes_today(activity) - before
    return None if added == minutes else f"{added} added: {speech}"


async def _pain(person: Person, sentence: str, level: int) -> str | None:
    await call(person.hass, "log_pain", level=(level + 1) % 11)
    speech, _ = await _speak(person, sentence)
    logged = person.state("sensor", "pain_level")
    return None if logged == str(level) else f"{logged}: {speech}"


async def _extend(person: Person, sentence: str, expected: int | str) -> str | None:
    # "rest 30" when the sentence names what runs; exercise otherwise, whose
    # limits take an hour more (the inversion table's don't).
    activity, minutes = _minutes(expected if isinstance(expected, str) else f"exercise {expected}")
    await person.running(activity)
    speech, _ = await _speak(person, sentence)
    planned = person.session()[1].get("planned_minutes")
    return None if planned == 15 + (minutes or 0) else f"{planned} planned: {speech}"


async def _flare_up(person: Person, sentence: str, expected: str) -> str | None:
    switch = entity_id(person.hass, person.entry, "switch", "flare_up")
    await entity_action(person.hass, switch, "turn_off" if expected == "on" else "turn_on")
    speech, _ = await _speak(person, sentence)
    now = person.state("switch", "flare_up")
    return None if now == expected else f"{now}: {speech}"


async def _check(person: Person, sentence: str, uid: str) -> str | None:
    todo = entity_id(person.hass, person.entry, "todo", "checklist")
    for item, status in (await person.checklist()).items():
        if status == "completed":
            await entity_action(person.hass, todo, "update_item", item=item, status="needs_action")
    speech, _ = await _speak(person, sentence)
    done = [item for item, status in (await person.checklist()).items() if status == "completed"]
    return None if done == [uid] else f"{done} done: {speech}"


CHECKS: dict[str, Check] = {
    "start": _start,
    "pause": _pause,
    "resume": _resume,
    "stop": _stop,
    "cancel": _cancel,
    "time_left": _time_left,
    "streak": _streak,
    "log": _log,
    "pain": _pain,
    "extend": _extend,
    "flare_up": _flare_up,
    "check": _check,
}


def corpus(language: str, held_out: str = "") -> list[tuple[str, str, Any]]:
    """Return a language's sentences of a set as (kind, sentence, expected effect)."""
    path = CORPUS / held_out / f"{language}.yaml"
    data: dict[str, Any] = load_yaml(path)  # type: ignore[assignment]
    found = []
    for kind, sentences in data.items():
        assert kind in CHECKS, kind
        found.extend((kind, str(sentence), expected) for sentence, expected in sentences.items())
    return found


def test_the_corpus_is_large_enough() -> None:
    """At least 150 English sentences and 40 in each other language."""
    for language in LANGUAGES:
        assert len(corpus(language)) >= (150 if language == "en" else 40), language


@pytest.mark.parametrize("held_out", SETS)
@pytest.mark.parametrize("language", LANGUAGES)
async def test_everyday_phrasings_are_understood(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    assist: None,
    capsys: pytest.CaptureFixture[str],
    language: str,
    held_out: str,
) -> None:
    """Each language understands at least 95 percent of the corpus, 90 of a held-out set."""
    hass.config.language = language
    entry = await set_up(hass, make_entry("Alex", exercise_goal=GOAL_MINUTES))
    person = Person(hass, entry, frozen_time, speaker_in(hass, "Living room"))
    today = frozen_time().date()
    for activity, days in STREAKS.items():
        for back in range(1, days + 1):
            await call(
                hass,
                "log_activity",
                activity=activity,
                minutes=GOAL_MINUTES,
                date=(today - timedelta(days=back)).isoformat(),
            )

    sentences = corpus(language, held_out)
    misses = []
    for kind, sentence, expected in sentences:
        if (why := await CHECKS[kind](person, sentence, expected)) is not None:
            misses.append(f"  {kind}: {sentence!r} -> {why}")
        await hass.async_block_till_done()

    rate = 1 - len(misses) / len(sentences)
    with capsys.disabled():
        print(f"\n{held_out or 'corpus'} {language}: {rate:.1%} of {len(sentences)} understood")  # noqa: T201
        print("\n".join(misses))  # noqa: T201
    assert rate >= SETS[held_out], "\n".join(misses)
