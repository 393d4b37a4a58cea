"""Config, options and reconfigure flows for Back Relief."""

from __future__ import annotations

from typing import Any

from homeassistant.config_entries import ConfigFlow, ConfigFlowResult, OptionsFlow
from homeassistant.const import CONF_NAME
from homeassistant.core import callback
from homeassistant.helpers import selector
import voluptuous as vol

from .const import (
    CONF_CHECKIN_AFTER_SESSION,
    CONF_CHECKIN_TIME,
    CONF_EXERCISE_GOAL,
    CONF_FLASH_ON_INVERSION_END,
    CONF_INVERSION_GOAL,
    CONF_MAX_INVERSION,
    CONF_NOTIFY_DEVICES,
    CONF_NOTIFY_ENTITY,
    CONF_ONLY_WHEN_HOME,
    CONF_PERSON,
    CONF_QUIET_END,
    CONF_QUIET_START,
    CONF_REMINDER_EXERCISE,
    CONF_REMINDER_INVERSION,
    CONF_REMINDER_REST,
    CONF_REMINDER_SUN,
    CONF_REMINDER_VISIT,
    CONF_REST_BRIGHTNESS,
    CONF_REST_GOAL,
    CONF_REST_LIGHTS,
    CONF_ROUTINES,
    CONF_SPEAKERS,
    CONF_TTS_ENTITY,
    CONF_WEATHER_ENTITY,
    CONF_WEEKLY_SUMMARY,
    DEFAULT_OPTIONS,
    DOMAIN,
    MAX_GOAL_MINUTES,
    MAX_INVERSION_LIMIT,
    WEEKLY_NOTIFY,
    WEEKLY_SPEAK,
)
from .data import BackReliefConfigEntry
from .guided import BUILT_IN_STEPS, Routine, StepsError, parse_steps
from .texts import PER_SIDE_WORDS

ROUTINE_NAME = "routine_name"
ROUTINE_STEPS = "routine_steps"
ROUTINES_REMOVE = "remove_routines"


def _minutes(maximum: int) -> selector.NumberSelector:
    return selector.NumberSelector(
        selector.NumberSelectorConfig(
            min=1,
            max=maximum,
            step=1,
            mode=selector.NumberSelectorMode.BOX,
            unit_of_measurement="min",
        )
    )


def _person_schema() -> vol.Schema:
    return vol.Schema(
        {
            vol.Required(CONF_NAME): selector.TextSelector(),
            vol.Optional(CONF_PERSON): selector.EntitySelector(
                selector.EntitySelectorConfig(domain="person")
            ),
        }
    )


