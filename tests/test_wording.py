"""The formatter of the language files' texts: values and ICU-like plurals."""

from __future__ import annotations

import pytest

from custom_components.back_relief.language.wording import WordingError, category, fields, render

MINUTES = "{count, plural, one {# minute} other {# minutes}}"


@pytest.mark.parametrize(("count", "said"), [(1, "1 minute"), (2, "2 minutes"), (0, "0 minutes")])
def test_a_count_takes_its_plural(count: int, said: str) -> None:
    """English says "1 minute" and "2 minutes"; 0 is plural."""
    assert render(MINUTES, {"count": count}) == said


def test_french_says_zero_in_the_singular() -> None:
    """French puts 0 with 1 ("0 minute"), as CLDR does."""
    assert render("{count, plural, one {# minute} other {# minutes}}", {"count": 0}, "fr") == (
        "0 minute"
    )
    assert category("fr", 2) == "other"
    assert category("de", 0) == "other"


def test_an_exact_match_comes_first_and_values_fill_in_around_it() -> None:
    """``=1`` beats ``one``; the other values are plain format fields, inside a choice too."""
    text = "{name}: {count, plural, =1 {one last minute} other {# minutes, {name}}} left."
    assert render(text, {"name": "Alex", "count": 1}) == "Alex: one last minute left."
    assert render(text, {"name": "Alex", "count": 3}) == "Alex: 3 minutes, Alex left."
    assert fields(text) == {"name", "count"}


def test_a_text_without_plural_is_an_ordinary_format_string() -> None:
    """Placeholders only: the values are filled in as str.format does."""
    assert render("{Activity} started{for_whom}.", {"Activity": "Rest", "for_whom": ""}) == (
        "Rest started."
    )
    assert fields("{a} and {b}") == {"a", "b"}


@pytest.mark.parametrize(
    "text",
    [
        "{count, plural, one {# minute}}",  # no "other"
        "{count, plural, one {# minute} other {# minutes}",  # not closed
        "{count, plural, few # minutes}",  # a choice without braces
    ],
)
def test_a_broken_plural_is_refused(text: str) -> None:
    """A plural the formatter can't read fails loudly (the language tests catch it)."""
    with pytest.raises(WordingError):
        fields(text)


def test_a_plural_needs_a_whole_number() -> None:
    """Counting something that isn't a count is a mistake in the code, said so."""
    with pytest.raises(WordingError):
        render(MINUTES, {"count": "2"})
