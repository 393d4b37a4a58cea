"""Hand a request back to Home Assistant's own intent when no session runs.

Some things people say belong to Home Assistant and to Back Relief alike: "how
much time is left" (a kitchen timer or a session), "pause" (the music or a
session). Assist's built-in agent always prefers a custom sentence, so such a
sentence of Back Relief names, in its ``hand_over`` slot, the built-in intent
it shares words with. While nobody has a session going, the request goes to
that intent's own handler, and Assist words the answer with Home Assistant's
own response (``custom_sentences`` copies it in): as if Back Relief were not
installed.
"""

from __future__ import annotations

from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.helpers import intent

from ..const import DOMAIN

SLOT_HAND_OVER = "hand_over"
# The built-in intent's response Assist words a handed-over answer with.
BUILT_IN_RESPONSE = "default"


def any_session(hass: HomeAssistant) -> bool:
    """Return whether anyone has a session going (running or paused)."""
    return any(
        entry.runtime_data.coordinator.reader.session is not None
        for entry in hass.config_entries.async_loaded_entries(DOMAIN)
    )


async def async_hand_over(intent_obj: intent.Intent) -> intent.IntentResponse | None:
    """Answer with Home Assistant's own intent, or None when Back Relief answers."""
    built_in = intent_obj.slots.get(SLOT_HAND_OVER, {}).get("value")
    hass = intent_obj.hass
    if not built_in or any_session(hass):
        return None
    if not any(handler.intent_type == built_in for handler in intent.async_get(hass)):
        return None  # Nothing to hand over to (e.g. no media players): say there's no session.
    return await async_handle_as(
        intent_obj,
        str(built_in),
        {name: slot for name, slot in intent_obj.slots.items() if name != SLOT_HAND_OVER},
    )


async def async_handle_as(
    intent_obj: intent.Intent, intent_type: str, slots: dict[str, Any]
) -> intent.IntentResponse:
    """Handle a request as another intent, for the same asker and speaker."""
    return await intent.async_handle(
        intent_obj.hass,
        intent_obj.platform,
        intent_type,
        slots,
        intent_obj.text_input,
        intent_obj.context,
        intent_obj.language,
        assistant=intent_obj.assistant,
        device_id=intent_obj.device_id,
        satellite_id=intent_obj.satellite_id,
        conversation_agent_id=intent_obj.conversation_agent_id,
    )