GOALS_SCHEMA = vol.Schema(
    {
        vol.Required(CONF_EXERCISE_GOAL): _minutes(MAX_GOAL_MINUTES),
        vol.Required(CONF_REST_GOAL): _minutes(MAX_GOAL_MINUTES),
        vol.Required(CONF_INVERSION_GOAL): _minutes(MAX_GOAL_MINUTES),
        vol.Required(CONF_MAX_INVERSION): _minutes(MAX_INVERSION_LIMIT),
    }
)
ANNOUNCEMENTS_SCHEMA = vol.Schema(
    {
        vol.Optional(CONF_SPEAKERS): selector.EntitySelector(
            selector.EntitySelectorConfig(
                domain=["media_player", "assist_satellite"], multiple=True
            )
        ),
        vol.Optional(CONF_TTS_ENTITY): selector.EntitySelector(
            selector.EntitySelectorConfig(domain="tts")
        ),
        vol.Required(CONF_QUIET_START): selector.TimeSelector(),
        vol.Required(CONF_QUIET_END): selector.TimeSelector(),
        vol.Optional(CONF_REMINDER_EXERCISE): selector.TimeSelector(),
        vol.Optional(CONF_REMINDER_INVERSION): selector.TimeSelector(),
        vol.Optional(CONF_REMINDER_REST): selector.TimeSelector(),
        vol.Required(CONF_ONLY_WHEN_HOME): selector.BooleanSelector(),
    }
)
CARE_SCHEMA = vol.Schema(
    {
        vol.Optional(CONF_REMINDER_VISIT): selector.TimeSelector(),
        vol.Optional(CONF_REMINDER_SUN): selector.TimeSelector(),
        vol.Optional(CONF_WEATHER_ENTITY): selector.EntitySelector(
            selector.EntitySelectorConfig(domain="weather")
        ),
        vol.Optional(CONF_WEEKLY_SUMMARY): selector.SelectSelector(
            selector.SelectSelectorConfig(
                options=[WEEKLY_SPEAK, WEEKLY_NOTIFY], translation_key=CONF_WEEKLY_SUMMARY
            )
        ),
        vol.Optional(CONF_NOTIFY_ENTITY): selector.EntitySelector(
            selector.EntitySelectorConfig(domain="notify")
        ),
    }
)
LIGHTS_SCHEMA = vol.Schema(
    {
        vol.Optional(CONF_REST_LIGHTS): selector.EntitySelector(
            selector.EntitySelectorConfig(domain="light", multiple=True)
        ),
        vol.Required(CONF_REST_BRIGHTNESS): selector.NumberSelector(
            selector.NumberSelectorConfig(
                min=1,
                max=100,
                step=1,
                mode=selector.NumberSelectorMode.SLIDER,
                unit_of_measurement="%",
            )
        ),
        vol.Required(CONF_FLASH_ON_INVERSION_END): selector.BooleanSelector(),
    }
)
CHECKINS_SCHEMA = vol.Schema(
    {
        vol.Optional(CONF_CHECKIN_TIME): selector.TimeSelector(),
        vol.Required(CONF_CHECKIN_AFTER_SESSION): selector.BooleanSelector(),
        vol.Optional(CONF_NOTIFY_DEVICES): selector.DeviceSelector(
            selector.DeviceSelectorConfig(integration="mobile_app", multiple=True)
        ),
    }
)
# Each options step owns its keys; a key left empty in its form is removed.
OPTIONS_STEPS: dict[str, vol.Schema] = {
    "goals": GOALS_SCHEMA,
    "announcements": ANNOUNCEMENTS_SCHEMA,
    "lights": LIGHTS_SCHEMA,
    "care": CARE_SCHEMA,
    "checkins": CHECKINS_SCHEMA,
}
WHOLE_NUMBER_OPTIONS = (
    CONF_EXERCISE_GOAL,
    CONF_REST_GOAL,
    CONF_INVERSION_GOAL,
    CONF_MAX_INVERSION,
    CONF_REST_BRIGHTNESS,
)


