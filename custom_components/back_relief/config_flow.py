"""Config, options and reconfigure flows for Back Relief."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from homeassistant.config_entries import ConfigFlow, ConfigFlowResult, OptionsFlow
from homeassistant.const import CONF_NAME
from homeassistant.core import callback
from homeassistant.data_entry_flow import AbortFlow
from homeassistant.helpers import selector
import voluptuous as vol

from .const import (
    CONF_CHECKIN_AFTER_SESSION,
    CONF_CHECKIN_TIME,
    CONF_EXERCISE_GOAL,
    CONF_FLASH_ON_INVERSION_END,
    CONF_INVERSION_GOAL,
    CONF_INVERSION_START_MINUTES,
    CONF_INVERSION_STEP_MINUTES,
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
    CONF_SIGN_START_SECONDS,
    CONF_SIGN_STOP_SECONDS,
    CONF_SPEAKERS,
    CONF_TTS_ENTITY,
    CONF_WEATHER_ENTITY,
    CONF_WEEKLY_SUMMARY,
    DOMAIN,
    MAX_GOAL_MINUTES,
    MAX_INVERSION_LIMIT,
    MAX_INVERSION_STEP,
    MAX_SIGN_SECONDS,
    OFF_WHEN_CLEARED,
    SIGN_ABOVE_OPTIONS,
    SIGN_OPTIONS,
    TAG_OPTIONS,
    WEEKLY_NOTIFY,
    WEEKLY_SPEAK,
)
from .data import BackReliefConfigEntry
from .house.delivery import can_check_in
from .language.texts import PER_SIDE_WORDS
from .routine.day import Activity
from .routine.guided import BUILT_IN_STEPS, Routine, StepsError, parse_steps
from .routine.settings import Settings

ROUTINE_NAME = "routine_name"
ROUTINE_STEPS = "routine_steps"
ROUTINES_REMOVE = "remove_routines"


def normalised_name(name: str) -> str:
    """Return a name as names are compared: trimmed, single-spaced, case-folded."""
    return " ".join(name.split()).casefold()


def entry_unique_id(data: Mapping[str, Any]) -> str:
    """Return the unique id of a person's entry: the linked person, else the name."""
    return str(data.get(CONF_PERSON) or normalised_name(data[CONF_NAME]))


