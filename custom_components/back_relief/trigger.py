"""Back Relief's own triggers for automations (Home Assistant's trigger platform).

The session triggers listen to the ``back_relief_session`` bus event the routine
already fires; ``goal_met`` and ``pain_logged`` follow each person's routine as
its coordinator tells its entities, and fire on what changed. Each is about the
people its target names (their Back Relief devices), or about every person.
Fields and texts: ``triggers.yaml`` and ``translations/<lang>.json``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, cast, override

from homeassistant.core import CALLBACK_TYPE, Event, HomeAssistant, callback
from homeassistant.helpers import device_registry as dr
from homeassistant.helpers.trigger import Trigger, TriggerActionRunner, TriggerConfig
import voluptuous as vol

from .const import (
    BUS_EVENT,
    EVENT_CANCELLED,
    EVENT_CHECK_IN,
    EVENT_FINISHED,
    EVENT_REMINDER,
    EVENT_STARTED,
    REMINDER_SUN,
    REMINDER_VISIT,
)
from .routine.day import Goal
from .targets import (
    ACTIVITIES,
    ACTIVITY_LIST,
    GOAL_LIST,
    GOALS,
    LEVEL,
    PAIN_LEVEL,
    choices,
    follow_people,
    people_of,
    platform_schema,
)

if TYPE_CHECKING:
    from homeassistant.helpers.typing import ConfigType

    from .coordinator import BackReliefCoordinator

# How a session ended, as session_ended tells it and filters by it.
HOW = "how"
FINISHED = "finished"
STOPPED = "stopped"
CANCELLED = "cancelled"
ENDINGS = (FINISHED, STOPPED, CANCELLED)
# Which check-ins: answered, unanswered, or both.
OUTCOME = "outcome"
ANSWERED = "answered"
UNANSWERED = "unanswered"
ANY = "any"
REMINDERS = "reminders"
REMINDER_KINDS = (*(str(goal) for goal in Goal), REMINDER_VISIT, REMINDER_SUN)

type Payload = dict[str, Any]


class BackReliefTrigger(Trigger):
    """A trigger about the people its target names; options per trigger."""

    options_schema: ClassVar[dict[Any, Any]] = {}

    @override
    @classmethod
    async def async_validate_config(cls, hass: HomeAssistant, config: ConfigType) -> ConfigType:
        """Validate the target and the options."""
        return cast("ConfigType", platform_schema(cls.options_schema)(config))

    def __init__(self, hass: HomeAssistant, config: TriggerConfig) -> None:
        """Keep the target and the options."""
        super().__init__(hass, config)
        self._target = config.target
        self._options: Mapping[str, Any] = config.options or {}

    def _about(self, entry_id: str) -> bool:
        """Return whether the trigger is about this person (read now, as targets change)."""
        people = people_of(self._hass, self._target)
        return people is None or entry_id in people

    def _person(self, entry_id: str) -> Payload:
        """Return who it was about, for the automation's variables."""
        entry = self._hass.config_entries.async_get_entry(entry_id)
        devices = dr.async_entries_for_config_entry(dr.async_get(self._hass), entry_id)
        return {
            "config_entry_id": entry_id,
            "device_id": devices[0].id if devices else None,
            "person": entry.title if entry else None,
        }

    def _chosen(self, key: str) -> list[str] | None:
        """Return the values an option narrows to; None when left out or empty."""
        return list(self._options.get(key) or []) or None


