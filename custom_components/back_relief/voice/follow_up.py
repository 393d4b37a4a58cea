"""Answering "Whose routine?" with just the name, in the same conversation.

When a request could be anyone's, Back Relief asks whose it is and keeps the
request for that conversation (Assist's chat log names it) for five minutes,
as long as Home Assistant keeps a chat session. A name said next in the same
conversation completes it, as if it had been said at once. A satellite speaks
in one conversation until it has been quiet for five minutes, and the chat in
the app keeps its own; so "Sam", said after the wake word, answers the
question. The question ends with a question mark, which is what makes a chat
log ask to continue; Home Assistant's built-in agent does not pass that on to
the satellite (2026.10), so the wake word is still needed there.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from homeassistant.components.conversation.chat_log import current_chat_log
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import config_validation as cv, intent
from homeassistant.util import dt as dt_util
from homeassistant.util.hass_dict import HassKey
import voluptuous as vol

from ..const import DOMAIN
from .answers import Answers
from .handover import async_handle_as

INTENT_WHOSE = "BackReliefWhose"
SLOT_PERSON = "person"
# How long a question waits for its answer.
ANSWER_WITHIN = timedelta(minutes=5)


@dataclass(frozen=True, slots=True)
class Question:
    """A request that waits for whose routine it is."""

    intent_type: str
    slots: dict[str, Any]
    asked_at: datetime


DATA_QUESTIONS: HassKey[dict[str, Question]] = HassKey(f"{DOMAIN}_questions")


def _conversation_id() -> str | None:
    chat_log = current_chat_log.get()
    return None if chat_log is None else chat_log.conversation_id


def _questions(hass: HomeAssistant) -> dict[str, Question]:
    """Return the open questions, forgetting those no longer waiting."""
    questions = hass.data.setdefault(DATA_QUESTIONS, {})
    now = dt_util.utcnow()
    for conversation_id in [
        key for key, question in questions.items() if now - question.asked_at > ANSWER_WITHIN
    ]:
        del questions[conversation_id]
    return questions


@callback
def async_ask_whose(intent_obj: intent.Intent) -> bool:
    """Keep a request that is answered with "whose routine?" for its conversation.

    Returns whether the name alone can answer: not when the request came from
    outside a conversation, or is the answer to the question already.
    """
    conversation_id = _conversation_id()
    if conversation_id is None or SLOT_PERSON in intent_obj.slots:
        return False
    _questions(intent_obj.hass)[conversation_id] = Question(
        intent_obj.intent_type, dict(intent_obj.slots), dt_util.utcnow()
    )
    return True


class WhoseHandler(intent.IntentHandler):
    """A name said alone: the answer to "whose routine?"."""

    intent_type = INTENT_WHOSE
    description = "Says whose routine the request just asked about is."

    @property
    def slot_schema(self) -> dict[vol.Marker, Any]:
        """Return the person's name."""
        return {vol.Required(SLOT_PERSON): cv.string}

    async def async_handle(self, intent_obj: intent.Intent) -> intent.IntentResponse:
        """Finish the request waiting in this conversation, for the person named."""
        conversation_id = _conversation_id()
        question = (
            _questions(intent_obj.hass).pop(conversation_id, None)
            if conversation_id is not None
            else None
        )
        if question is None:
            response = intent_obj.create_response()
            response.async_set_error(
                intent.IntentResponseErrorCode.FAILED_TO_HANDLE,
                Answers.for_language(intent_obj.language).text(
                    "nothing_asked", name=intent_obj.slots[SLOT_PERSON]["value"]
                ),
            )
            return response
        return await async_handle_as(
            intent_obj,
            question.intent_type,
            {**question.slots, SLOT_PERSON: intent_obj.slots[SLOT_PERSON]},
        )
