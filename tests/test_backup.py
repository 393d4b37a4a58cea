"""Tests for the backup platform: a backup holds every minute, the newest included."""

from __future__ import annotations

from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.backup import DOMAIN as BACKUP_DOMAIN
from homeassistant.components.backup.const import DATA_MANAGER
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.back_relief.const import DOMAIN

from .conftest import STORAGE_KEY, call, move_to, written_days


async def test_pending_saves_are_written_before_a_backup(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    frozen_time: FrozenDateTimeFactory,
    hass_storage: dict[str, Any],
) -> None:
    """Home Assistant's backup manager finds the platform; the newest minutes are on disk."""
    assert await async_setup_component(hass, BACKUP_DOMAIN, {})
    await hass.async_block_till_done()
    manager = hass.data[DATA_MANAGER]
    assert DOMAIN in manager.platforms

    # Yesterday's last minutes close at midnight; today's first are logged: both still pending.
    await move_to(hass, frozen_time, "2026-11-25T23:59:58+01:00")
    await call(hass, "log_activity", activity="exercise", minutes=25)
    await move_to(hass, frozen_time, "2026-11-26T00:00:02+01:00")
    await call(hass, "log_activity", activity="rest", minutes=15)
    assert STORAGE_KEY not in hass_storage
    assert f"{STORAGE_KEY}.2026" not in hass_storage

    await manager.async_pre_backup_actions()

    days = written_days(hass_storage)
    assert days["2026-11-25"]["minutes"] == {"exercise": 25}
    assert days["2026-11-26"]["minutes"] == {"rest": 15}
    assert hass_storage[f"{STORAGE_KEY}.2026"]["data"]["days"]["2026-11-25"] == "[25]"
    await manager.async_post_backup_actions()


async def test_a_backup_without_anyone_loaded_is_made(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory
) -> None:
    """With no person set up, the platform has nothing to write and stops nothing."""
    assert await async_setup_component(hass, DOMAIN, {})
    assert await async_setup_component(hass, BACKUP_DOMAIN, {})
    await hass.async_block_till_done()
    manager = hass.data[DATA_MANAGER]
    await manager.async_pre_backup_actions()
    await manager.async_post_backup_actions()
