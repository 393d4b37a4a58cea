"""Fixtures for Back Relief's tests: a real Home Assistant with real entries."""

from __future__ import annotations

from collections.abc import Generator
from pathlib import Path
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import CONF_NAME, MAJOR_VERSION, MINOR_VERSION
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.syrupy import HomeAssistantSnapshotExtension
from syrupy.assertion import SnapshotAssertion

from custom_components.back_relief.const import CONF_PERSON, DOMAIN

# Entity-table snapshots are written by the newest Home Assistant; older ones
# store registry entries a little differently, and check by plain asserts.
SNAPSHOTS_MATCH = (MAJOR_VERSION, MINOR_VERSION) >= (2026, 10)

TIME_ZONE = "Europe/Berlin"
# A Wednesday morning, local time, well away from midnight and DST changes.
START_TIME = "2026-11-25T09:00:00+01:00"


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations(enable_custom_integrations: None) -> None:
    """Let Home Assistant load the integration from custom_components."""


@pytest.fixture
def snapshot(snapshot: SnapshotAssertion) -> SnapshotAssertion:
    """Return Home Assistant's snapshot flavour: stable ids, files in snapshots/."""
    return snapshot.use_extension(HomeAssistantSnapshotExtension)


@pytest.fixture(autouse=True)
def config_dir(hass: HomeAssistant, tmp_path: Path) -> Path:
    """Give each test a configuration folder of its own, for the files we write."""
    hass.config.config_dir = str(tmp_path)
    return tmp_path


@pytest.fixture(autouse=True)
def entity_registry_enabled_by_default() -> Generator[None]:
    """Create every entity enabled, disabled-by-default ones included."""
    from unittest.mock import patch  # noqa: PLC0415

    with patch(
        "homeassistant.helpers.entity.Entity.entity_registry_enabled_default",
        return_value=True,
    ):
        yield


@pytest.fixture
async def frozen_time(hass: HomeAssistant, freezer: FrozenDateTimeFactory) -> FrozenDateTimeFactory:
    """Freeze time at a known local morning in Berlin."""
    await hass.config.async_set_time_zone(TIME_ZONE)
    freezer.move_to(START_TIME)
    return freezer


def make_entry(name: str = "Alex", person: str | None = None, **options: Any) -> MockConfigEntry:
    """Return a config entry for one person, with an entry id that snapshots can rely on."""
    data: dict[str, Any] = {CONF_NAME: name}
    if person:
        data[CONF_PERSON] = person
    return MockConfigEntry(
        domain=DOMAIN,
        title=name,
        data=data,
        options=options,
        entry_id=f"entry_{name.casefold()}",
    )


@pytest.fixture
def config_entry() -> MockConfigEntry:
    """Return Alex's config entry."""
    return make_entry()


@pytest.fixture
async def setup_entry(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory, config_entry: MockConfigEntry
) -> MockConfigEntry:
    """Set up Alex's routine and return the entry."""
    config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(config_entry.entry_id)
    await hass.async_block_till_done()
    return config_entry


def entity_id(hass: HomeAssistant, entry: MockConfigEntry, platform: str, key: str) -> str:
    """Return the entity id of one of an entry's entities, by its key."""
    found = er.async_get(hass).async_get_entity_id(platform, DOMAIN, f"{entry.entry_id}_{key}")
    assert found is not None, f"no {platform} entity with key {key}"
    return found
