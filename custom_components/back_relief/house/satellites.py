"""Asking on the person's voice satellites, and hearing the answer.

Through Home Assistant's own ``assist_satellite.ask_question``: the satellite
says the question and listens; the words it heard are read here, by the
question's own parser. A busy satellite, silence or a failure is an answer
too: it says why nothing was heard. A satellite that fails is named in a
repair issue (see ``house``).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from homeassistant.const import ATTR_ENTITY_ID, ATTR_SUPPORTED_FEATURES
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError

from ..const import ANSWER_TIMEOUT, ASK_ATTEMPTS, LOGGER
from ..coordinator import BackReliefCoordinator
from .speaker import Speaker

SATELLITE = "assist_satellite"
# AssistSatelliteEntityFeature.START_CONVERSATION: the satellite can ask and listen.
CAN_ASK = 2


@dataclass(frozen=True, slots=True)
class Heard:
    """What came of asking on the satellites: an answer, and where; or why not."""

    answer: Any = None
    satellite: str | None = None
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class Question:
    """The words of one question and how its answer is read."""

    first: str
    again: str
    parse: Callable[[str], Any]


class SatelliteAsker:
    """Asks one person's satellites a question, a second time when the answer isn't usable."""

    def __init__(
        self, hass: HomeAssistant, coordinator: BackReliefCoordinator, speaker: Speaker
    ) -> None:
        """Bind to one person's satellites, and the speaker they share."""
        self.hass = hass
        self.coordinator = coordinator
        self.speaker = speaker
        self._asking = asyncio.Lock()

    def satellites(self) -> list[str]:
        """Return the person's satellites that can ask and listen; report the unusable."""
        found = []
        for entity_id in self.coordinator.reader.settings.speakers:
            if not entity_id.startswith(f"{SATELLITE}.") or not self.speaker.faults.usable(
                "speaker", entity_id
            ):
                continue
            state = self.hass.states.get(entity_id)
            if (
                state is not None
                and int(state.attributes.get(ATTR_SUPPORTED_FEATURES, 0)) & CAN_ASK
            ):
                found.append(entity_id)
        return found

    async def async_ask(self, question: Question) -> Heard:
        """Ask on the satellites, a second time when the first answer isn't usable."""
        satellites = self.satellites()
        if not satellites:
            return Heard(reason="no_satellite")
        if self._asking.locked():
            return Heard(reason="busy")
        reason = "no_answer"
        async with self._asking:
            for attempt in range(ASK_ATTEMPTS):
                satellite = satellites[attempt % len(satellites)]
                words = question.first if attempt == 0 else question.again
                text, reason = await self._async_ask_once(satellite, words)
                if text is not None and (answer := question.parse(text)) is not None:
                    return Heard(answer=answer, satellite=satellite)
                if text is not None:
                    reason = "not_understood"
        return Heard(reason=reason)

    async def _async_ask_once(self, satellite: str, words: str) -> tuple[str | None, str]:
        """Ask once; return what was heard, or None and why nothing was."""
        # After the speaker's last words, which the satellite would not interrupt.
        async with self.speaker.turn:
            try:
                async with asyncio.timeout(ANSWER_TIMEOUT.total_seconds()):
                    response = await self.hass.services.async_call(
                        SATELLITE,
                        "ask_question",
                        {ATTR_ENTITY_ID: satellite, "question": words},
                        blocking=True,
                        return_response=True,
                    )
            except TimeoutError:
                return None, "no_answer"
            except HomeAssistantError as err:
                if type(err).__name__ == "SatelliteBusyError":
                    return None, "busy"
                # Home Assistant says "No answer ..." when the satellite heard nothing.
                if str(err).startswith("No answer"):
                    return None, "no_answer"
                self.speaker.faults.report("speaker", satellite, str(err) or type(err).__name__)
                return None, "failed"
        self.speaker.faults.fixed("speaker", satellite)
        sentence = (response or {}).get("sentence")
        LOGGER.debug("%s heard %r for %s", satellite, sentence, self.coordinator.name)
        return (str(sentence), "no_answer") if sentence else (None, "no_answer")

    async def async_thank(self, heard: Heard, words: str) -> None:
        """Say thank you on the satellite that heard the answer; a failure only logs."""
        async with self.speaker.turn:
            try:
                await self.hass.services.async_call(
                    SATELLITE,
                    "announce",
                    {ATTR_ENTITY_ID: heard.satellite, "message": words, "preannounce": False},
                    blocking=True,
                )
            except HomeAssistantError as err:
                LOGGER.debug("No thanks said on %s: %s", heard.satellite, err)
