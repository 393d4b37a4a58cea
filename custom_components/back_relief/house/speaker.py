"""The house speaks: one message at a time on the person's speakers and satellites.

A speaker, engine or notifier that fails never holds up the routine: it is
logged once and named in a repair issue (see ``house``).
"""

from __future__ import annotations

import asyncio

from homeassistant.components.media_player import MediaPlayerEntityFeature
from homeassistant.const import ATTR_ENTITY_ID, ATTR_SUPPORTED_FEATURES
from homeassistant.core import HomeAssistant, callback
from homeassistant.exceptions import HomeAssistantError, ServiceNotSupported
from homeassistant.helpers import entity_registry as er

from ..coordinator import BackReliefCoordinator
from ..language.phrases import phrase
from .faults import DeviceFaults

PLAYER = "media_player."
SATELLITE = "assist_satellite."
PLAY_MEDIA = MediaPlayerEntityFeature.PLAY_MEDIA
# AssistSatelliteEntityFeature.ANNOUNCE; importing assist_satellite would load
# the whole voice pipeline and its requirements.
ANNOUNCE = 1


def _reason(err: HomeAssistantError) -> str:
    """Return a device's own words for what went wrong."""
    return str(err) or type(err).__name__


class Speaker:
    """Says messages on the person's speakers, one at a time, in the background."""

    def __init__(self, hass: HomeAssistant, coordinator: BackReliefCoordinator) -> None:
        """Bind to one person's speakers."""
        self.hass = hass
        self.coordinator = coordinator
        self.faults = DeviceFaults(hass, coordinator.entry.entry_id, coordinator.name)
        self._speaking = asyncio.Lock()
        # Engines that have spoken since the person was loaded: when one of
        # them fails on a player later, the player is what failed.
        self._engines_heard: set[str] = set()

    @property
    def turn(self) -> asyncio.Lock:
        """Return the lock held while a speaker or satellite speaks: one message at a time."""
        return self._speaking

    @callback
    def speak(self, message: str) -> None:
        """Say a message on every speaker, in the background."""
        speakers = list(self.coordinator.reader.settings.speakers)
        if speakers:
            self.coordinator.run_in_background(self._async_speak(speakers, message), "announce")

    async def _async_speak(self, speakers: list[str], message: str) -> None:
        # One message at a time: a satellite refuses a second announcement
        # while it speaks, and a player would cut the first one off.
        async with self._speaking:
            await self._async_speak_now(speakers, message)

    async def _async_speak_now(self, speakers: list[str], message: str) -> None:
        usable = [entity_id for entity_id in speakers if self._can_speak(entity_id)]
        for satellite in (entity_id for entity_id in usable if entity_id.startswith(SATELLITE)):
            try:
                await self.hass.services.async_call(
                    "assist_satellite",
                    "announce",
                    {ATTR_ENTITY_ID: satellite, "message": message},
                    blocking=True,
                )
            except HomeAssistantError as err:
                self.faults.report("speaker", satellite, _reason(err))
            else:
                self.faults.fixed("speaker", satellite)
        if players := [entity_id for entity_id in usable if entity_id.startswith(PLAYER)]:
            await self._async_speak_on_players(players, message)

    def _can_speak(self, entity_id: str) -> bool:
        """Return whether a speaker is there and can announce; name it in a repair if not."""
        if not self.faults.usable("speaker", entity_id):
            return False
        state = self.hass.states.get(entity_id)
        features = state.attributes.get(ATTR_SUPPORTED_FEATURES) if state else None
        needed = ANNOUNCE if entity_id.startswith(SATELLITE) else PLAY_MEDIA
        if features is not None and not int(features) & needed:
            self.faults.report("speaker", entity_id, phrase(self.hass, "faults", "cannot_play"))
            return False
        return True

    async def _async_speak_on_players(self, players: list[str], message: str) -> None:
        """Speak on each player; tell a failing player from a failing engine.

        Each player is spoken to on its own, so that one player's failure
        names that player. The engine is blamed only when it has not spoken
        on any player yet, and no player worked this time either.
        """
        engine = self.coordinator.reader.settings.tts_entity or self._default_engine()
        if engine is None:
            self.faults.report("tts_failed", "tts", phrase(self.hass, "faults", "no_engine"))
            return
        results = await asyncio.gather(
            *(self._async_say(engine, player, message) for player in players),
            return_exceptions=True,
        )
        failures: dict[str, HomeAssistantError] = {}
        for player, result in zip(players, results, strict=True):
            if isinstance(result, HomeAssistantError):
                failures[player] = result
            elif isinstance(result, BaseException):
                raise result
        if len(failures) < len(players):
            self._engines_heard.add(engine)
            self.faults.fixed("tts_failed", engine)
        for player in players:
            if (err := failures.get(player)) is None:
                self.faults.fixed("speaker", player)
            elif engine in self._engines_heard or isinstance(err, ServiceNotSupported):
                self.faults.report("speaker", player, _reason(err))
            else:
                self.faults.report("tts_failed", engine, _reason(err))

    async def _async_say(self, engine: str, player: str, message: str) -> None:
        if engine.startswith("tts."):
            await self.hass.services.async_call(
                "tts",
                "speak",
                {"media_player_entity_id": [player], "message": message, "cache": True},
                target={ATTR_ENTITY_ID: engine},
                blocking=True,
            )
        else:
            # An engine of the older kind, without an entity: its say action.
            await self.hass.services.async_call(
                "tts",
                f"{engine}_say",
                {ATTR_ENTITY_ID: [player], "message": message, "cache": True},
                blocking=True,
            )

    def _default_engine(self) -> str | None:
        """Return the system's default engine, as Home Assistant's tts picks it.

        The first text-to-speech entity, Home Assistant Cloud's when there is
        one; else an engine of the older kind, by the name of its say action.
        """
        registry = er.async_get(self.hass)
        engines = self.hass.states.async_entity_ids("tts")
        for engine in engines:
            if (entry := registry.async_get(engine)) is not None and entry.platform == "cloud":
                return engine
        if engines:
            return engines[0]
        for service in self.hass.services.async_services_for_domain("tts"):
            if service.endswith("_say"):
                return service.removesuffix("_say")
        return None