class BackReliefConfigFlow(ConfigFlow, domain=DOMAIN):
    """Add a person whose routine Back Relief keeps."""

    VERSION = 1
    MINOR_VERSION = 1

    @staticmethod
    @callback
    def async_get_options_flow(config_entry: BackReliefConfigEntry) -> OptionsFlow:
        """Return the options flow."""
        return BackReliefOptionsFlow()

    def _taken(self, user_input: dict[str, Any], exclude_entry_id: str | None = None) -> bool:
        """Return whether the name or the person already has an entry."""
        name = user_input[CONF_NAME].strip().casefold()
        person = user_input.get(CONF_PERSON)
        for entry in self._async_current_entries(include_ignore=False):
            if entry.entry_id == exclude_entry_id:
                continue
            if entry.data[CONF_NAME].casefold() == name:
                return True
            if person and entry.data.get(CONF_PERSON) == person:
                return True
        return False

    @staticmethod
    def _clean(user_input: dict[str, Any]) -> dict[str, Any]:
        data = {CONF_NAME: user_input[CONF_NAME].strip()}
        if user_input.get(CONF_PERSON):
            data[CONF_PERSON] = user_input[CONF_PERSON]
        return data

    async def async_step_user(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """Ask for the person; the form carries the safety note."""
        errors: dict[str, str] = {}
        if user_input is not None:
            if not user_input[CONF_NAME].strip():
                errors[CONF_NAME] = "name_required"
            elif self._taken(user_input):
                return self.async_abort(reason="already_configured")
            else:
                data = self._clean(user_input)
                return self.async_create_entry(title=data[CONF_NAME], data=data)
        return self.async_show_form(
            step_id="user",
            data_schema=self.add_suggested_values_to_schema(_person_schema(), user_input),
            errors=errors,
        )

    async def async_step_reconfigure(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Change the person's name or linked person."""
        entry = self._get_reconfigure_entry()
        errors: dict[str, str] = {}
        if user_input is not None:
            if not user_input[CONF_NAME].strip():
                errors[CONF_NAME] = "name_required"
            elif self._taken(user_input, exclude_entry_id=entry.entry_id):
                return self.async_abort(reason="already_configured")
            else:
                data = self._clean(user_input)
                # The entry's update listener reloads it.
                return self.async_update_and_abort(entry, title=data[CONF_NAME], data=data)
        return self.async_show_form(
            step_id="reconfigure",
            data_schema=self.add_suggested_values_to_schema(
                _person_schema(), user_input or entry.data
            ),
            errors=errors,
        )


class BackReliefOptionsFlow(OptionsFlow):
    """Goals, announcements, reminders and rest lights, in a menu."""

    async def async_step_init(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """Offer the groups of options."""
        return self.async_show_menu(step_id="init", menu_options=[*OPTIONS_STEPS, "routines"])

    async def async_step_goals(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """Daily goals and the inversion cap."""
        return self._async_step("goals", user_input)

    async def async_step_announcements(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Speakers, quiet hours and reminder times."""
        return self._async_step("announcements", user_input)

    async def async_step_care(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """Visit and sun reminders, and the weekly summary."""
        return self._async_step("care", user_input)

    async def async_step_checkins(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Ask daily and after sessions; choose the phones."""
        return self._async_step("checkins", user_input)

    async def async_step_lights(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """Rest lights."""
        return self._async_step("lights", user_input)

    async def async_step_routines(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Add a guided routine of the person's own, or remove some."""
        own: list[dict[str, Any]] = list(self.config_entry.options.get(CONF_ROUTINES, []))
        errors: dict[str, str] = {}
        placeholders = {"line": ""}
        if user_input is not None:
            remove = set(user_input.get(ROUTINES_REMOVE, []))
            kept = [routine for routine in own if routine["key"] not in remove]
            name = (user_input.get(ROUTINE_NAME) or "").strip()
            steps_text = user_input.get(ROUTINE_STEPS) or ""
            if name or steps_text.strip():
                try:
                    steps = parse_steps(steps_text, PER_SIDE_WORDS)
                except StepsError as err:
                    errors[ROUTINE_STEPS] = "invalid_steps"
                    placeholders["line"] = str(err.line)
                else:
                    if not name:
                        errors[ROUTINE_NAME] = "routine_name_required"
                    elif name in BUILT_IN_STEPS or any(r["key"] == name for r in kept):
                        errors[ROUTINE_NAME] = "routine_exists"
                    else:
                        kept.append(Routine(name, name, steps).as_dict())
            if not errors:
                return self.async_create_entry(
                    data={**self.config_entry.options, CONF_ROUTINES: kept}
                )
        schema = vol.Schema(
            {
                vol.Optional(ROUTINE_NAME): selector.TextSelector(),
                vol.Optional(ROUTINE_STEPS): selector.TextSelector(
                    selector.TextSelectorConfig(multiline=True)
                ),
                vol.Optional(ROUTINES_REMOVE): selector.SelectSelector(
                    selector.SelectSelectorConfig(
                        options=[routine["key"] for routine in own], multiple=True
                    )
                ),
            }
        )
        return self.async_show_form(
            step_id="routines",
            data_schema=self.add_suggested_values_to_schema(schema, user_input),
            errors=errors,
            description_placeholders=placeholders,
        )

    def _async_step(self, step_id: str, user_input: dict[str, Any] | None) -> ConfigFlowResult:
        schema = OPTIONS_STEPS[step_id]
        if user_input is not None:
            options = {
                key: value
                for key, value in self.config_entry.options.items()
                if key not in {str(field) for field in schema.schema}
            }
            for key, value in user_input.items():
                if value in (None, "", []):
                    continue
                options[key] = int(value) if key in WHOLE_NUMBER_OPTIONS else value
            return self.async_create_entry(data=options)
        current = {**DEFAULT_OPTIONS, **self.config_entry.options}
        return self.async_show_form(
            step_id=step_id, data_schema=self.add_suggested_values_to_schema(schema, current)
        )
