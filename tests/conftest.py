"""Fixtures for Back Relief's tests: a real Home Assistant with real entries."""

from __future__ import annotations

from collections.abc import Generator, Mapping
from datetime import datetime, timedelta
from enum import Enum
from pathlib import Path
from typing import Any
from unittest.mock import Mock, patch

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components import conversation
from homeassistant.components.assist_pipeline import PipelineEvent, PipelineEventType
from homeassistant.components.assist_satellite import (
    AssistSatelliteAnnouncement,
    AssistSatelliteConfiguration,
    AssistSatelliteEntity,
    AssistSatelliteEntityFeature,
)
from homeassistant.components.tts import TextToSpeechEntity
from homeassistant.config_entries import ConfigEntry, ConfigFlow
from homeassistant.const import ATTR_ENTITY_ID, CONF_NAME, Platform
from homeassistant.core import (
    Context,
    HomeAssistant,
    ServiceCall,
    ServiceResponse,
    State,
    callback,
    split_entity_id,
)
from homeassistant.helpers import area_registry as ar, device_registry as dr, entity_registry as er
from homeassistant.helpers.storage import Store
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    MockModule,
    MockUser,
    async_fire_time_changed,
    async_mock_service,
    mock_config_flow,
    mock_integration,
    mock_platform,
    setup_test_component_platform,
    snapshot_platform,
)
from pytest_homeassistant_custom_component.syrupy import (
    HomeAssistantSnapshotExtension,
    HomeAssistantSnapshotSerializer,
)
from pytest_homeassistant_custom_component.test_util.aiohttp import AiohttpClientMocker
from syrupy.assertion import SnapshotAssertion
from syrupy.filters import props

from custom_components.back_relief.config_flow import BackReliefConfigFlow, entry_unique_id
from custom_components.back_relief.const import (
    CONF_PERSON,
    DOMAIN,
    STORAGE_MINOR_VERSION,
    STORAGE_VERSION,
)

# Where Alex's routine (make_entry's default) is stored.
STORAGE_KEY = f"{DOMAIN}.entry_alex"
TIME_ZONE = "Europe/Berlin"
# A Wednesday morning, local time, well away from midnight and DST changes.
START_TIME = "2026-11-25T09:00:00+01:00"


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations(enable_custom_integrations: None) -> None:
    """Let Home Assistant load the integration from custom_components."""


class _SnapshotSerializer(HomeAssistantSnapshotSerializer):
    """Home Assistant's serializer, writing the same text on both targets.

    Home Assistant 2026.10 keys attributes and capabilities by enums where 2026.3
    uses plain text; both are written as text.
    """

    @classmethod
    def _serialize(cls, data: Any, **kwargs: Any) -> str:
        if isinstance(data, dict) and any(isinstance(key, Enum) for key in data):
            data = type(data)({str(key): value for key, value in data.items()})
        return super()._serialize(data, **kwargs)


class _SnapshotExtension(HomeAssistantSnapshotExtension):
    serializer_class = _SnapshotSerializer


@pytest.fixture
def snapshot(snapshot: SnapshotAssertion) -> SnapshotAssertion:
    """Return Home Assistant's snapshot flavour: stable ids, files in snapshots/.

    Registry aliases are left out: we set none, and Home Assistant writes the default
    differently across versions (a set in 2026.3, a list in 2026.10).
    """
    return snapshot.with_defaults(extension_class=_SnapshotExtension, exclude=props("aliases"))


# Home Assistant's test plugin replaces Store's disk access with a dict in every test
# (the hass_storage fixture). These are the real methods, taken when this module is
# imported, before any fixture runs, for the tests that need a real file on disk.
REAL_STORE_LOAD = Store._async_load
REAL_STORE_WRITE = Store._async_write_data
REAL_STORE_REMOVE = Store.async_remove


