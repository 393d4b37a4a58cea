"""Home Assistant's backup platform: every minute in the backup.

A person's routine is saved a few seconds after it changes, so a backup taken
in between would miss the newest minutes. Before Home Assistant makes a
backup, each person's pending saves are written at once.
"""

from __future__ import annotations

from homeassistant.core import HomeAssistant

from .const import DOMAIN
from .data import BackReliefConfigEntry


async def async_pre_backup(hass: HomeAssistant) -> None:
    """Write what every person's routine still holds in memory."""
    entries: list[BackReliefConfigEntry] = hass.config_entries.async_loaded_entries(DOMAIN)
    for entry in entries:
        await entry.runtime_data.coordinator.async_write_pending()


async def async_post_backup(hass: HomeAssistant) -> None:
    """Carry on: nothing was held back for the backup."""
