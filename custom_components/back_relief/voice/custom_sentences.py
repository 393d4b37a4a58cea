"""Teaches Assist's built-in agent Back Relief's sentences, with no YAML to write.

Home Assistant's conversation agent reads ``<config>/custom_sentences/<language>/*.yaml``
and has no other way for an integration to add sentences. So Back Relief writes its
own file there for each language it ships (``sentences/<language>.yaml``), with the
names of its people filled in so that "start Sam's inversion" names Sam. The file
starts with a marker line: a file without it is the user's and is never touched.
It is rewritten whenever its content would change (a new version, a new name) and
removed with the last person. Assist reloads its sentences after each change.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
import re
from typing import Any, cast

from homeassistant.const import CONF_NAME
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError
from homeassistant.loader import async_get_integration
from homeassistant.util.file import write_utf8_file_atomic
from homeassistant.util.hass_dict import HassKey
from homeassistant.util.yaml import dump, parse_yaml

from ..const import DOMAIN, LOGGER
from .handover import BUILT_IN_RESPONSE, SLOT_HAND_OVER

SHIPPED = Path(__file__).parent.parent / "sentences"
CUSTOM_SENTENCES = "custom_sentences"
FILE_NAME = f"{DOMAIN}.yaml"
MARKER = "# Written by Back Relief"
PERSON_LIST = "br_person"
CONVERSATION = "conversation"
# Characters with a meaning in sentence templates; a name keeps the rest.
TEMPLATE_SYNTAX = re.compile(r"[\[\]{}()<>|;]")


@dataclass(slots=True)
class SentencesData:
    """Serialises the writers; remembers the user's files already reported."""

    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    reported: set[Path] = field(default_factory=set)


DATA_SENTENCES: HassKey[SentencesData] = HassKey(f"{DOMAIN}_sentences")


@dataclass(frozen=True, slots=True)
class SyncResult:
    """What one pass over the languages did."""

    changed: list[str]
    foreign: list[Path]


def header(version: str) -> str:
    """Return the marker lines that make a file Back Relief's."""
    return (
        f"{MARKER} {version}. It is rewritten when Back Relief changes and removed\n"
        "# with it. To keep an edited copy, delete these lines: Back Relief then leaves\n"
        "# the file alone.\n"
    )


def render(template: str, people: list[str], version: str) -> str:
    """Return a language's sentences with the people's names in the person list."""
    sentences = cast("dict[str, Any]", parse_yaml(template))
    values = []
    for name in people:
        spoken = " ".join(TEMPLATE_SYNTAX.sub(" ", name).split())
        if spoken:
            values.append({"in": spoken, "out": name})
    sentences["lists"][PERSON_LIST] = {"values": values}
    _add_built_in_responses(sentences)
    return header(version) + dump(sentences)


def _add_built_in_responses(sentences: dict[str, Any]) -> None:
    """Word the answers of handed-over requests with Home Assistant's own responses.

    A sentence that hands over to a built-in intent (see ``handover``) answers
    with that intent's response, looked up under the sentence's intent name.
    """
    built_in = _built_in_responses(str(sentences["language"]))
    responses: dict[str, dict[str, str]] = {}
    for intent_name, intent in sentences["intents"].items():
        for data in intent["data"]:
            if (handed_to := data.get("slots", {}).get(SLOT_HAND_OVER)) is None:
                continue
            data["response"] = handed_to
            if (response := built_in.get(handed_to, {}).get(BUILT_IN_RESPONSE)) is not None:
                responses.setdefault(intent_name, {})[handed_to] = response
    if responses:
        sentences["responses"] = {"intents": responses}


@cache
def _built_in_responses(language: str) -> dict[str, dict[str, str]]:
    """Return Home Assistant's own responses of a language, by intent (executor)."""
    try:
        from home_assistant_intents import get_intents  # noqa: PLC0415 - Assist's own data

    except ImportError:  # Assist is not installed: nothing will hand over.
        return {}
    data = get_intents(language) or {}
    return cast("dict[str, dict[str, str]]", data.get("responses", {}).get("intents", {}))


def is_ours(path: Path) -> bool:
    """Return whether a file starts with Back Relief's marker."""
    with path.open(encoding="utf-8") as file:
        return file.readline().startswith(MARKER)


def sync(config_dir: Path, people: list[str], version: str) -> SyncResult:
    """Write, refresh or remove the sentence files; never touch the user's (executor)."""
    changed: list[str] = []
    foreign: list[Path] = []
    for shipped in sorted(SHIPPED.glob("*.yaml")):
        language = shipped.stem
        target = config_dir / CUSTOM_SENTENCES / language / FILE_NAME
        exists = target.is_file()
        if exists and not is_ours(target):
            foreign.append(target)
            continue
        if not people:
            if exists:
                target.unlink()
                _remove_empty_folders(target.parent, config_dir)
                changed.append(language)
            continue
        content = render(shipped.read_text(encoding="utf-8"), people, version)
        if exists and target.read_text(encoding="utf-8") == content:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        write_utf8_file_atomic(str(target), content)
        changed.append(language)
    return SyncResult(changed, foreign)


def _remove_empty_folders(folder: Path, config_dir: Path) -> None:
    """Remove the language folder and custom_sentences when nothing else is in them."""
    while folder != config_dir and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


async def async_sync_sentences(hass: HomeAssistant) -> None:
    """Bring the sentence files in line with the people set up, then reload Assist.

    Called when a person is set up and when one is removed. A failure is
    logged and never stops the routine from loading.
    """
    data = hass.data.setdefault(DATA_SENTENCES, SentencesData())
    people = sorted(
        {str(entry.data[CONF_NAME]) for entry in hass.config_entries.async_entries(DOMAIN)}
    )
    version = str((await async_get_integration(hass, DOMAIN)).version)
    async with data.lock:
        try:
            result = await hass.async_add_executor_job(
                sync, Path(hass.config.config_dir), people, version
            )
        except (OSError, HomeAssistantError) as err:
            LOGGER.warning("Could not write Back Relief's sentences for Assist: %s", err)
            return
    for path in result.foreign:
        if path not in data.reported:
            data.reported.add(path)
            LOGGER.warning(
                "%s was not written by Back Relief, so it is left as it is; Assist "
                "understands Back Relief only through what that file says",
                path,
            )
    if result.changed:
        LOGGER.debug("Updated Back Relief's sentences for %s", ", ".join(result.changed))
        try:
            await _async_reload_assist(hass, result.changed)
        except HomeAssistantError as err:
            LOGGER.warning("Assist could not reload Back Relief's sentences: %s", err)


async def _async_reload_assist(hass: HomeAssistant, languages: list[str]) -> None:
    """Make Assist read the sentences again, when it is running."""
    if not hass.services.has_service(CONVERSATION, "reload"):
        return  # Assist reads the files when it starts.
    # Assist keeps what it read per requested language, e.g. "en" or "en-GB".
    for language in sorted({*languages, hass.config.language}):
        await hass.services.async_call(
            CONVERSATION, "reload", {"language": language}, blocking=True
        )
