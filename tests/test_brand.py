"""Tests for the brand icon that Home Assistant serves from the integration's folder."""

from __future__ import annotations

import json
from pathlib import Path

from awesomeversion import AwesomeVersion
from homeassistant.const import __version__ as ha_version
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

from custom_components.back_relief.const import DOMAIN

ROOT = Path(__file__).parent.parent
BRAND = ROOT / "custom_components" / DOMAIN / "brand"


@pytest.mark.parametrize("image", ["icon.png", "icon@2x.png", "logo.png", "logo@2x.png"])
async def test_home_assistant_serves_the_brand_images(
    hass: HomeAssistant, hass_client: ClientSessionGenerator, image: str
) -> None:
    """Home Assistant's brands API serves each image from brand/, with no CDN asked."""
    assert await async_setup_component(hass, "brands", {})
    client = await hass_client()

    response = await client.get(f"/api/brands/integration/{DOMAIN}/{image}")

    assert response.status == 200
    assert await response.read() == (BRAND / image).read_bytes()


def test_hacs_requires_a_home_assistant_that_serves_them() -> None:
    """hacs.json declares no version older than the one these tests run on at the oldest."""
    declared = json.loads((ROOT / "hacs.json").read_text())["homeassistant"]
    assert AwesomeVersion(declared) >= AwesomeVersion("2026.3.0")
    assert AwesomeVersion(ha_version) >= AwesomeVersion(declared)
