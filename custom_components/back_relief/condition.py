"""Back Relief's own conditions for automations (Home Assistant's condition platform).

Each reads the person's routine as it is now. With several people (or no
target: every person), ``behavior`` says whether any one of them is enough
(the default) or all of them must pass; nobody loaded passes nothing.
Fields and texts: ``conditions.yaml`` and ``translations/<lang>.json``.

Home Assistant 2026.3 asks a condition for a checker (``async_get_checker``);
from 2026.7 the condition checks itself (``_async_check``). Both are here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, cast, override

from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.helpers.condition import Condition, ConditionConfig
import voluptuous as vol

from .routine.day import Goal
from .targets import (
    ACTIVITIES,
    ACTIVITY_LIST,
    BEHAVIOR,
    BEHAVIOR_ALL,
    BEHAVIOR_ANY,
    GOAL_LIST,
    GOALS,
    LEVEL,
    PAIN_LEVEL,
    follow_people,
    loaded_people,
    people_of,
    platform_schema,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from homeassistant.helpers.typing import ConfigType

    from .coordinator import BackReliefCoordinator

PAUSED = "paused"
BEHAVIOR_OPTION = {
    vol.Optional(BEHAVIOR, default=BEHAVIOR_ANY): vol.In([BEHAVIOR_ANY, BEHAVIOR_ALL])
}


class BackReliefCondition(Condition):
    """A condition about the people its target names: any of them, or all."""

    options_schema: ClassVar[dict[Any, Any]] = {}

    @override
    @classmethod
    async def async_validate_config(cls, hass: HomeAssistant, config: ConfigType) -> ConfigType:
        """Validate the target and the options."""
        return cast(
            "ConfigType", platform_schema({**BEHAVIOR_OPTION, **cls.options_schema})(config)
        )

    def __init__(self, hass: HomeAssistant, config: ConditionConfig) -> None:
        """Keep the target and the options."""
        super().__init__(hass, config)
        self._target = config.target
        self._options: Mapping[str, Any] = config.options or {}

    def holds(self) -> bool:
        """Return whether the condition holds for the people it is about, now."""
        people = people_of(self._hass, self._target)
        routines = [
            entry.runtime_data.coordinator
            for entry in loaded_people(self._hass)
            if people is None or entry.entry_id in people
        ]
        if not routines:
            return False
        check = all if self._options.get(BEHAVIOR) == BEHAVIOR_ALL else any
        return check(self.holds_for(coordinator) for coordinator in routines)

    def holds_for(self, coordinator: BackReliefCoordinator) -> bool:
        """Return whether the condition holds for one person."""
        raise NotImplementedError

    def _async_check(self, **kwargs: Any) -> bool:
        """Check the condition (Home Assistant 2026.7 and later)."""
        return self.holds()

    @property
    def needs_polling(self) -> bool:
        """Return False: every change a condition reads comes with a coordinator update."""
        return False

    async def _async_track_changes(self, action: Callable[[], None]) -> CALLBACK_TYPE:
        """Call ``action`` on each change of the people's routines (a dashboard's card).

        Home Assistant 2026.10 asks this of a condition that a dashboard shows a card by;
        a person loaded later (or again) is followed too, midnight comes as an update.
        """
        following = False

        @callback
        def on_loaded(coordinator: BackReliefCoordinator) -> CALLBACK_TYPE:
            if following:
                action()
            return coordinator.async_add_listener(action)

        stop = follow_people(self._hass, on_loaded)
        following = True
        return stop

    async def async_get_checker(self) -> Callable[..., bool]:
        """Return the checker, called with ``variables`` (Home Assistant before 2026.7)."""
        return lambda **_: self.holds()


class SessionRunningCondition(BackReliefCondition):
    """A session of the chosen activities is running (or, if asked, paused)."""

    options_schema: ClassVar[dict[Any, Any]] = {
        vol.Optional(ACTIVITIES): ACTIVITY_LIST,
        vol.Optional(PAUSED, default=False): bool,
    }

    @override
    def holds_for(self, coordinator: BackReliefCoordinator) -> bool:
        session = coordinator.reader.session
        if session is None or (session.is_paused and not self._options.get(PAUSED)):
            return False
        activities = self._options.get(ACTIVITIES) or []
        return not activities or str(session.activity) in activities


class GoalMetCondition(BackReliefCondition):
    """Today's goals (each one chosen; all three when none is) are met."""

    options_schema: ClassVar[dict[Any, Any]] = {vol.Optional(GOALS): GOAL_LIST}

    @override
    def holds_for(self, coordinator: BackReliefCoordinator) -> bool:
        goals = [Goal(goal) for goal in self._options.get(GOALS) or list(Goal)]
        return all(coordinator.reader.today_met(goal) for goal in goals)


class FlareUpCondition(BackReliefCondition):
    """Today is a flare-up day: the switch was on at some moment today, or a range covers it."""

    @override
    def holds_for(self, coordinator: BackReliefCoordinator) -> bool:
        return coordinator.data.is_paused(coordinator.reader.today())


class PainAtLeastCondition(BackReliefCondition):
    """The last pain level logged is at or above a level."""

    options_schema: ClassVar[dict[Any, Any]] = {vol.Required(LEVEL): PAIN_LEVEL}

    @override
    def holds_for(self, coordinator: BackReliefCoordinator) -> bool:
        latest = coordinator.reader.history.latest_pain()
        return latest is not None and latest.level >= int(self._options[LEVEL])


CONDITIONS: dict[str, type[Condition]] = {
    "session_running": SessionRunningCondition,
    "goal_met": GoalMetCondition,
    "flare_up": FlareUpCondition,
    "pain_at_least": PainAtLeastCondition,
}


async def async_get_conditions(hass: HomeAssistant) -> dict[str, type[Condition]]:
    """Return Back Relief's conditions."""
    return CONDITIONS
