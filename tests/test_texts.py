"""The language files as the code reads them: languages, groups, routines, "each side"."""

from __future__ import annotations

import pytest

from custom_components.back_relief.language.texts import (
    PER_SIDE_WORDS,
    base_language,
    built_in_routines,
    group,
    say,
)
from custom_components.back_relief.routine.guided import BUILT_IN_STEPS, COMFORT_KEY


@pytest.mark.parametrize(
    ("tag", "language"),
    [("de-CH", "de"), ("pt_BR", "en"), ("NL", "nl"), (None, "en"), ("fr", "fr")],
)
def test_a_language_tag_picks_its_files(tag: str | None, language: str) -> None:
    """A region speaks its language; a language without files speaks English."""
    assert base_language(tag) == language


def test_say_fills_in_values_and_plurals_in_the_language() -> None:
    """One text of a group, its count in the singular or plural of the language."""
    assert say("en", "started", "rest", minutes=1).startswith("Rest started: 1 minute.")
    assert say("nl", "started", "rest", minutes=2).startswith("Rust gestart: 2 minuten.")
    assert group("de", "checklist")["sun"] == "Ein paar Minuten Sonne"


def test_built_in_routines_take_their_timing_from_guided_and_words_from_the_files() -> None:
    """Each language's routines time the same; their words differ."""
    english, spanish = built_in_routines("en"), built_in_routines("es")
    assert english.keys() == spanish.keys() == BUILT_IN_STEPS.keys()
    for key, routine in english.items():
        assert [step.key for step in routine.steps] == [step for step, _, _ in BUILT_IN_STEPS[key]]
        assert routine.steps[0].key == COMFORT_KEY
        assert routine.length == spanish[key].length
        assert routine.name != spanish[key].name


def test_each_side_is_understood_in_every_language_in_lower_case() -> None:
    """The ways to say "each side" come from every language file, ready to compare."""
    assert {"each side", "jede seite", "chaque côté", "cada lado", "elke kant"} <= PER_SIDE_WORDS
    assert all(way == way.casefold().strip() for way in PER_SIDE_WORDS)