def _minutes(maximum: int, minimum: int = 1) -> selector.NumberSelector:
    return selector.NumberSelector(
        selector.NumberSelectorConfig(
            min=minimum,
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
        vol.Optional(CONF_INVERSION_START_MINUTES): _minutes(MAX_INVERSION_LIMIT),
        # A step of 0 leaves the inversion duration where it is.
        vol.Optional(CONF_INVERSION_STEP_MINUTES): _minutes(MAX_INVERSION_STEP, minimum=0),
    }
)
ANNOUNCEMENTS_FIELDS: dict[vol.Marker, Any] = {
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
# Only speakers that can say something: media players that play media, satellites
# that announce. The selector resolves these names to feature bits by importing the
# two integrations, so the schema is built when the step opens, in the executor.
SPEAKER_FEATURES = {
    "media_player": "media_player.MediaPlayerEntityFeature.PLAY_MEDIA",
    "assist_satellite": "assist_satellite.AssistSatelliteEntityFeature.ANNOUNCE",
}


def _resolvable(feature: str) -> bool:
    """Return whether the picker can resolve a feature name: its integration imports.

    It can't while the integration's requirements are not installed (yet); then the
    integration has no entities, and its kind of speaker is offered by domain alone.
    """
    try:
        selector.EntitySelector(
            selector.EntitySelectorConfig(filter=[{"supported_features": [feature]}])
        )
    except vol.Invalid, ImportError:
        return False
    return True


def _announcements_schema() -> vol.Schema:
    speakers = selector.EntitySelectorConfig(
        filter=[
            {"domain": domain, "supported_features": [feature]}
            if _resolvable(feature)
            else {"domain": domain}
            for domain, feature in SPEAKER_FEATURES.items()
        ],
        multiple=True,
    )
    return vol.Schema(
        {vol.Optional(CONF_SPEAKERS): selector.EntitySelector(speakers), **ANNOUNCEMENTS_FIELDS}
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
# A sign: on or off, or a number (a plug's power, a mat's pressure) above its threshold.
SWITCHING_SIGNS = ("binary_sensor", "input_boolean")
NUMERIC_SIGNS = ("sensor", "input_number")


def _seconds() -> selector.NumberSelector:
    return selector.NumberSelector(
        selector.NumberSelectorConfig(
            min=1,
            max=MAX_SIGN_SECONDS,
            step=1,
            mode=selector.NumberSelectorMode.BOX,
            unit_of_measurement="s",
        )
    )


SIGNS_FIELDS: dict[vol.Marker, Any] = {}
for _activity in Activity:
    SIGNS_FIELDS[vol.Optional(SIGN_OPTIONS[_activity])] = selector.EntitySelector(
        selector.EntitySelectorConfig(domain=[*SWITCHING_SIGNS, *NUMERIC_SIGNS])
    )
    SIGNS_FIELDS[vol.Optional(SIGN_ABOVE_OPTIONS[_activity])] = selector.NumberSelector(
        selector.NumberSelectorConfig(mode=selector.NumberSelectorMode.BOX, step="any")
    )
SIGNS_SCHEMA = vol.Schema(
    {
        **SIGNS_FIELDS,
        vol.Required(CONF_SIGN_START_SECONDS): _seconds(),
        vol.Required(CONF_SIGN_STOP_SECONDS): _seconds(),
    }
)
TAGS_SCHEMA = vol.Schema(
    {
        vol.Optional(TAG_OPTIONS[activity]): selector.TextSelector(
            selector.TextSelectorConfig(multiple=True)
        )
        for activity in Activity
    }
)
OPTIONS_MENU = ["goals", "announcements", "lights", "care", "checkins", "routines"]
OPTIONS_MENU += ["signs", "tags"]
WHOLE_NUMBER_OPTIONS = (
    CONF_EXERCISE_GOAL,
    CONF_REST_GOAL,
    CONF_INVERSION_GOAL,
    CONF_MAX_INVERSION,
    CONF_INVERSION_START_MINUTES,
    CONF_INVERSION_STEP_MINUTES,
    CONF_REST_BRIGHTNESS,
    CONF_SIGN_START_SECONDS,
    CONF_SIGN_STOP_SECONDS,
)


class BackReliefConfigFlow(ConfigFlow, domain=DOMAIN):
    """Add a person whose routine Back Relief keeps."""

    VERSION = 1
    # 1.2: every entry has a unique id (entries of 1.1 get theirs in async_migrate_entry).
    MINOR_VERSION = 2

    @staticmethod
    @callback
    def async_get_options_flow(config_entry: BackReliefConfigEntry) -> OptionsFlow:
        """Return the options flow."""
        return BackReliefOptionsFlow()

    def _abort_if_name_or_person_taken(
        self, data: Mapping[str, Any], exclude_entry_id: str | None = None
    ) -> None:
        """Abort when another entry has the name or the person.

        The unique id is the person, else the name, so it can't catch every pair: an
        entry linked to person.alex and named Alex, and a new "Alex" with no person.
        """
        name = normalised_name(data[CONF_NAME])
        person = data.get(CONF_PERSON)
        for entry in self._async_current_entries(include_ignore=False):
            if entry.entry_id != exclude_entry_id and (
                normalised_name(entry.data[CONF_NAME]) == name
                or (person and entry.data.get(CONF_PERSON) == person)
            ):
                raise AbortFlow("already_configured")

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
            else:
                data = self._clean(user_input)
                await self.async_set_unique_id(entry_unique_id(data))
                self._abort_if_unique_id_configured()
                self._abort_if_name_or_person_taken(data)
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
            else:
                data = self._clean(user_input)
                unique_id = entry_unique_id(data)
                # A new name or person moves the unique id, unless another entry has it.
                if unique_id != entry.unique_id:
                    await self.async_set_unique_id(unique_id, raise_on_progress=False)
                    self._abort_if_unique_id_configured()
                self._abort_if_name_or_person_taken(data, exclude_entry_id=entry.entry_id)
                # The entry's update listener reloads it.
                return self.async_update_and_abort(
                    entry, unique_id=unique_id, title=data[CONF_NAME], data=data
                )
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
        return self.async_show_menu(
            step_id="init", menu_options=OPTIONS_MENU, description_placeholders=self._whose()
        )

    def _whose(self) -> dict[str, str]:
        """Return the placeholder by which every step's title names the person."""
        return {"name": self.config_entry.title}

    async def async_step_goals(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """Daily goals and the inversion cap."""
        return self._async_step("goals", GOALS_SCHEMA, user_input)

    async def async_step_announcements(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Speakers, quiet hours and reminder times."""
        schema = await self.hass.async_add_executor_job(_announcements_schema)
        return self._async_step("announcements", schema, user_input)

    async def async_step_care(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """Visit and sun reminders, and the weekly summary."""
        return self._async_step("care", CARE_SCHEMA, user_input)

    async def async_step_checkins(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Ask daily and after sessions; choose the phones.

        A daily check-in needs a way to reach the person (the delivery seam
        says which); without one it would never happen, so it is refused here,
        on its field.
        """
        if user_input is not None:
            settings = Settings.from_options(self._options(CHECKINS_SCHEMA, user_input))
            if settings.checkin_time is not None and not can_check_in(settings):
                return self._async_step(
                    "checkins",
                    CHECKINS_SCHEMA,
                    None,
                    errors={CONF_CHECKIN_TIME: "checkin_needs_satellite_or_phone"},
                    shown=user_input,
                )
        return self._async_step("checkins", CHECKINS_SCHEMA, user_input)

    async def async_step_lights(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """Rest lights."""
        return self._async_step("lights", LIGHTS_SCHEMA, user_input)

    async def async_step_signs(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """Choose the entities that show a person at an activity, and how long they must hold."""
        errors: dict[str, str] = {}
        if user_input is not None:
            for activity in Activity:
                sign = user_input.get(SIGN_OPTIONS[activity]) or ""
                above = SIGN_ABOVE_OPTIONS[activity]
                if sign.split(".", 1)[0] in NUMERIC_SIGNS and user_input.get(above) is None:
                    errors[above] = "threshold_needed"
            if not errors:
                return self._async_step("signs", SIGNS_SCHEMA, user_input)
        return self._async_step("signs", SIGNS_SCHEMA, None, user_input, errors)

    async def async_step_tags(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """NFC tags that start and stop each activity's session."""
        if user_input is not None:
            user_input = {
                key: [tag for tag in (str(tag).strip() for tag in tags) if tag]
                for key, tags in user_input.items()
            }
        return self._async_step("tags", TAGS_SCHEMA, user_input)

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
            description_placeholders={**placeholders, **self._whose()},
        )

    def _options(self, schema: vol.Schema, user_input: dict[str, Any]) -> dict[str, Any]:
        """Return the options a step's input makes: it owns its keys; one left empty goes."""
        fields = {str(field) for field in schema.schema}
        options = {
            key: value for key, value in self.config_entry.options.items() if key not in fields
        }
        for key, value in user_input.items():
            if value in (None, "", []):
                continue
            options[key] = int(value) if key in WHOLE_NUMBER_OPTIONS else value
        # Left empty, an option that is on by default is off, not back to its default.
        for key in OFF_WHEN_CLEARED & fields:
            options.setdefault(key, None)
        return options

    def _async_step(
        self,
        step_id: str,
        schema: vol.Schema,
        user_input: dict[str, Any] | None,
        shown: dict[str, Any] | None = None,
        errors: dict[str, str] | None = None,
    ) -> ConfigFlowResult:
        """Show a step's form, or store its options.

        Each step owns the keys of its form; a key left empty there is removed.
        """
        if user_input is not None:
            return self.async_create_entry(data=self._options(schema, user_input))
        current = shown or {
            key: value
            for key, value in {**Settings.default_options(), **self.config_entry.options}.items()
            if value is not None
        }
        return self.async_show_form(
            step_id=step_id,
            data_schema=self.add_suggested_values_to_schema(schema, current),
            errors=errors or {},
            description_placeholders=self._whose(),
        )
