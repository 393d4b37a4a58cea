"""Back Relief's intents as tools for LLM conversation agents (Home Assistant 2026.10+).

Home Assistant 2026.3 (the oldest supported) offers every registered intent to LLM agents;
from 2026.10 each integration lists its own tools here, named ``back_relief__*``.
"""

from __future__ import annotations

from homeassistant.components.llm import LLMTools
from homeassistant.const import CONF_NAME
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import intent
from homeassistant.helpers.llm import LLM_API_ASSIST, IntentTool, LLMContext, Tool, ToolAnnotations

from ..const import DOMAIN
from .intent import BackReliefIntentHandler

PROMPT = (
    "Back Relief keeps the daily back-care routine (exercise, stretching, inversion "
    "table, rest, pain) of: {names}. Use its tools for sessions, streaks and logging; "
    "say whose routine with the person parameter when more than one person is listed."
)


@callback
def async_get_tools(hass: HomeAssistant, llm_context: LLMContext, api_id: str) -> LLMTools | None:
    """Return a tool for each of Back Relief's intents, when someone is set up."""
    entries = hass.config_entries.async_loaded_entries(DOMAIN)
    if api_id != LLM_API_ASSIST or not entries:
        return None
    tools: list[Tool] = [
        IntentTool(
            f"{DOMAIN}__{handler.tool_name}",
            handler,
            title=handler.title,
            integration=DOMAIN,
            annotations=ToolAnnotations(
                read_only=handler.read_only,
                destructive=handler.destructive,
                open_world=False,
            ),
        )
        for handler in intent.async_get(hass)
        if isinstance(handler, BackReliefIntentHandler)
    ]
    names = ", ".join(sorted(str(entry.data[CONF_NAME]) for entry in entries))
    return LLMTools(tools=tools, prompt=PROMPT.format(names=names))
