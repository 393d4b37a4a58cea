"""The words of a voice request: its slots, and the refusals said in reply.

Refusals reuse the translated messages of the actions' errors
(``translations/<language>.json``, ``exceptions``); only the personal variants
("Your session…", "Alex's session…") are Assist's own answers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import translation
from homeassistant.util import dt as dt_util

from .answers import Answers
from .const import DOMAIN
from .coordinator import BackReliefCoordinator
from .routine import Activity

SLOT_ACTIVITY = "activity"
SLOT_MINUTES = "minutes"
SLOT_PERSON = "person"
SLOT_KIND = "kind"
SLOT_LEVEL = "level"
# Refusals the voice says in its own, personal words.
OWN_WORDS = frozenset({"no_session", "not_running", "not_paused"})


class Spoken(Exception):  # noqa: N818 - not an error: an answer that ends the handling
    """A refusal or a question, already in words."""

    def __init__(self, text: str) -> None:
        """Keep the words to say."""
        super().__init__(text)
        self.text = text


@dataclass(frozen=True, slots=True)
class Slots:
    """The slots of one request, as filled by a sentence or an LLM."""

    slots: dict[str, Any]

    def value(self, name: str) -> Any:
        """Return a slot's value, or None."""
        return self.slots.get(name, {}).get("value")

    def text(self, name: str) -> str | None:
        """Return the words that filled a slot, or None."""
        text = self.slots.get(name, {}).get("text")
        return str(text) if text else None

    def activity(self) -> Activity | None:
        """Return the activity asked for, if any."""
        value = self.value(SLOT_ACTIVITY)
        return Activity(value) if value else None

    def number(self, name: str) -> int | None:
        """Return a whole number; "20", 20.0 and "twenty" all arrive as 20."""
        value = self.value(name)
        return None if value is None else round(float(value))


async def async_answers(hass: HomeAssistant, language: str | None) -> Answers:
    """Return the answers of a request's language, with the errors' messages in it."""
    answers = Answers.for_language(language)
    messages = await translation.async_get_translations(
        hass, answers.language, "exceptions", [DOMAIN]
    )
    prefix = f"component.{DOMAIN}.exceptions."
    return answers.with_refusals(
        {
            key.removeprefix(prefix).removesuffix(".message"): text
            for key, text in messages.items()
            if key.startswith(prefix) and key.endswith(".message")
        }
    )


def refusal(
    err: ServiceValidationError, coordinator: BackReliefCoordinator, slots: Slots, answers: Answers
) -> str:
    """Put a refusal of the routine into plain words."""
    placeholders = err.translation_placeholders or {}
    key = err.translation_key
    if key == "session_active" and coordinator.session is not None:
        return answers.text(
            "error.session_active", activity=answers.activity(coordinator.session.activity)
        )
    if key in OWN_WORDS:
        return answers.text(f"error.{key}")
    if key == "duration_out_of_range" and (activity := slots.activity()) is not None:
        return answers.text(
            "error.duration_out_of_range",
            Activity=answers.activity_title(activity),
            minimum=placeholders.get("minimum", ""),
            maximum=placeholders.get("maximum", ""),
        )
    message = answers.refusal(key, placeholders) if key else None
    return answers.text("error.other", message=message or str(err))


def check_activity(coordinator: BackReliefCoordinator, slots: Slots, answers: Answers) -> None:
    """Refuse "stop my inversion" while a stretch is going; stretching is exercise too."""
    session = coordinator.session
    asked = slots.activity()
    if session is None or asked is None or asked is session.activity:
        return
    if asked is Activity.EXERCISE and session.activity is Activity.STRETCH:
        return
    raise Spoken(
        answers.text(
            "error.wrong_activity",
            running=answers.activity(session.activity),
            asked=answers.activity(asked),
        )
    )


def remaining(coordinator: BackReliefCoordinator, answers: Answers) -> str:
    """Say the time left in the session going on."""
    session = coordinator.session
    assert session is not None  # noqa: S101 - only asked right after a change that keeps it
    return answers.remaining(session.remaining(dt_util.utcnow()))