@pytest.fixture
def storage_on_disk(hass: HomeAssistant) -> Generator[Path]:
    """Let Home Assistant's stores read and write real files; return the .storage folder."""
    with (
        patch.object(Store, "_async_load", REAL_STORE_LOAD),
        patch.object(Store, "_async_write_data", REAL_STORE_WRITE),
        patch.object(Store, "async_remove", REAL_STORE_REMOVE),
    ):
        folder = Path(hass.config.path(".storage"))
        folder.mkdir(parents=True, exist_ok=True)
        yield folder


@pytest.fixture(autouse=True)
def config_dir(hass: HomeAssistant, tmp_path: Path) -> Path:
    """Give each test a configuration folder of its own, for the files we write."""
    hass.config.config_dir = str(tmp_path)
    return tmp_path


@pytest.fixture(autouse=True)
def entity_registry_enabled_by_default(request: pytest.FixtureRequest) -> Generator[None]:
    """Create every entity enabled, disabled-by-default ones included.

    Tests marked as_shipped get the entities as Home Assistant creates them.
    """
    if request.node.get_closest_marker("as_shipped"):
        yield
        return
    with patch(
        "homeassistant.helpers.entity.Entity.entity_registry_enabled_default",
        return_value=True,
    ):
        yield


@pytest.fixture
async def frozen_time(hass: HomeAssistant, freezer: FrozenDateTimeFactory) -> FrozenDateTimeFactory:
    """Freeze time at a known local morning in Berlin."""
    await hass.config.async_set_time_zone(TIME_ZONE)
    freezer.move_to(START_TIME)
    return freezer


# ----- entries -----


def make_entry(name: str = "Alex", person: str | None = None, **options: Any) -> MockConfigEntry:
    """Return a config entry for one person, with an entry id that snapshots can rely on."""
    data: dict[str, Any] = {CONF_NAME: name}
    if person:
        data[CONF_PERSON] = person
    return MockConfigEntry(
        domain=DOMAIN,
        title=name,
        data=data,
        options=options,
        entry_id=f"entry_{name.casefold()}",
        unique_id=entry_unique_id(data),
        version=BackReliefConfigFlow.VERSION,
        minor_version=BackReliefConfigFlow.MINOR_VERSION,
    )


def stored(data: dict[str, Any], key: str = STORAGE_KEY) -> dict[str, Any]:
    """Return a stored routine of format 1.1 (every day in one file); Alex's unless told.

    Seeding the first format lets every test that starts from stored days go
    through the migration to the current format too.
    """
    return {"version": 1, "minor_version": 1, "key": key, "data": data}


def written_days(hass_storage: dict[str, Any], key: str = STORAGE_KEY) -> dict[str, Any]:
    """Return every day written for a person, open and closed, in the form of format 1.1."""
    from custom_components.back_relief.routine.closed_days import ClosedYear  # noqa: PLC0415

    person = hass_storage[key]
    assert (person["version"], person["minor_version"]) == (STORAGE_VERSION, STORAGE_MINOR_VERSION)
    days = {}
    for year in person["data"]["years"]:
        closed = ClosedYear.from_stored(int(year), hass_storage[f"{key}.{year}"]["data"])
        for day, log in closed.logs():
            days[day.isoformat()] = log.as_dict()
    days.update(person["data"]["days"])
    return dict(sorted(days.items()))


@pytest.fixture
def config_entry() -> MockConfigEntry:
    """Return Alex's config entry."""
    return make_entry()


@pytest.fixture
async def setup_entry(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory, config_entry: MockConfigEntry
) -> MockConfigEntry:
    """Set up Alex's routine and return the entry."""
    return await set_up(hass, config_entry)


async def set_up(hass: HomeAssistant, entry: MockConfigEntry) -> MockConfigEntry:
    """Add an entry to Home Assistant, set it up and return it."""
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    return entry


async def reload(hass: HomeAssistant, entry: MockConfigEntry) -> None:
    """Reload an entry and wait until it is set up again."""
    assert await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done()


