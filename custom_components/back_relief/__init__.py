"""Back Relief: a daily back-care routine that the house helps with."""

from __future__ import annotations

from homeassistant.const import Platform
from homeassistant.core import HomeAssistant
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers.typing import ConfigType

from .blueprints import async_install_blueprints
from .card import async_register_card
from .config_flow import entry_unique_id
from .const import DOMAIN, LOGGER
from .coordinator import BackReliefCoordinator
from .data import BackReliefConfigEntry, BackReliefRuntimeData
from .house.announcements import Announcer
from .house.notification_actions import async_listen_to_phones
from .house.rest_lights import RestLights
from .house.signs import HouseSigns
from .look_back.long_term_statistics import StatisticsWriter, async_clear_statistics
from .look_back.report_view import async_register_report
from .services import async_setup_services
from .storage import async_remove_routine
from .voice.custom_sentences import async_sync_sentences

PLATFORMS: list[Platform] = [
    Platform.BINARY_SENSOR,
    Platform.BUTTON,
    Platform.CALENDAR,
    Platform.EVENT,
    Platform.NUMBER,
    Platform.SELECT,
    Platform.SENSOR,
    Platform.SWITCH,
    Platform.TODO,
]

CONFIG_SCHEMA = cv.config_entry_only_config_schema(DOMAIN)


async def async_setup(hass: HomeAssistant, config: ConfigType) -> bool:
    """Register the actions, the phones' buttons and the report, once; blueprints; the card."""
    async_setup_services(hass)
    async_listen_to_phones(hass)
    await async_install_blueprints(hass)
    await async_register_card(hass)
    async_register_report(hass)
    return True


async def async_migrate_entry(hass: HomeAssistant, entry: BackReliefConfigEntry) -> bool:
    """Bring an entry of an older minor version up to date.

    Home Assistant itself refuses entries of a newer major version.
    """
    if entry.minor_version < 2:  # noqa: PLR2004
        # 1.2 gives each entry its unique id, as new entries get it from the flow.
        unique_id = entry_unique_id(entry.data)
        if hass.config_entries.async_entry_for_domain_unique_id(DOMAIN, unique_id) is None:
            hass.config_entries.async_update_entry(entry, unique_id=unique_id)
        else:
            LOGGER.warning("%s keeps no unique id: another entry has it", entry.title)
        hass.config_entries.async_update_entry(entry, minor_version=2)
    return True


async def async_setup_entry(hass: HomeAssistant, entry: BackReliefConfigEntry) -> bool:
    """Load a person's routine and set up its entities."""
    coordinator = BackReliefCoordinator(hass, entry)
    await coordinator.async_load()
    announcer = Announcer(hass, coordinator)
    rest_lights = RestLights(hass, coordinator, announcer.faults)
    statistics = StatisticsWriter(hass, coordinator)
    entry.runtime_data = BackReliefRuntimeData(coordinator, announcer, rest_lights, statistics)
    await hass.config_entries.async_forward_entry_setups(entry, PLATFORMS)
    # The house follows the routine before its clock starts, so that a session
    # that ended while Home Assistant was down still puts the lights back.
    entry.async_on_unload(announcer.async_start())
    entry.async_on_unload(rest_lights.async_start())
    coordinator.clock.async_start()
    entry.async_on_unload(coordinator.clock.cancel)
    # Signs are read once the clock has finished what came due while Home Assistant was away.
    signs = HouseSigns(hass, coordinator, announcer.delivery)
    entry.async_on_unload(signs.async_start())
    entry.async_on_unload(statistics.async_start())
    entry.async_on_unload(entry.add_update_listener(_async_entry_updated))
    await async_sync_sentences(hass)  # Assist learns the person's name
    return True


async def _async_entry_updated(hass: HomeAssistant, entry: BackReliefConfigEntry) -> None:
    """Apply an update: new options at once, a new name or person by a reload.

    Options never reload, so a running session is not interrupted; a reload
    keeps the session too, and gives the device its new name.
    """
    coordinator = entry.runtime_data.coordinator
    if coordinator.setup_data != entry.data:
        hass.config_entries.async_schedule_reload(entry.entry_id)
    else:
        coordinator.options_updated()


async def async_unload_entry(hass: HomeAssistant, entry: BackReliefConfigEntry) -> bool:
    """Unload a person's entities and write their routine to disk."""
    unloaded = await hass.config_entries.async_unload_platforms(entry, PLATFORMS)
    if unloaded:
        await entry.runtime_data.coordinator.async_unload()
    return unloaded


async def async_remove_entry(hass: HomeAssistant, entry: BackReliefConfigEntry) -> None:
    """Delete a removed person's stored routine and their long-term statistics."""
    await async_remove_routine(hass, entry.entry_id)
    await async_clear_statistics(hass, entry.entry_id)
    await async_sync_sentences(hass)  # forget the name; no sentences after the last person
