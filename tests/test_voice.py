"""The words of a voice request: slots, and refusals in the actions' own translated words."""

from __future__ import annotations

from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
import pytest

from custom_components.back_relief.const import DOMAIN
from custom_components.back_relief.voice.replies import async_answers, refusal
from custom_components.back_relief.voice.slots import Slots

from .conftest import make_entry, set_up


def test_slots_read_numbers_and_words() -> None:
    """A number arrives as a whole one; the words that filled a slot are kept."""
    slots = Slots({"minutes": {"value": "19.6"}, "activity": {"value": "rest", "text": "Ruhe"}})
    assert slots.number("minutes") == 20
    assert slots.number("level") is None
    assert slots.text("activity") == "Ruhe"
    assert str(slots.activity()) == "rest"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "de",
            (
                "Das hat nicht geklappt: 2026-01-01 geht nicht: "
                "Wähle ein Datum zwischen 2026-02-01 und 2026-03-01."
            ),
        ),
        (
            "en",
            (
                "That didn't work: 2026-01-01 can't be used: "
                "pick a date from 2026-02-01 to 2026-03-01."
            ),
        ),
    ],
)
async def test_a_refusal_without_words_of_its_own_says_the_actions_message(
    hass: HomeAssistant, language: str, expected: str
) -> None:
    """The voice reuses the translated error of the action, in the request's language."""
    entry = await set_up(hass, make_entry())
    err = ServiceValidationError(
        translation_domain=DOMAIN,
        translation_key="date_out_of_range",
        translation_placeholders={
            "date": "2026-01-01",
            "earliest": "2026-02-01",
            "latest": "2026-03-01",
        },
    )
    answers = await async_answers(hass, language)
    assert refusal(err, entry.runtime_data.coordinator, Slots({}), answers, {}) == expected


async def test_no_session_is_said_in_the_actions_words(hass: HomeAssistant) -> None:
    """With nobody named, "no session" is the action's own translated message."""
    entry = await set_up(hass, make_entry())
    err = ServiceValidationError(translation_domain=DOMAIN, translation_key="no_session")
    for language, expected in (
        ("nl", "Er loopt geen sessie."),
        ("es-MX", "No hay ninguna sesión en curso."),
    ):
        answers = await async_answers(hass, language)
        assert refusal(err, entry.runtime_data.coordinator, Slots({}), answers, {}) == expected
