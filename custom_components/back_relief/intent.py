"""Home Assistant's intent platform: registers Back Relief's voice requests (see `voice/`)."""

from __future__ import annotations

from homeassistant.core import HomeAssistant
from homeassistant.helpers import intent

from .voice.follow_up import WhoseHandler
from .voice.intent import HANDLERS
from .voice.intent_corrections import CORRECTION_HANDLERS
from .voice.intent_day import DAY_HANDLERS
from .voice.understood import UnderstandHandler


async def async_setup_intents(hass: HomeAssistant) -> None:
    """Register Back Relief's intents; the intent integration calls this."""
    for handler in (*HANDLERS, *DAY_HANDLERS, *CORRECTION_HANDLERS):
        intent.async_register(hass, handler())
    intent.async_register(hass, WhoseHandler())
    intent.async_register(hass, UnderstandHandler())