async def restart(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, entry: MockConfigEntry, **downtime: float
) -> None:
    """Unload an entry, let time pass as if Home Assistant were down, and set it up again."""
    assert await hass.config_entries.async_unload(entry.entry_id)
    freezer.tick(timedelta(**downtime))
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()


async def snapshot_entities(
    hass: HomeAssistant, entry: MockConfigEntry, platform: Platform, snapshot: SnapshotAssertion
) -> None:
    """Set up an entry with one platform only and match its entities with the snapshot."""
    with patch("custom_components.back_relief.PLATFORMS", [platform]):
        await set_up(hass, entry)
    await snapshot_platform(hass, er.async_get(hass), snapshot, entry.entry_id)


# ----- actions -----


async def call(hass: HomeAssistant, action: str, **data: Any) -> ServiceResponse:
    """Call one of Back Relief's actions and wait for its effects; return get_summary's answer."""
    response = await hass.services.async_call(
        DOMAIN, action, data, blocking=True, return_response=action == "get_summary"
    )
    await hass.async_block_till_done()
    return response


async def entity_action(hass: HomeAssistant, entity: str, action: str, **data: Any) -> None:
    """Call an entity action (button.press, switch.turn_on, ...) on one entity and wait."""
    await hass.services.async_call(
        split_entity_id(entity)[0], action, {ATTR_ENTITY_ID: entity, **data}, blocking=True
    )
    await hass.async_block_till_done()


# ----- the clock -----


async def advance(hass: HomeAssistant, freezer: FrozenDateTimeFactory, **delta: float) -> None:
    """Move the clock on by a timedelta's keywords and let the timers that fell due run."""
    freezer.tick(timedelta(**delta))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()


async def move_to(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, when: datetime | str
) -> None:
    """Move the clock to an instant (or an ISO text with its offset) and run the timers due."""
    freezer.move_to(when)
    async_fire_time_changed(hass)
    await hass.async_block_till_done()


# ----- entities and their states -----


def entity_id(hass: HomeAssistant, entry: MockConfigEntry, platform: str, key: str) -> str:
    """Return the entity id of one of an entry's entities, by its key."""
    found = er.async_get(hass).async_get_entity_id(platform, DOMAIN, f"{entry.entry_id}_{key}")
    assert found is not None, f"no {platform} entity with key {key}"
    return found


def current(hass: HomeAssistant, entity: str) -> State:
    """Return an entity's state object, failing if it has none."""
    found = hass.states.get(entity)
    assert found is not None, f"no state for {entity}"
    return found


def state(hass: HomeAssistant, entry: MockConfigEntry, platform: str, key: str) -> str:
    """Return the state of one of an entry's entities, by its key."""
    return current(hass, entity_id(hass, entry, platform, key)).state


def attributes(
    hass: HomeAssistant, entry: MockConfigEntry, platform: str, key: str
) -> Mapping[str, Any]:
    """Return the attributes of one of an entry's entities, by its key."""
    return current(hass, entity_id(hass, entry, platform, key)).attributes


def speaker_in(hass: HomeAssistant, room: str) -> str:
    """Return the device of a voice speaker in a room (an area), as people talk to one."""
    config_entry = MockConfigEntry(domain="test")
    config_entry.add_to_hass(hass)
    area = ar.async_get(hass).async_create(room)
    device = dr.async_get(hass).async_get_or_create(
        config_entry_id=config_entry.entry_id, identifiers={("test", room)}
    )
    dr.async_get(hass).async_update_device(device.id, area_id=area.id)
    return device.id


async def say(
    hass: HomeAssistant, text: str, language: str = "en", **kwargs: Any
) -> tuple[str, dict[str, Any]]:
    """Speak a sentence to Assist; return the spoken answer and the whole response."""
    if kwargs:
        result = await conversation.async_converse(
            hass, text, None, kwargs.pop("context", Context()), language, **kwargs
        )
        response = result.as_dict()["response"]
    else:
        answer = await hass.services.async_call(
            "conversation",
            "process",
            {"text": text, "language": language},
            blocking=True,
            return_response=True,
        )
        assert answer is not None
        response = answer["response"]
    return response["speech"]["plain"]["speech"], response


