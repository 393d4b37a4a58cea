"""Answers to the house's questions, matched in each language: the parser alone."""

from __future__ import annotations

import pytest

from custom_components.back_relief.language.checkin_answers import parse_feedback, parse_level
from custom_components.back_relief.language.texts import group


@pytest.mark.parametrize(
    ("language", "said", "level"),
    [
        ("en", "four", 4),
        ("en", "about a 4", 4),
        ("en", "it's a six today", 6),
        ("en", "Not so good, seven.", 7),
        ("en", "zero", 0),
        ("en", "ten", 10),
        ("en", "four out of ten", 4),
        ("en", "It\u2019s an eight", 8),
        ("de", "vier", 4),
        ("de", "so eine Sechs heute", 6),
        ("de", "nicht so gut, sieben", 7),
        ("de", "ungefähr fünf", 5),
        ("fr", "c'est un six aujourd'hui", 6),
        ("fr", "pas terrible, sept", 7),
        ("fr", "un", 1),
        ("es", "más o menos un cuatro", 4),
        ("es", "no muy bien, siete", 7),
        ("nl", "een zes vandaag", 6),
        ("nl", "niet zo goed, zeven", 7),
        ("nl", "een", 1),
        ("nl", "ongeveer 3", 3),
    ],
)
def test_a_level_is_heard_in_each_language(language: str, said: str, level: int) -> None:
    """A number said as a word or a digit, inside a sentence, is the level."""
    assert parse_level(said, group(language, "numbers")) == level


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("en", "I don't know"),
        ("en", "fifteen"),
        ("en", "11"),
        ("en", ""),
        ("en", "someone"),  # "one" inside another word is no number
        ("de", "keine Ahnung"),
        ("fr", "je ne sais pas"),
    ],
)
def test_no_level_in_other_answers(language: str, said: str) -> None:
    """Without a number from 0 to 10, there is no answer."""
    assert parse_level(said, group(language, "numbers")) is None


@pytest.mark.parametrize(
    ("language", "said", "answer"),
    [
        ("en", "easier", "easier"),
        ("en", "it was harder", "harder"),
        ("en", "about the same", "same"),
        ("de", "etwas leichter", "easier"),
        ("de", "genauso wie immer", "same"),
        ("fr", "plus difficile", "harder"),
        ("fr", "pareil", "same"),
        ("es", "más fácil", "easier"),
        ("es", "igual", "same"),
        ("nl", "zwaarder dan anders", "harder"),
        ("nl", "hetzelfde", "same"),
    ],
)
def test_session_feedback_is_heard_in_each_language(language: str, said: str, answer: str) -> None:
    """Easier, the same or harder, as a person would say it."""
    assert parse_feedback(said, group(language, "feedback_words")) == answer


def test_no_feedback_in_other_answers() -> None:
    """A sentence without any of the three words is no answer."""
    assert parse_feedback("I don't know", group("en", "feedback_words")) is None
