"""Requests said in words nobody wrote down: the whole sentence goes to a parser.

The exact templates of ``sentences/<lang>.yaml`` are the fast path. Behind them,
a few broad sentences of each language, a word only the routine uses (yoga,
stretching, the inversion table, pain, a flare-up...) with anything around it,
and the bare words about a session ("pause", "I'm done", "cancel it"), lead to
one intent. Its handler gives what was said to ``language.requests`` and hands
the request it understood to the intent that carries it out, so it answers and
refuses as that intent does.

Home Assistant keeps every sentence it understands without Back Relief: Assist
prefers a custom sentence over its own, so before anything else the handler asks
Home Assistant's own sentences (with the house's devices and areas) whether they
understand it too, and when they do, that intent answers, worded with its own
response: "turn off the inversion table" switches the switch. Where Home
Assistant's answer is an error and the request is the routine's ("pause the
timer" with no timer, while a session goes), the routine answers. Only the bare
words and "how long is left", while a session is going, are Back Relief's first.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from inspect import signature
from types import SimpleNamespace
from typing import Any

from hassil import Intents, recognize_best
from home_assistant_intents import ErrorKey
from homeassistant.components.conversation import (
    ConversationInput,
    async_get_chat_log,
    default_agent,
)
from homeassistant.components.conversation.agent_manager import async_get_agent
from homeassistant.components.conversation.const import HOME_ASSISTANT_AGENT, METADATA_CUSTOM_FILE
from homeassistant.const import CONF_NAME
from homeassistant.core import HomeAssistant, State
from homeassistant.helpers import (
    area_registry as ar,
    device_registry as dr,
    entity_registry as er,
    intent,
    template,
)
from homeassistant.helpers.chat_session import async_get_chat_session

from ..const import DOMAIN
from ..language.requests import Request, understand, words_for
from ..language.texts import base_language
from .answers import Answers
from .custom_sentences import FILE_NAME
from .handover import any_session, async_handle_as
from .intent import (
    INTENT_CANCEL_SESSION,
    INTENT_LOG_ACTIVITY,
    INTENT_LOG_PAIN,
    INTENT_PAUSE_SESSION,
    INTENT_RESUME_SESSION,
    INTENT_START_SESSION,
    INTENT_STOP_SESSION,
    INTENT_STREAK,
    INTENT_TIME_LEFT,
)
from .intent_day import INTENT_CHECKLIST, INTENT_EXTEND_SESSION, INTENT_FLARE_UP
from .slots import (
    SLOT_ACTIVITY,
    SLOT_ITEM,
    SLOT_LEVEL,
    SLOT_MINUTES,
    SLOT_PERSON,
    SLOT_SAID_WITH,
    SLOT_STATE,
)

INTENT_UNDERSTAND = "BackReliefUnderstand"
# Set by the sentences of bare words about a session ("pause", "I'm done").
SLOT_BARE = "bare"
# The hand_over value of the sentences that hand over to whatever Home
# Assistant's own sentences understand (see the collision test).
ANY_BUILT_IN = "any"
INTENTS = {
    "start": INTENT_START_SESSION,
    "pause": INTENT_PAUSE_SESSION,
    "resume": INTENT_RESUME_SESSION,
    "stop": INTENT_STOP_SESSION,
    "cancel": INTENT_CANCEL_SESSION,
    "time_left": INTENT_TIME_LEFT,
    "streak": INTENT_STREAK,
    "log": INTENT_LOG_ACTIVITY,
    "pain": INTENT_LOG_PAIN,
    "extend": INTENT_EXTEND_SESSION,
    "flare_up": INTENT_FLARE_UP,
    "check": INTENT_CHECKLIST,
}
SESSION_ACTIONS = frozenset({"pause", "resume", "stop", "cancel", "extend", "time_left"})


def slots_of(request: Request) -> dict[str, dict[str, Any]]:
    """Return the slots the carrying intent takes for a request."""
    values: dict[str, Any] = {
        SLOT_ACTIVITY: request.activity,
        SLOT_MINUTES: request.minutes,
        SLOT_LEVEL: request.level,
        SLOT_STATE: request.state,
        SLOT_ITEM: request.item,
        SLOT_PERSON: request.person,
    }
    slots = {name: {"value": value, "text": str(value)} for name, value in values.items() if value}
    if request.level == 0:
        slots[SLOT_LEVEL] = {"value": 0, "text": "0"}
    if request.action == "log":
        # The words name no kind of exercise worth keeping ("I did twenty minutes").
        slots[SLOT_SAID_WITH] = {"value": "verb", "text": ""}
    return slots


def about_the_routine(request: Request | None) -> bool:
    """Return whether a request names the routine itself, not only a session word.

    "pauzeer de timer" holds a word of pausing, and Home Assistant's answer about
    a timer it can't find is the one to give; "pause the yoga" is the routine's.
    """
    if request is None:
        return False
    return request.action not in SESSION_ACTIONS or request.activity is not None


class UnderstandHandler(intent.IntentHandler):
    """Understands a whole sentence about the routine and carries it out."""

    intent_type = INTENT_UNDERSTAND
    description = "Understands a request about the Back Relief routine said in any words."
    # Assist's own agent only; LLM agents use the tool of each request instead.
    platforms: set[str] | None = {"conversation"}  # noqa: RUF012 - the base class's attribute

    async def async_handle(self, intent_obj: intent.Intent) -> intent.IntentResponse:
        """Answer as Home Assistant when it understands too, else as the request said."""
        hass = intent_obj.hass
        language = base_language(intent_obj.language)
        names = [str(entry.data[CONF_NAME]) for entry in hass.config_entries.async_entries(DOMAIN)]
        running = any_session(hass)
        request = understand(
            intent_obj.text_input or "", words_for(language), names, running=running
        )
        bare = bool(intent_obj.slots.get(SLOT_BARE, {}).get("value"))
        about_a_session = request is not None and request.action in SESSION_ACTIONS and running
        ours = about_a_session or about_the_routine(request)
        # As the exact sentences do, a session answers "how long is left" before
        # Home Assistant's timers, and the bare words before its media players.
        ours_first = (
            request is not None and about_a_session and (bare or request.action == "time_left")
        )
        if not ours_first:
            handled = await async_as_home_assistant(
                intent_obj,
                # Home Assistant's "no device called..." only for what isn't the routine's.
                unknown_names=not ours,
                routine=about_the_routine(request),
            )
            # What Home Assistant does stands; where it fails ("I couldn't find that
            # timer"), a request about the session going or the routine is ours.
            if handled is not None and not (
                ours and handled.response_type is intent.IntentResponseType.ERROR
            ):
                return handled
        if (
            request is not None
            and not ours
            and (unknown := await async_no_intent(intent_obj)) is not None
        ):
            return unknown  # "TV weitermachen" with no session: as without Back Relief.
        if request is None:
            response = intent_obj.create_response()
            response.async_set_error(
                intent.IntentResponseErrorCode.FAILED_TO_HANDLE,
                Answers.for_language(language).text("not_understood"),
            )
            return response
        return await async_handle_as(intent_obj, INTENTS[request.action], slots_of(request))


# ----- Home Assistant's own sentences, without Back Relief's -----


def _without_ours(intents: Intents) -> Intents:
    """Return Assist's sentences without those of Back Relief's file."""
    kept = {}
    for name, found in intents.intents.items():
        data = [
            item
            for item in found.data
            if not str((item.metadata or {}).get(METADATA_CUSTOM_FILE, "")).endswith(FILE_NAME)
        ]
        if data:
            kept[name] = replace(found, data=data)
    return replace(intents, intents=kept)


_FILTERED: dict[int, tuple[Intents, Intents]] = {}


def _built_in(intents: Intents) -> Intents:
    """Return (and remember) Assist's sentences of a language without Back Relief's."""
    cached = _FILTERED.get(id(intents))
    if cached is None or cached[0] is not intents:
        cached = (intents, _without_ours(intents))
        _FILTERED[id(intents)] = cached
    return cached[1]


def _area(hass: HomeAssistant, intent_obj: intent.Intent) -> ar.AreaEntry | None:
    """Return the area of the speaker asked, as Assist finds it."""
    device_id = intent_obj.device_id
    if intent_obj.satellite_id and (
        entity := er.async_get(hass).async_get(intent_obj.satellite_id)
    ):
        if entity.area_id:
            return ar.async_get(hass).async_get_area(entity.area_id)
        device_id = entity.device_id
    if device_id and (device := dr.async_get(hass).async_get(device_id)) and device.area_id:
        return ar.async_get(hass).async_get_area(device.area_id)
    return None


async def async_as_home_assistant(
    intent_obj: intent.Intent, *, unknown_names: bool, routine: bool = False
) -> intent.IntentResponse | None:
    """Handle what was said as Assist would without Back Relief; None if it wouldn't.

    A full match counts (every device and area named is known). With
    ``unknown_names``, so does a sentence of Home Assistant's that names something
    the house doesn't have: it gets Home Assistant's own "no device called...".
    """
    hass = intent_obj.hass
    agent: Any = async_get_agent(hass)  # Assist's own agent, whose parts it reuses
    language = intent_obj.language
    if agent is None or not hasattr(agent, "async_get_or_load_intents"):
        return None
    lang_intents = await agent.async_get_or_load_intents(language)
    if lang_intents is None:
        return None
    area = _area(hass, intent_obj)
    context = None if area is None else {"area": {"value": area.name, "text": area.name}}
    text = intent_obj.text_input or ""
    slot_lists = await agent._make_slot_lists()  # noqa: SLF001 - the house's names, as Assist has them
    # As Assist: the exposed names first, then every name (which its handler refuses).
    result = None
    for names in (slot_lists, slot_lists | {"name": _unexposed_names(agent, text)}):
        # Matched away from the event loop, as Assist matches.
        result = await hass.async_add_executor_job(
            partial(
                recognize_best,
                text,
                _built_in(lang_intents.intents),
                slot_lists=names,
                intent_context=context,
                language=language,
                best_slot_name="name",
            )
        )
        if result is not None:
            break
    if result is not None and routine and any(e.is_wildcard for e in result.entities_list):
        return None  # "play {anything}" heard in "mets le yoga en pause": the routine's.
    if result is None or result.unmatched_entities:
        return (
            await _async_unknown_names(agent, lang_intents, intent_obj, slot_lists, context)
            if unknown_names
            else None
        )
    slots: dict[str, Any] = {
        entity.name: {"value": entity.value, "text": entity.text or entity.value}
        for entity in result.entities_list
    }
    if area is not None:
        slots["preferred_area_id"] = {"value": area.id}
    response = await async_handle_as(intent_obj, result.intent.name, slots)
    response_template = lang_intents.intent_responses.get(result.intent.name, {}).get(
        result.response or ""
    )
    if not response.speech and response.intent is not None and response_template:
        speech_slots = {
            name: entity.text or entity.value for name, entity in result.entities.items()
        }
        response.async_set_speech(
            _speech(hass, template.Template(response_template, hass), response, speech_slots)
        )
    return response


def _unexposed_names(agent: Any, text: str) -> Any:
    """Return Assist's list of the names it doesn't expose (2026.3 narrows it by the text)."""
    names = agent._get_unexposed_entity_names  # noqa: SLF001 - Assist's own list
    return names(text) if signature(names).parameters else names()


async def async_no_intent(intent_obj: intent.Intent) -> intent.IntentResponse | None:
    """Return Home Assistant's own "Sorry, I couldn't understand that", as without Back Relief."""
    agent: Any = async_get_agent(intent_obj.hass)
    if agent is None or not hasattr(agent, "async_get_or_load_intents"):
        return None
    lang_intents = await agent.async_get_or_load_intents(intent_obj.language)
    if lang_intents is None:
        return None
    response = intent_obj.create_response()
    response.async_set_error(
        intent.IntentResponseErrorCode.NO_INTENT_MATCH,
        agent._get_error_text(ErrorKey.NO_INTENT, lang_intents),  # noqa: SLF001
    )
    return response


