"""Every trigger and condition has its description, icon and texts in all five languages."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from custom_components.back_relief.condition import CONDITIONS
from custom_components.back_relief.trigger import TRIGGERS

PACKAGE = Path(__file__).parent.parent / "custom_components" / "back_relief"
LANGUAGES = ("en", "de", "fr", "es", "nl")
KINDS = {"triggers": (TRIGGERS, "trigger"), "conditions": (CONDITIONS, "condition")}


def _descriptions(kind: str) -> dict[str, Any]:
    described = yaml.safe_load((PACKAGE / f"{kind}.yaml").read_text(encoding="utf-8"))
    return {key: value for key, value in described.items() if not key.startswith(".")}


def _translations(language: str) -> dict[str, Any]:
    text = (PACKAGE / "translations" / f"{language}.json").read_text(encoding="utf-8")
    return dict(json.loads(text))


@pytest.mark.parametrize("kind", KINDS)
def test_the_yaml_describes_exactly_what_the_platform_offers(kind: str) -> None:
    """Each one offered is described, targets Back Relief's people, and has an icon."""
    offered, icon_key = KINDS[kind]
    described = _descriptions(kind)
    assert set(described) == set(offered)
    icons = json.loads((PACKAGE / "icons.json").read_text(encoding="utf-8"))[kind]
    for key, description in described.items():
        assert description["target"]["device"] == [{"integration": "back_relief"}], key
        assert icons[key][icon_key].startswith("mdi:"), key


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", KINDS)
def test_every_name_field_and_choice_has_its_text(kind: str, language: str) -> None:
    """Names, descriptions, fields and the choices of select fields, in each language."""
    texts = _translations(language)
    for key, description in _descriptions(kind).items():
        entry = texts[kind][key]
        assert entry["name"], (key, language)
        assert entry["description"], (key, language)
        for field, spec in (description.get("fields") or {}).items():
            assert entry["fields"][field]["name"], (key, field, language)
            assert entry["fields"][field]["description"], (key, field, language)
            if select := spec["selector"].get("select"):
                options = texts["selector"][select["translation_key"]]["options"]
                assert set(select["options"]) <= set(options), (key, field, language)
        assert set(entry.get("fields", {})) == set(description.get("fields") or {}), key
