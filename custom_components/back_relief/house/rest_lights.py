"""Calm lights: a rest session dims the rest lights and puts them back after.

Only lights that are on are dimmed; a light that is off stays off. When the
rest ends, is stopped or cancelled, each light is put back exactly as it was
(on or off, brightness, colour). A light the person changed by hand during the
rest is left as they set it: their hand wins over the snapshot. The snapshot
is stored with the routine, so it survives a restart in the middle of a rest.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any

from homeassistant.const import ATTR_ENTITY_ID, STATE_ON
from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers.start import async_at_started

from ..coordinator import BackReliefCoordinator
from ..routine.day import Activity
from ..routine.events import Cancelled, Finished, SessionEvent, Started, Undone
from .faults import DeviceFaults

TRANSITION_SECONDS = 2
# Brightness differences up to this (of 255) are rounding, not a hand on the switch.
BRIGHTNESS_TOLERANCE = 3
COLOR_ATTRIBUTES = {
    "hs": "hs_color",
    "xy": "xy_color",
    "rgb": "rgb_color",
    "rgbw": "rgbw_color",
    "rgbww": "rgbww_color",
    "color_temp": "color_temp_kelvin",
}


class RestLights:
    """Dims and restores one person's rest lights."""

    def __init__(
        self, hass: HomeAssistant, coordinator: BackReliefCoordinator, faults: DeviceFaults
    ) -> None:
        """Bind to one person's routine."""
        self.hass = hass
        self.coordinator = coordinator
        self.faults = faults
        # Dimming and restoring never overlap: a rest right after another
        # must not take dimmed lights for how they were.
        self._lock = asyncio.Lock()

    @callback
    def async_start(self) -> CALLBACK_TYPE:
        """Follow the routine; put lights back if a rest ended while we were away.

        Lights come from other integrations, which may load after this one:
        lights are put back once Home Assistant has started.
        """
        session = self.coordinator.reader.session
        removers = [self.coordinator.async_add_event_listener(self._handle_event)]
        if self.coordinator.reader.rest_snapshot and (
            session is None or session.activity is not Activity.REST
        ):
            removers.append(async_at_started(self.hass, self._async_restore_at_start))

        @callback
        def stop() -> None:
            for remove in removers:
                remove()

        return stop

    async def _async_restore_at_start(self, hass: HomeAssistant) -> None:
        await self._async_restore()

    def _background(self, coro: Coroutine[Any, Any, None]) -> None:
        self.coordinator.run_in_background(coro, "rest lights")

    @callback
    def _handle_event(self, event: SessionEvent) -> None:
        # A rest stopped by mistake and undone dims the lights again.
        if isinstance(event, Started | Undone) and event.activity is Activity.REST:
            self._background(self._async_dim())
        elif isinstance(event, Finished | Cancelled) and event.activity is Activity.REST:
            self._background(self._async_restore_when_started())
        elif (
            isinstance(event, Finished)
            and event.activity is Activity.INVERSION
            and self.coordinator.reader.settings.flash_on_inversion_end
        ):
            self._background(self._async_flash())

    def _usable_lights(self) -> list[str]:
        lights = self.coordinator.reader.settings.rest_lights
        return [light for light in lights if self.faults.usable("light_unavailable", light)]

    async def _async_restore_when_started(self) -> None:
        if self.hass.is_running:
            await self._async_restore()
        else:
            async_at_started(self.hass, self._async_restore_at_start)

    async def _async_dim(self) -> None:
        async with self._lock:
            await self._async_dim_now()

    async def _async_dim_now(self) -> None:
        brightness_pct = self.coordinator.reader.settings.rest_brightness
        target = round(brightness_pct * 255 / 100)
        snapshot: dict[str, dict[str, Any]] = {}
        for light in self._usable_lights():
            state = self.hass.states.get(light)
            if state is None or state.state != STATE_ON:
                continue
            color_mode = state.attributes.get("color_mode")
            color_attribute = COLOR_ATTRIBUTES.get(str(color_mode))
            snapshot[light] = {
                "brightness": state.attributes.get("brightness"),
                "color_attribute": color_attribute,
                "color": state.attributes.get(color_attribute) if color_attribute else None,
                "dimmed_to": target,
            }
        if not snapshot:
            return
        # A light still waiting to be put back from an earlier rest keeps how it was then.
        self.coordinator.commands.set_rest_snapshot(
            {**snapshot, **(self.coordinator.reader.rest_snapshot or {})}
        )
        await self._async_call(
            "turn_on",
            list(snapshot),
            {"brightness_pct": brightness_pct, "transition": TRANSITION_SECONDS},
        )

    async def _async_restore(self) -> None:
        async with self._lock:
            await self._async_restore_now()

    async def _async_restore_now(self) -> None:
        snapshot = self.coordinator.reader.rest_snapshot or {}
        # A light that can't be reached now stays in the snapshot for the next try.
        waiting = {
            light: before
            for light, before in snapshot.items()
            if not self.faults.usable("light_unavailable", light)
        }
        self.coordinator.commands.set_rest_snapshot(waiting or None)
        for light, before in snapshot.items():
            state = self.hass.states.get(light)
            if light in waiting or state is None:
                continue
            brightness = state.attributes.get("brightness")
            if state.state != STATE_ON or (
                brightness is not None
                and abs(int(brightness) - int(before["dimmed_to"])) > BRIGHTNESS_TOLERANCE
            ):
                continue  # changed by hand during the rest: leave it as it is
            data: dict[str, Any] = {"transition": TRANSITION_SECONDS}
            if before["brightness"] is not None:
                data["brightness"] = before["brightness"]
            if before["color_attribute"] and before["color"] is not None:
                data[before["color_attribute"]] = before["color"]
            await self._async_call("turn_on", [light], data)

    async def _async_flash(self) -> None:
        lights = self._usable_lights()
        if lights:
            await self._async_call("turn_on", lights, {"flash": "short"})

    async def _async_call(self, service: str, lights: list[str], data: dict[str, Any]) -> None:
        try:
            await self.hass.services.async_call(
                "light", service, {ATTR_ENTITY_ID: lights, **data}, blocking=True
            )
        except HomeAssistantError as err:
            for light in lights:
                self.faults.report("light_unavailable", light, str(err) or type(err).__name__)
        else:
            for light in lights:
                self.faults.fixed("light_unavailable", light)
