"""Serve the dashboard card and load it on every dashboard, with no resource to add."""

from __future__ import annotations

import hashlib
from pathlib import Path

from homeassistant.components.frontend import add_extra_js_url
from homeassistant.components.http import StaticPathConfig
from homeassistant.core import HomeAssistant

from .const import DOMAIN, LOGGER

CARD_FILE = Path(__file__).parent / "frontend" / "back-relief-card.js"
CARD_URL = f"/{DOMAIN}/back-relief-card.js"


def _file_version(path: Path) -> str:
    """Return a short hash of the file, so that a new card reaches cached browsers."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


async def async_register_card(hass: HomeAssistant) -> None:
    """Serve the card's module and add it to the frontend as an extra module.

    Without a frontend (a headless instance, or a test) there is nothing to do.
    """
    if hass.http is None or "frontend" not in hass.config.components:
        LOGGER.debug("No frontend is loaded: the dashboard card is not registered")
        return
    version = await hass.async_add_executor_job(_file_version, CARD_FILE)
    # The version in the URL changes with the file, so it can be cached for long.
    await hass.http.async_register_static_paths(
        [StaticPathConfig(CARD_URL, str(CARD_FILE), cache_headers=True)]
    )
    add_extra_js_url(hass, f"{CARD_URL}?v={version}")
