"""The words said in reply to a voice request: answers, refusals, the time left.

Refusals reuse the translated messages of the actions' errors
(``translations/<language>.json``, ``exceptions``); only the personal variants
("Your session…", "Alex's session…") are Assist's own answers.
"""

from __future__ import annotations

from collections.abc import Mapping

from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import translation
from homeassistant.util import dt as dt_util

from ..const import DOMAIN
from ..coordinator import BackReliefCoordinator
from ..routine.day import Activity
from .answers import Answers
from .slots import Slots

# Refusals the voice says in its own, personal words.
OWN_WORDS = frozenset({"no_session", "not_running", "not_paused"})


class Spoken(Exception):  # noqa: N818 - not an error: an answer that ends the handling
    """A refusal or a question, already in words."""

    def __init__(self, text: str) -> None:
        """Keep the words to say."""
        super().__init__(text)
        self.text = text


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
    err: ServiceValidationError,
    coordinator: BackReliefCoordinator,
    slots: Slots,
    answers: Answers,
    range_refusals: Mapping[str, str],
) -> str:
    """Put a refusal of the routine into plain words.

    ``range_refusals`` are the refusals of a limit that the request words with
    the limits, by the refusal's key.
    """
    placeholders = err.translation_placeholders or {}
    key = err.translation_key
    if key is not None and key in range_refusals:
        return answers.text(
            range_refusals[key],
            minimum=placeholders.get("minimum", ""),
            maximum=placeholders.get("maximum", ""),
        )
    if key == "session_active" and coordinator.reader.session is not None:
        return answers.text(
            "error.session_active", activity=answers.activity(coordinator.reader.session.activity)
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
    session = coordinator.reader.session
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
    session = coordinator.reader.session
    assert session is not None  # noqa: S101 - only asked right after a change that keeps it
    return answers.remaining(session.remaining(dt_util.utcnow()))
