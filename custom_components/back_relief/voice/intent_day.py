"""The day's own voice requests: more time, a flare-up, the checklist.

"add 5 minutes", "I'm having a flare-up", "I took my vitamin D": each finds
whose routine it is and answers like every other Back Relief request (see
``intent``, which registers these too).
"""

from __future__ import annotations

from typing import Any, ClassVar

from homeassistant.helpers import config_validation as cv
import voluptuous as vol

from ..coordinator import BackReliefCoordinator
from ..routine.source import Source
from .answers import Answers
from .intent import BackReliefIntentHandler, SessionHandler
from .replies import Spoken, check_activity, remaining
from .slots import ACTIVITY, SLOT_ACTIVITY, SLOT_ITEM, SLOT_MINUTES, SLOT_STATE, Slots

INTENT_EXTEND_SESSION = "BackReliefExtendSession"
INTENT_FLARE_UP = "BackReliefFlareUp"
INTENT_CHECKLIST = "BackReliefChecklist"


class ExtendSessionHandler(SessionHandler):
    """More time: "add 5 minutes"."""

    intent_type = INTENT_EXTEND_SESSION
    title = "Extend the session"
    tool_name = "extend_session"
    description = "Adds minutes to the Back Relief session going on now."
    slots: ClassVar[dict[vol.Marker, Any]] = {
        vol.Optional(SLOT_ACTIVITY): ACTIVITY,
        vol.Required(SLOT_MINUTES): vol.Coerce(float),
    }

    def answer(self, coordinator: BackReliefCoordinator, slots: Slots, answers: Answers) -> str:
        """Extend the session and say what is left."""
        check_activity(coordinator, slots, answers)
        minutes = slots.number(SLOT_MINUTES) or 0
        coordinator.commands.extend_session(minutes, source=Source.VOICE)
        assert coordinator.reader.session is not None  # noqa: S101 - extending keeps the session
        return answers.text(
            "extended",
            Activity=answers.activity_title(coordinator.reader.session.activity),
            added=answers.minutes(minutes),
            remaining=remaining(coordinator, answers),
        )


class FlareUpHandler(BackReliefIntentHandler):
    """A flare-up begins or ends: "I'm having a flare-up", "my flare-up is over"."""

    intent_type = INTENT_FLARE_UP
    title = "Flare-up"
    tool_name = "flare_up"
    description = (
        "Turns Back Relief's flare-up on or off; a day with a flare-up neither breaks "
        "nor extends a streak."
    )
    slots: ClassVar[dict[vol.Marker, Any]] = {vol.Required(SLOT_STATE): vol.In(["on", "off"])}

    def answer(self, coordinator: BackReliefCoordinator, slots: Slots, answers: Answers) -> str:
        """Turn flare-up on or off and say what that means for the streaks."""
        on = slots.value(SLOT_STATE) == "on"
        if on != coordinator.reader.flare_up:
            coordinator.commands.set_flare_up(on)
        return answers.text("flare_up.on" if on else "flare_up.off")


class ChecklistHandler(BackReliefIntentHandler):
    """An item of today's checklist done: "I took my vitamin D"."""

    intent_type = INTENT_CHECKLIST
    title = "Check off the checklist"
    tool_name = "check_off"
    description = (
        "Checks off an item of today's Back Relief checklist: vitamin_d, herbal_remedy or sun."
    )
    slots: ClassVar[dict[vol.Marker, Any]] = {vol.Required(SLOT_ITEM): cv.string}

    def answer(self, coordinator: BackReliefCoordinator, slots: Slots, answers: Answers) -> str:
        """Check the item off for today and say so."""
        uid = str(slots.value(SLOT_ITEM))
        item = next((item for item in coordinator.reader.checklist if item.uid == uid), None)
        if item is None:
            raise Spoken(answers.text("checklist.missing", item=answers.checklist_item(uid)))
        if coordinator.reader.checklist_done(uid):
            return answers.text("checklist.already", item=item.summary)
        coordinator.commands.update_checklist_item(uid, None, done=True)
        return answers.text("checklist.checked", item=item.summary)


DAY_HANDLERS: tuple[type[BackReliefIntentHandler], ...] = (
    ExtendSessionHandler,
    FlareUpHandler,
    ChecklistHandler,
)