async def _async_unknown_names(
    agent: Any,
    lang_intents: Any,
    intent_obj: intent.Intent,
    slot_lists: Any,
    context: dict[str, Any] | None,
) -> intent.IntentResponse | None:
    """Return Home Assistant's own answer when its sentences name what the house lacks.

    As Assist: its fallback reading of the sentence first (2026.10's gazetteer),
    then its "no device called...".
    """
    result = await intent_obj.hass.async_add_executor_job(
        agent._recognize_unknown_names,  # noqa: SLF001 - Assist's own choice of error
        SimpleNamespace(intents=_built_in(lang_intents.intents)),
        SimpleNamespace(text=intent_obj.text_input or ""),
        slot_lists,
        context,
    )
    if (fallback := await _async_fallback(agent, result, intent_obj)) is not None:
        return fallback
    if result is None or not result.unmatched_entities:
        return None
    error_key, error_args = default_agent._get_unmatched_response(result)  # noqa: SLF001
    response = intent_obj.create_response()
    response.async_set_error(
        intent.IntentResponseErrorCode.NO_VALID_TARGETS,
        agent._get_error_text(error_key, lang_intents, **error_args),  # noqa: SLF001
    )
    return response


async def _async_fallback(
    agent: Any, result: Any, intent_obj: intent.Intent
) -> intent.IntentResponse | None:
    """Return the answer of Assist's own fallback reading, where it has one (2026.10)."""
    fallback = getattr(agent, "_async_gazetteer_fallback", None)
    if fallback is None:
        return None
    said = ConversationInput(
        text=intent_obj.text_input or "",
        context=intent_obj.context,
        conversation_id=None,
        device_id=intent_obj.device_id,
        satellite_id=intent_obj.satellite_id,
        language=intent_obj.language,
        agent_id=HOME_ASSISTANT_AGENT,
    )
    hass = intent_obj.hass
    with (
        async_get_chat_session(hass, None) as session,
        async_get_chat_log(hass, session, said) as chat_log,
    ):
        answer: intent.IntentResponse | None = await fallback(result, said, chat_log)
    return answer


def _speech(
    hass: HomeAssistant,
    response_template: template.Template,
    response: intent.IntentResponse,
    speech_slots: dict[str, Any],
) -> str:
    """Word an answer with Home Assistant's response, as its own agent does."""
    states: list[State] = [*response.matched_states, *response.unmatched_states]
    speech = response_template.async_render(
        {
            "slots": speech_slots | response.speech_slots,
            "state": template.TemplateState(hass, states[0]) if states else None,
            "query": {
                "matched": [template.TemplateState(hass, s) for s in response.matched_states],
                "unmatched": [template.TemplateState(hass, s) for s in response.unmatched_states],
            },
        }
    )
    return " ".join(str(speech).strip().split())
