"""Answering "Whose routine?" with just the name, in the same conversation.

A satellite keeps one conversation id while it is spoken to within five
minutes, and the app's chat keeps its own; the tests pass the id on the same way.
"""

from __future__ import annotations

from datetime import timedelta

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components import conversation
from homeassistant.core import Context, HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from .conftest import attributes, make_entry, set_up, state


@pytest.fixture
async def sam_and_alex(hass: HomeAssistant, assist: None) -> tuple[MockConfigEntry, ...]:
    """Sam and Alex, sharing the house."""
    return (await set_up(hass, make_entry("Sam")), await set_up(hass, make_entry("Alex")))


async def converse(
    hass: HomeAssistant, text: str, conversation_id: str | None = None, language: str = "en"
) -> conversation.ConversationResult:
    """Say something to Assist, in a conversation already going or a new one."""
    return await conversation.async_converse(hass, text, conversation_id, Context(), language)


def spoken(result: conversation.ConversationResult) -> str:
    """Return what Assist answered."""
    return str(result.response.speech["plain"]["speech"])


async def test_the_name_alone_answers_the_question(
    hass: HomeAssistant, sam_and_alex: tuple[MockConfigEntry, ...]
) -> None:
    """Assist keeps listening after the question; "Sam" finishes the request for Sam."""
    sam, alex = sam_and_alex
    asked = await converse(hass, "start inversion for 20 minutes")
    assert spoken(asked) == "Whose routine: Alex or Sam?"
    assert state(hass, sam, "sensor", "session") == "idle"

    answered = await converse(hass, "Sam", asked.conversation_id)
    assert spoken(answered) == (
        "Inversion started for Sam: 20 minutes. I'll tell you when to come up."
    )
    assert attributes(hass, sam, "sensor", "session")["planned_minutes"] == 20
    assert state(hass, alex, "sensor", "session") == "idle"

    # The question was answered: the name again asks what to do.
    again = await converse(hass, "Alex", asked.conversation_id)
    assert spoken(again) == (
        "What shall I do for Alex? For example, say: start inversion for Alex."
    )
    assert state(hass, alex, "sensor", "session") == "idle"


@pytest.mark.parametrize(
    ("language", "request_text", "question", "answer", "done"),
    [
        ("de", "mein Rückenschmerz ist 4", "Wessen Routine: Alex oder Sam?", "für Sam", "4"),
        ("fr", "ma douleur au dos est à 4", "La routine de qui : Alex ou Sam ?", "Sam", "4"),
        ("es", "mi dolor de espalda es 4", "¿La rutina de quién: Alex o Sam?", "es Sam", "4"),
        ("nl", "mijn rugpijn is 4", "Wiens routine: Alex of Sam?", "Sam", "4"),
    ],
)
async def test_the_name_answers_in_each_language(
    hass: HomeAssistant,
    sam_and_alex: tuple[MockConfigEntry, ...],
    language: str,
    request_text: str,
    question: str,
    answer: str,
    done: str,
) -> None:
    """The question and its answer in the other languages."""
    sam, _ = sam_and_alex
    asked = await converse(hass, request_text, language=language)
    assert spoken(asked) == question
    await converse(hass, answer, asked.conversation_id, language)
    assert state(hass, sam, "sensor", "pain_level") == done


async def test_a_name_in_another_conversation_or_too_late_does_nothing(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    sam_and_alex: tuple[MockConfigEntry, ...],
) -> None:
    """Only the conversation that asked, and only for a few minutes, takes the name."""
    sam, _ = sam_and_alex
    asked = await converse(hass, "start exercise")
    elsewhere = await converse(hass, "Sam")
    assert elsewhere.conversation_id != asked.conversation_id
    assert (
        spoken(elsewhere) == "What shall I do for Sam? For example, say: start inversion for Sam."
    )
    assert state(hass, sam, "sensor", "session") == "idle"

    frozen_time.tick(timedelta(minutes=6))
    late = await converse(hass, "Sam", asked.conversation_id)
    assert spoken(late).startswith("What shall I do for Sam?")
    assert state(hass, sam, "sensor", "session") == "idle"