class SessionEventTrigger(BackReliefTrigger):
    """Fires on one kind of session event on the bus, narrowed by the options."""

    description: ClassVar[str]

    @override
    async def async_attach_runner(
        self,
        run_action: TriggerActionRunner,
        did_not_trigger: Any = None,  # 2026.10 reports why a trigger didn't fire; unused
    ) -> CALLBACK_TYPE:
        """Listen to the routine's bus event."""

        @callback
        def handle(event: Event[dict[str, Any]]) -> None:
            entry_id = event.data.get("config_entry_id")
            if not isinstance(entry_id, str) or not self._about(entry_id):
                return
            if (payload := self.match(event.data)) is None:
                return
            person = self._person(entry_id)
            run_action(
                {**person, **payload},
                f"{self.description} ({person['person']})",
                event.context,
            )

        return self._hass.bus.async_listen(BUS_EVENT, handle)

    def match(self, data: Mapping[str, Any]) -> Payload | None:
        """Return the trigger's variables for an event it fires on; None for others."""
        raise NotImplementedError


def _session(data: Mapping[str, Any]) -> Payload:
    """Return what a session event tells about its session."""
    return {
        "activity": data.get("activity"),
        "planned_minutes": data.get("planned_minutes"),
        "routine": data.get("routine"),
        "source": data.get("source"),
    }


class SessionStartedTrigger(SessionEventTrigger):
    """A session started (of the chosen activities)."""

    description = "Back Relief session started"
    options_schema: ClassVar[dict[Any, Any]] = {vol.Optional(ACTIVITIES): ACTIVITY_LIST}

    @override
    def match(self, data: Mapping[str, Any]) -> Payload | None:
        activities = self._chosen(ACTIVITIES)
        if data.get("type") != EVENT_STARTED or (
            activities and data.get("activity") not in activities
        ):
            return None
        return _session(data)


class SessionEndedTrigger(SessionEventTrigger):
    """A session ended: finished at its end, stopped early or cancelled."""

    description = "Back Relief session ended"
    options_schema: ClassVar[dict[Any, Any]] = {
        vol.Optional(ACTIVITIES): ACTIVITY_LIST,
        vol.Optional(HOW): choices(ENDINGS),
    }

    @override
    def match(self, data: Mapping[str, Any]) -> Payload | None:
        if data.get("type") == EVENT_CANCELLED:
            how = CANCELLED
        elif data.get("type") == EVENT_FINISHED:
            how = STOPPED if data.get("stopped_early") else FINISHED
        else:
            return None
        activities = self._chosen(ACTIVITIES)
        endings = self._chosen(HOW)
        if (activities and data.get("activity") not in activities) or (
            endings and how not in endings
        ):
            return None
        return {
            **_session(data),
            HOW: how,
            "minutes": data.get("credited_minutes", 0),
            "while_offline": bool(data.get("while_offline")),
        }


class CheckInTrigger(SessionEventTrigger):
    """A check-in was answered, or went unanswered."""

    description = "Back Relief check-in"
    options_schema: ClassVar[dict[Any, Any]] = {
        vol.Optional(OUTCOME, default=ANY): vol.In([ANY, ANSWERED, UNANSWERED]),
    }

    @override
    def match(self, data: Mapping[str, Any]) -> Payload | None:
        if data.get("type") != EVENT_CHECK_IN:
            return None
        answered = data.get("answer") is not None
        wanted = self._options.get(OUTCOME, ANY)
        if wanted != ANY and answered != (wanted == ANSWERED):
            return None
        return {
            OUTCOME: ANSWERED if answered else UNANSWERED,
            "question": data.get("question"),
            "answer": data.get("answer"),
            "channel": data.get("channel"),
        }


class ReminderTrigger(SessionEventTrigger):
    """A reminder fell due (spoken or not), of the chosen kinds."""

    description = "Back Relief reminder"
    options_schema: ClassVar[dict[Any, Any]] = {vol.Optional(REMINDERS): choices(REMINDER_KINDS)}

    @override
    def match(self, data: Mapping[str, Any]) -> Payload | None:
        kinds = self._chosen(REMINDERS)
        if data.get("type") != EVENT_REMINDER or (kinds and data.get("activity") not in kinds):
            return None
        return {
            "reminder": data.get("activity"),
            "spoken": bool(data.get("spoken")),
            "reason": data.get("reason"),
        }


