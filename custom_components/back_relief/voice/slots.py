"""The slots of a voice request: what was said, as a sentence or an LLM filled it in."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from homeassistant.helpers import config_validation as cv
import voluptuous as vol

from ..routine.day import Activity

SLOT_ACTIVITY = "activity"
SLOT_MINUTES = "minutes"
SLOT_PERSON = "person"
SLOT_KIND = "kind"
SLOT_LEVEL = "level"
SLOT_STATE = "state"
SLOT_ITEM = "item"
# Set by the sentences that say what was done with a verb ("I rested"), not a kind.
SLOT_SAID_WITH = "said_with"

ACTIVITY = vol.In([str(activity) for activity in Activity])
PERSON = {
    vol.Optional(
        SLOT_PERSON, description="Whose routine; needed only when several people are set up"
    ): cv.string
}


@dataclass(frozen=True, slots=True)
class Slots:
    """The slots of one request, as filled by a sentence or an LLM."""

    slots: dict[str, Any]

    def value(self, name: str) -> Any:
        """Return a slot's value, or None."""
        return self.slots.get(name, {}).get("value")

    def text(self, name: str) -> str | None:
        """Return the words that filled a slot, or None."""
        text = self.slots.get(name, {}).get("text")
        return str(text) if text else None

    def activity(self) -> Activity | None:
        """Return the activity asked for, if any."""
        value = self.value(SLOT_ACTIVITY)
        return Activity(value) if value else None

    def number(self, name: str) -> int | None:
        """Return a whole number; "20", 20.0 and "twenty" all arrive as 20."""
        value = self.value(name)
        return None if value is None else round(float(value))