@pytest.fixture
async def assist(hass: HomeAssistant, frozen_time: FrozenDateTimeFactory) -> None:
    """Run Assist's built-in conversation agent, as a default installation does."""
    assert await async_setup_component(hass, "homeassistant", {})
    assert await async_setup_component(hass, "conversation", {})
    assert await async_setup_component(hass, "intent", {})


# ----- speaking -----

SPEAKER = "media_player.living_room"
SATELLITE = "assist_satellite.bedroom"
ENGINE = "tts.piper"
PERSON = "person.alex"


@pytest.fixture
def speech_calls(hass: HomeAssistant) -> list[ServiceCall]:
    """Capture what is said through text-to-speech, with the speakers present."""
    hass.states.async_set(SPEAKER, "idle")
    hass.states.async_set(SATELLITE, "idle")
    hass.states.async_set(ENGINE, "unknown")
    hass.states.async_set(PERSON, "home")
    return async_mock_service(hass, "tts", "speak")


@pytest.fixture
def announce_calls(hass: HomeAssistant) -> list[ServiceCall]:
    """Capture what is announced on voice satellites."""
    return async_mock_service(hass, "assist_satellite", "announce")


def spoken(calls: list[ServiceCall]) -> list[tuple[list[str], str]]:
    """Return each spoken message with the players it was spoken on."""
    return [(call.data["media_player_entity_id"], call.data["message"]) for call in calls]


@pytest.fixture
async def speaking_entry(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    speech_calls: list[ServiceCall],
    announce_calls: list[ServiceCall],
) -> MockConfigEntry:
    """Alex, with a speaker, a satellite and an engine."""
    return await set_up(
        hass, make_entry(person=PERSON, speakers=[SPEAKER, SATELLITE], tts_entity=ENGINE)
    )


# ----- voice satellites that ask, and phones (Home Assistant's own components) -----

SATELLITE_DOMAIN = "test"
PUSH_URL = "https://mobile-push.home-assistant.dev/push"


class AskingSatellite(AssistSatelliteEntity):
    """A voice satellite of a test platform that can announce, ask and listen.

    ``replies`` is what the person says to each question in turn; None is
    silence. The satellite hears it through Home Assistant's own pipeline events.
    """

    _attr_has_entity_name = False

    def __init__(self, name: str) -> None:
        """Name the satellite; it can announce and start conversations (so: ask)."""
        self._attr_name = name
        self._attr_unique_id = f"satellite_{name.casefold()}"
        self._attr_supported_features = (
            AssistSatelliteEntityFeature.ANNOUNCE | AssistSatelliteEntityFeature.START_CONVERSATION
        )
        self.replies: list[str | None] = []
        self.questions: list[str] = []
        self.announcements: list[str] = []

    async def async_announce(self, announcement: AssistSatelliteAnnouncement) -> None:
        """Play an announcement."""
        self.announcements.append(announcement.message)

    async def async_start_conversation(
        self, start_announcement: AssistSatelliteAnnouncement
    ) -> None:
        """Say the question; the person's reply comes a moment later."""
        self.questions.append(start_announcement.message)
        reply = self.replies.pop(0) if self.replies else None
        self.hass.loop.call_soon(self._hear, reply)

    @callback
    def _hear(self, reply: str | None) -> None:
        if reply is None:
            self._internal_on_pipeline_event(PipelineEvent(PipelineEventType.RUN_END))
        else:
            self._internal_on_pipeline_event(
                PipelineEvent(PipelineEventType.STT_END, {"stt_output": {"text": reply}})
            )

    def on_pipeline_event(self, event: PipelineEvent) -> None:
        """Nothing more to do with the pipeline's events."""

    @callback
    def async_get_configuration(self) -> AssistSatelliteConfiguration:
        """Return a configuration without wake words."""
        return AssistSatelliteConfiguration([], [], 0)

    async def async_set_configuration(self, config: AssistSatelliteConfiguration) -> None:
        """Keep the configuration as it is."""