class RoutineChangeTrigger(BackReliefTrigger):
    """Fires on what changed in a person's routine, as its coordinator tells its entities."""

    description: ClassVar[str]

    @override
    async def async_attach_runner(
        self,
        run_action: TriggerActionRunner,
        did_not_trigger: Any = None,  # 2026.10 reports why a trigger didn't fire; unused
    ) -> CALLBACK_TYPE:
        """Follow every person's routine, the ones loaded later (or again) too."""

        @callback
        def on_loaded(coordinator: BackReliefCoordinator) -> CALLBACK_TYPE:
            news = self.watch(coordinator)
            entry_id = coordinator.entry.entry_id

            @callback
            def changed() -> None:
                # What changed is always taken in, so that a person targeted
                # later is not told about something old.
                for payload in news():
                    if self._about(entry_id):
                        person = self._person(entry_id)
                        run_action(
                            {**person, **payload}, f"{self.description} ({person['person']})"
                        )

            return coordinator.async_add_listener(changed)

        return follow_people(self._hass, on_loaded)

    def watch(self, coordinator: BackReliefCoordinator) -> Callable[[], list[Payload]]:
        """Remember the routine as it is; return what tells each change worth firing on."""
        raise NotImplementedError


class GoalMetTrigger(RoutineChangeTrigger):
    """A daily goal was met (once a day and goal, at the change that met it)."""

    description = "Back Relief goal met"
    options_schema: ClassVar[dict[Any, Any]] = {vol.Optional(GOALS): GOAL_LIST}

    @override
    def watch(self, coordinator: BackReliefCoordinator) -> Callable[[], list[Payload]]:
        goals = [Goal(goal) for goal in self._chosen(GOALS) or list(Goal)]

        def met_now() -> dict[Goal, bool]:
            return {goal: coordinator.reader.today_met(goal) for goal in goals}

        day, met = coordinator.reader.today(), met_now()

        def news() -> list[Payload]:
            nonlocal day, met
            today, now = coordinator.reader.today(), met_now()
            # A new day starts with no goal met.
            before = met if today == day else dict.fromkeys(goals, False)
            day, met = today, now
            return [
                {
                    "goal": str(goal),
                    "minutes": coordinator.reader.today_minutes(goal),
                    "goal_minutes": coordinator.reader.today_goal(goal),
                }
                for goal in goals
                if now[goal] and not before[goal]
            ]

        return news


class PainLoggedTrigger(RoutineChangeTrigger):
    """A pain level was logged (optionally only at or above a level)."""

    description = "Back Relief pain logged"
    options_schema: ClassVar[dict[Any, Any]] = {vol.Optional(LEVEL): PAIN_LEVEL}

    @override
    def watch(self, coordinator: BackReliefCoordinator) -> Callable[[], list[Payload]]:
        at_least = int(self._options.get(LEVEL) or 0)
        latest = coordinator.reader.history.latest_pain()
        seen = latest.logged_at if latest else None

        def news() -> list[Payload]:
            nonlocal seen
            entry = coordinator.reader.history.latest_pain()
            # Only a newer entry is news: a removed one brings an older one back.
            if entry is None or (seen is not None and entry.logged_at <= seen):
                return []
            seen = entry.logged_at
            if entry.level < at_least:
                return []
            return [
                {"level": entry.level, "note": entry.note, "logged_at": entry.logged_at.isoformat()}
            ]

        return news


TRIGGERS: dict[str, type[Trigger]] = {
    "session_started": SessionStartedTrigger,
    "session_ended": SessionEndedTrigger,
    "goal_met": GoalMetTrigger,
    "pain_logged": PainLoggedTrigger,
    "check_in": CheckInTrigger,
    "reminder": ReminderTrigger,
}


async def async_get_triggers(hass: HomeAssistant) -> dict[str, type[Trigger]]:
    """Return Back Relief's triggers."""
    return TRIGGERS
