"""Offers Back Relief's automation blueprints in the user's blueprint folder."""

from __future__ import annotations

from pathlib import Path
import shutil

from homeassistant.core import HomeAssistant

from .const import DOMAIN, LOGGER

SHIPPED = Path(__file__).parent / "blueprints"


def _install(config_dir: Path) -> list[str]:
    """Copy each shipped blueprint that the user doesn't have; never overwrite."""
    installed = []
    for source in sorted(SHIPPED.glob("*/*.yaml")):
        target = config_dir / "blueprints" / source.parent.name / DOMAIN / source.name
        if target.exists():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        installed.append(str(target))
    return installed


async def async_install_blueprints(hass: HomeAssistant) -> None:
    """Install the blueprints that are absent, in the executor."""
    try:
        installed = await hass.async_add_executor_job(_install, Path(hass.config.config_dir))
    except OSError as err:
        LOGGER.warning("Could not offer the Back Relief blueprints: %s", err)
        return
    for path in installed:
        LOGGER.info("Offered the blueprint %s", path)