class QuietVoice(TextToSpeechEntity):
    """A text-to-speech engine of the test platform, for the satellite's questions."""

    _attr_name = "Voice"
    _attr_unique_id = "voice"
    _attr_supported_languages = ["en", "de", "fr", "es", "nl"]  # noqa: RUF012
    _attr_default_language = "en"

    def get_tts_audio(
        self, message: str, language: str, options: dict[str, Any]
    ) -> tuple[str | None, bytes | None]:
        """Return silence."""
        return "mp3", b""


@pytest.fixture
async def satellite(hass: HomeAssistant, frozen_time: FrozenDateTimeFactory) -> AskingSatellite:
    """Set up the bedroom satellite with Home Assistant's assist_satellite and a voice."""
    entity = AskingSatellite("Bedroom")
    voice = QuietVoice()

    async def setup_entry(hass: HomeAssistant, entry: ConfigEntry) -> bool:
        await hass.config_entries.async_forward_entry_setups(
            entry, [Platform.ASSIST_SATELLITE, Platform.TTS]
        )
        return True

    mock_integration(hass, MockModule(SATELLITE_DOMAIN, async_setup_entry=setup_entry))
    setup_test_component_platform(hass, "assist_satellite", [entity], from_config_entry=True)
    setup_test_component_platform(hass, "tts", [voice], from_config_entry=True)
    mock_platform(hass, f"{SATELLITE_DOMAIN}.config_flow", Mock())
    assert await async_setup_component(hass, "homeassistant", {})
    entry = MockConfigEntry(domain=SATELLITE_DOMAIN)
    entry.add_to_hass(hass)
    with mock_config_flow(SATELLITE_DOMAIN, ConfigFlow):
        assert await hass.config_entries.async_setup(entry.entry_id)
    # Text-to-speech looks for ffmpeg in the executor: done before the test goes on.
    await hass.async_block_till_done(wait_background_tasks=True)
    assert entity.entity_id == SATELLITE
    hass.states.async_set(PERSON, "home")
    return entity


@pytest.fixture
async def phone(
    hass: HomeAssistant, aioclient_mock: AiohttpClientMocker, hass_admin_user: MockUser
) -> str:
    """Register Alex's phone with Home Assistant's mobile_app; return its device id.

    Its notifications go to the companion apps' push service, outside Home
    Assistant: ``aioclient_mock`` receives them.
    """
    aioclient_mock.post(PUSH_URL, json={})
    entry = MockConfigEntry(
        domain="mobile_app",
        data={
            "app_data": {"push_token": "PUSH_TOKEN", "push_url": PUSH_URL},
            "app_id": "io.homeassistant.companion.android",
            "app_name": "Home Assistant",
            "app_version": "2026.11",
            "device_id": "alexs-pixel",
            "device_name": "Alex's Pixel",
            "manufacturer": "Google",
            "model": "Pixel 8",
            "os_name": "Android",
            "os_version": "16",
            "secret": "123abc",
            "supports_encryption": False,
            "user_id": hass_admin_user.id,
            "webhook_id": "alex-webhook",
        },
        source="registration",
        title="Alex's Pixel",
        version=1,
    )
    entry.add_to_hass(hass)
    assert await async_setup_component(hass, "mobile_app", {})
    await hass.async_block_till_done()
    assert hass.services.has_service("notify", "mobile_app_alex_s_pixel")
    (device,) = dr.async_entries_for_config_entry(dr.async_get(hass), entry.entry_id)
    return device.id


def pushed(aioclient_mock: AiohttpClientMocker) -> list[dict[str, Any]]:
    """Return each notification sent to the phone: message, title and data."""
    return [
        {key: value for key, value in call[2].items() if key in ("message", "title", "data")}
        for call in aioclient_mock.mock_calls
    ]
