"""Putting a slip right by voice: "undo", "that was wrong, it's a 4".

"undo" brings back a session stopped or cancelled less than two minutes ago,
where it was; "that was wrong, it's a 4" replaces the pain level logged in the
last ten minutes (or logs one, when there is none to put right). Each finds
whose routine it is and answers like every other Back Relief request (see
``intent``); the intent platform registers these beside the others.
"""

from __future__ import annotations

from typing import Any, ClassVar

from homeassistant.exceptions import ServiceValidationError
import voluptuous as vol

from ..coordinator import BackReliefCoordinator
from ..routine.goals import is_high_pain
from .answers import Answers
from .intent import BackReliefIntentHandler
from .replies import Spoken, remaining
from .slots import SLOT_LEVEL, Slots

INTENT_UNDO_SESSION = "BackReliefUndoSession"
INTENT_CORRECT_PAIN = "BackReliefCorrectPain"


class UndoSessionHandler(BackReliefIntentHandler):
    """A stop undone: "undo", "I didn't mean to stop"."""

    intent_type = INTENT_UNDO_SESSION
    title = "Undo a stop"
    tool_name = "undo_session"
    description = (
        "Brings back the Back Relief session stopped or cancelled less than 2 minutes ago, "
        "with the time it had left; the minutes the stop counted are taken back."
    )

    def answer(self, coordinator: BackReliefCoordinator, slots: Slots, answers: Answers) -> str:
        """Bring the session back and say what is left."""
        try:
            coordinator.commands.undo_session()
        except ServiceValidationError as err:
            if err.translation_key == "nothing_to_undo":
                raise Spoken(answers.text("error.nothing_to_undo")) from err
            raise
        session = coordinator.reader.session
        assert session is not None  # noqa: S101 - an undo that was not refused brings one back
        return answers.text(
            "undone.paused" if session.is_paused else "undone",
            Activity=answers.activity_title(session.activity),
            remaining=remaining(coordinator, answers),
        )


class CorrectPainHandler(BackReliefIntentHandler):
    """A pain level put right: "that was wrong, it's a 4", "no, I meant 4"."""

    intent_type = INTENT_CORRECT_PAIN
    title = "Correct the pain level"
    tool_name = "correct_pain"
    description = (
        "Replaces the Back Relief pain level logged in the last 10 minutes with the right "
        "one, from 0 to 10; without a recent one, logs it."
    )
    slots: ClassVar[dict[vol.Marker, Any]] = {vol.Required(SLOT_LEVEL): vol.Coerce(float)}

    def answer(self, coordinator: BackReliefCoordinator, slots: Slots, answers: Answers) -> str:
        """Put the level right and say what it was and is."""
        level = slots.number(SLOT_LEVEL)
        assert level is not None  # noqa: S101 - a required slot, a number by its schema
        replaced = coordinator.commands.log_pain(level, replace=True)
        care = answers.addition("pain_logged.high") if is_high_pain(level) else ""
        if replaced is None:
            return answers.text("pain_logged", level=level) + care
        return answers.text("pain_corrected", old=replaced.level, level=level) + care


CORRECTION_HANDLERS: tuple[type[BackReliefIntentHandler], ...] = (
    UndoSessionHandler,
    CorrectPainHandler,
)
