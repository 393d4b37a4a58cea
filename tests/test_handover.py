"""Back Relief's sentences hide none of Home Assistant's own, in all five languages.

Home Assistant's built-in agent always prefers a custom sentence. So every
sentence of the built-in timer, media and "never mind" intents (sampled from
the templates of the installed ``home-assistant-intents``: each alternative at
least once, and each template with its optional words left out) is matched
against Back Relief's sentence file as Back Relief wrote it. A sentence Back
Relief's templates match must be one that hands over to that very intent while
no session runs (``handover``), and it must then answer exactly as it does
without Back Relief.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
import itertools
from pathlib import Path
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from hassil import Intents
from hassil.expression import (
    Alternative,
    Expression,
    ListReference,
    Permutation,
    RuleReference,
    Sequence,
    TextChunk,
)
from hassil.intents import RangeSlotList, SlotList, TextSlotList
from hassil.recognize import recognize_all
from home_assistant_intents import get_intents
from homeassistant.components import conversation
from homeassistant.components.intent import async_register_timer_handler
from homeassistant.components.intent.const import TIMER_DATA
from homeassistant.core import Context, HomeAssistant
from homeassistant.setup import async_setup_component
from homeassistant.util.yaml import load_yaml
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.back_relief.voice.handover import SLOT_HAND_OVER
from custom_components.back_relief.voice.understood import ANY_BUILT_IN

from .conftest import call, make_entry, set_up, speaker_in

LANGUAGES = ("en", "de", "fr", "es", "nl")
BUILT_IN = {
    "HassNevermind",
    "HassStartTimer",
    "HassCancelTimer",
    "HassCancelAllTimers",
    "HassIncreaseTimer",
    "HassDecreaseTimer",
    "HassPauseTimer",
    "HassUnpauseTimer",
    "HassTimerStatus",
    "HassMediaPause",
    "HassMediaUnpause",
    "HassMediaNext",
    "HassMediaPrevious",
    "HassMediaPlayerMute",
    "HassMediaPlayerUnmute",
    "HassMediaSearchAndPlay",
    "HassSetVolume",
    "HassSetVolumeRelative",
}
# Stand-ins for the house's own names in the templates' {area}, {name} and {floor}.
HOUSE_LISTS = {"area": "kitchen", "name": "TV", "floor": "upstairs"}
# Asked from a speaker in a room: some built-in sentences only count then.
SPEAKER_IN_A_ROOM = {"area": {"value": "Kitchen", "text": "Kitchen"}}


# ----- the built-in sentences -----


def _cover(
    expression: Expression,
    rules: dict[str, Any],
    lists: dict[str, SlotList],
    *,
    shortest: bool = False,
) -> list[str]:
    """Return texts of an expression that use each of its alternatives at least once.

    ``shortest`` leaves every optional part out, as people often do.
    """

    def cover(inner: Expression) -> list[str]:
        return _cover(inner, rules, lists, shortest=shortest)

    if isinstance(expression, TextChunk):
        return [expression.original_text]
    if isinstance(expression, Alternative):
        skipped = shortest and expression.is_optional
        return [""] if skipped else [text for item in expression.items for text in cover(item)]
    if isinstance(expression, Permutation):
        parts = [[f" {text} " for text in cover(item)] for item in expression.items]
        return [text for order in itertools.permutations(parts) for text in _zip(list(order))]
    if isinstance(expression, Sequence):
        return _zip([cover(item) for item in expression.items])
    if isinstance(expression, RuleReference):
        return cover(rules[expression.rule_name].expression)
    assert isinstance(expression, ListReference)
    return _list_values(lists.get(expression.list_name), cover)


def _list_values(slot_list: SlotList | None, cover: Callable[[Expression], list[str]]) -> list[str]:
    """Return a few values of a list: its first ones, a number, or words for a wildcard."""
    if isinstance(slot_list, TextSlotList):
        return [cover(value.text_in)[0] for value in slot_list.values[:3]]
    if isinstance(slot_list, RangeSlotList):
        return [str(min(slot_list.start + slot_list.step, slot_list.stop))]
    return ["jazz"]


def _zip(parts: list[list[str]]) -> list[str]:
    """Join a sequence's parts, cycling the shorter ones."""
    longest = max((len(part) for part in parts), default=1)
    return ["".join(part[index % len(part)] for part in parts) for index in range(longest)]


def built_in_sentences(
    language: str, names: Iterable[str] | None = BUILT_IN
) -> Iterator[tuple[str, str]]:
    """Yield (intent, sentence) for built-in intents' templates of a language (None: all)."""
    intents = Intents.from_dict(get_intents(language) or {})
    lists: dict[str, SlotList] = {
        **intents.slot_lists,
        **{name: TextSlotList.from_strings([value]) for name, value in HOUSE_LISTS.items()},
    }
    seen = set()
    for name in sorted(
        set(intents.intents) if names is None else set(names) & set(intents.intents)
    ):
        for data in intents.intents[name].data:
            rules = {**intents.expansion_rules, **data.expansion_rules}
            for sentence in data.sentences:
                for text in [
                    *_cover(sentence.expression, rules, lists),
                    *_cover(sentence.expression, rules, lists, shortest=True),
                ]:
                    if (spoken := " ".join(text.split())) and (name, spoken) not in seen:
                        seen.add((name, spoken))
                        yield name, spoken


# ----- Back Relief's sentences, as written for Assist -----


