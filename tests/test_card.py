"""The dashboard card: how the integration serves it, its logic tests, its committed build.

The card itself is tested in a real browser in test_card_browser.py.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
import shutil
import subprocess
from unittest.mock import AsyncMock, Mock, patch

from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.back_relief.card import CARD_FILE, CARD_URL, async_register_card

FRONTEND = Path(__file__).parent.parent / "frontend"


def _npm(*args: str) -> subprocess.CompletedProcess[str]:
    """Run npm in frontend/; its packages come from scripts/setup (npm ci)."""
    npm = shutil.which("npm")
    assert npm, "npm is not installed; the card needs Node.js 20 or newer"
    assert (FRONTEND / "node_modules").is_dir(), (
        "frontend/node_modules is missing: run scripts/setup"
    )
    return subprocess.run(  # noqa: S603  # a fixed command in our own folder
        [npm, *args],
        cwd=FRONTEND,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


async def test_card_is_served_and_loaded_with_its_version(hass: HomeAssistant) -> None:
    """With a frontend, the card is served and added as an extra module with its hash."""
    http = Mock(async_register_static_paths=AsyncMock())
    hass.config.components.add("frontend")
    with (
        patch.object(hass, "http", http),
        patch("custom_components.back_relief.card.add_extra_js_url") as add_extra_js_url,
    ):
        await async_register_card(hass)

    (configs,) = http.async_register_static_paths.call_args.args
    assert [(config.url_path, config.path, config.cache_headers) for config in configs] == [
        (CARD_URL, str(CARD_FILE), True)
    ]
    version = hashlib.sha256(CARD_FILE.read_bytes()).hexdigest()[:12]
    add_extra_js_url.assert_called_once_with(hass, f"/back_relief/back-relief-card.js?v={version}")


async def test_card_is_not_registered_without_a_frontend(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """A Home Assistant without a frontend sets up without the card."""
    assert "frontend" not in hass.config.components
    with patch("custom_components.back_relief.card.add_extra_js_url") as add_extra_js_url:
        await async_register_card(hass)
    add_extra_js_url.assert_not_called()


@pytest.mark.heavy
def test_card_logic() -> None:
    """The card's own unit tests (countdown, progress, buttons) pass, types included."""
    result = _npm("test")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.heavy
def test_committed_card_is_fresh() -> None:
    """The committed bundle is what the sources build to, so HACS users need no build."""
    result = _npm("run", "--silent", "check-build")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("needle", ["back-relief-card", "back-relief-card-editor", "customCards"])
def test_committed_card_defines_the_elements(needle: str) -> None:
    """The bundle defines the card, its editor, and offers itself to the card picker."""
    assert needle in CARD_FILE.read_text(encoding="utf-8")