def back_relief_sentences(config_dir: Path, language: str) -> dict[str, Any]:
    """Return the sentence file Back Relief wrote for a language."""
    path = config_dir / "custom_sentences" / language / "back_relief.yaml"
    return load_yaml(path)  # type: ignore[return-value]


def claimed(config_dir: Path, language: str) -> list[tuple[str, str, str, Any]]:
    """Return the built-in sentences Back Relief's templates match, with what they match."""
    built_in = get_intents(language) or {}
    ours = back_relief_sentences(config_dir, language)
    # Recognised as Assist does: with the language's skip words.
    intents = Intents.from_dict({**ours, "skip_words": built_in.get("skip_words", [])})
    found = []
    for name, sentence in built_in_sentences(language):
        for result in recognize_all(
            sentence, intents, intent_context=SPEAKER_IN_A_ROOM, language=language
        ):
            handed_to = result.entities.get(SLOT_HAND_OVER)
            found.append(
                (name, sentence, result.intent.name, handed_to.value if handed_to else None)
            )
            break
    return found


@pytest.fixture
async def alex(hass: HomeAssistant, assist: None) -> MockConfigEntry:
    """Alex, alone in the house."""
    return await set_up(hass, make_entry("Alex"))


@pytest.mark.parametrize("language", LANGUAGES)
async def test_no_built_in_sentence_is_hidden(
    hass: HomeAssistant, config_dir: Path, alex: MockConfigEntry, language: str
) -> None:
    """Only sentences that hand over to the same intent match a built-in sentence.

    The broad sentences hand over to whatever Home Assistant's own sentences
    understand (``ANY_BUILT_IN``); the test below proves they answer as without.
    """
    built_in = get_intents(language) or {}
    ours = back_relief_sentences(config_dir, language)
    # A list or rule of the same name would replace Home Assistant's own.
    assert not set(ours["lists"]) & set(built_in["lists"])
    assert not set(ours["expansion_rules"]) & set(built_in["expansion_rules"])
    assert set(ours.get("responses", {}).get("intents", {})) <= set(ours["intents"])

    sentences = list(built_in_sentences(language))
    assert len(sentences) > 500
    hidden = [
        (name, sentence, ours_name)
        for name, sentence, ours_name, handed_to in claimed(config_dir, language)
        if handed_to not in (name, ANY_BUILT_IN)
    ]
    assert hidden == []


async def _answers(
    hass: HomeAssistant, language: str, sentences: list[str], speaker: str
) -> list[Any]:
    # Each run starts with no timer: those a run set would answer the next.
    timers = hass.data[TIMER_DATA]
    for timer_id in list(timers.timers):
        timers.cancel_timer(timer_id)
    answers = []
    for sentence in sentences:
        result = await conversation.async_converse(
            hass, sentence, None, Context(), language, device_id=speaker
        )
        response = result.response
        answers.append((response.response_type, response.error_code, response.speech))
    return answers


# Some 2,000 sentences a language, said twice: run once, on the newest target.
@pytest.mark.heavy
@pytest.mark.parametrize("language", LANGUAGES)
async def test_shared_sentences_answer_as_without_back_relief(
    hass: HomeAssistant, config_dir: Path, assist: None, kitchen_speaker: str, language: str
) -> None:
    """With nobody's session going, a shared sentence gets Home Assistant's own answer."""
    assert await async_setup_component(hass, "media_player", {})
    entry = await set_up(hass, make_entry("Alex"))
    shared = [sentence for _, sentence, _, _ in claimed(config_dir, language)]
    assert shared
    with_back_relief = await _answers(hass, language, shared, kitchen_speaker)

    assert await hass.config_entries.async_remove(entry.entry_id)
    await hass.async_block_till_done()
    assert not (config_dir / "custom_sentences" / language / "back_relief.yaml").exists()
    assert await _answers(hass, language, shared, kitchen_speaker) == with_back_relief


@pytest.fixture
async def kitchen_speaker(hass: HomeAssistant) -> str:
    """Return a voice satellite in the kitchen that keeps Home Assistant's timers."""
    device_id = speaker_in(hass, "Kitchen")
    async_register_timer_handler(hass, device_id, lambda *_: None)
    return device_id


@pytest.mark.parametrize(
    ("language", "start_timer", "question", "timer_answer", "session_answer"),
    [
        (
            "en",
            "set a timer for 5 minutes",
            "how much time is left",
            "5 minutes left.",
            "You have 15 minutes left.",
        ),
        ("de", "Timer für 5 Minuten", "wie lange noch", "5 Minuten", "Du hast noch 15 Minuten."),
        (
            "fr",
            "minuteur de 5 minutes",
            "combien de temps reste-t-il",
            "5 minutes",
            "Il vous reste 15 minutes.",
        ),
    ],
)
async def test_time_left_is_the_kitchen_timers_without_a_session(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    alex: MockConfigEntry,
    kitchen_speaker: str,
    language: str,
    start_timer: str,
    question: str,
    timer_answer: str,
    session_answer: str,
) -> None:
    """Home Assistant's timers answer until a session runs; then the session does."""

    async def ask(text: str) -> str:
        result = await conversation.async_converse(
            hass, text, None, Context(), language, device_id=kitchen_speaker
        )
        return str(result.response.speech["plain"]["speech"])

    await ask(start_timer)
    assert timer_answer in await ask(question)

    await call(hass, "start_session", activity="inversion", duration=15)
    assert await ask(question) == session_answer
