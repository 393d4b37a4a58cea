"""Fill in the texts of the language files: Python's ``{name}`` and ICU-like plurals.

Plain Python with no Home Assistant imports. A text may say a count the way
the language does, as Home Assistant's frontend texts do:
``{count, plural, one {# minute} other {# minutes}}``; ``#`` is the count, and
``=0``-style exact matches come before ``one`` and ``other``. Everything else
is an ordinary format string.
"""

from __future__ import annotations

from collections.abc import Mapping
import re
from string import Formatter

# The opening of a plural: "{count, plural,".
_PLURAL = re.compile(r"\{(\w+)\s*,\s*plural\s*,")
# One choice of a plural: "one {", "other {", "=0 {".
_CHOICE = re.compile(r"\s*(=\d+|zero|one|two|few|many|other)\s*\{")
# Languages whose "one" also takes 0 (CLDR); the others say "one" for 1 only.
_ONE_INCLUDES_ZERO = frozenset({"fr"})


class WordingError(ValueError):
    """A text of the language files that can't be read."""


def _closing(text: str, opening: int) -> int:
    """Return the index of the brace that closes the one at ``opening``."""
    depth = 0
    for index in range(opening, len(text)):
        if text[index] == "{":
            depth += 1
        elif text[index] == "}":
            depth -= 1
            if depth == 0:
                return index
    raise WordingError(text)


def _choices(body: str) -> dict[str, str]:
    """Read ``one {...} other {...}`` into its choices."""
    choices: dict[str, str] = {}
    position = 0
    while body[position:].strip():
        match = _CHOICE.match(body, position)
        if match is None:
            raise WordingError(body)
        end = _closing(body, match.end() - 1)
        choices[match.group(1)] = body[match.end() : end]
        position = end + 1
    if "other" not in choices:
        raise WordingError(body)
    return choices


def _plurals(text: str) -> list[tuple[int, int, str, dict[str, str]]]:
    """Return each plural of a text: where it starts and ends, its name and choices."""
    found = []
    position = 0
    while (match := _PLURAL.search(text, position)) is not None:
        end = _closing(text, match.start())
        found.append((match.start(), end, match.group(1), _choices(text[match.end() : end])))
        position = end + 1
    return found


def category(language: str, count: int) -> str:
    """Return the plural category of a count: "one" or "other" in our languages."""
    if count == 1 or (count == 0 and language in _ONE_INCLUDES_ZERO):
        return "one"
    return "other"


def render(text: str, values: Mapping[str, object], language: str = "en") -> str:
    """Return a text with its plurals chosen and its values filled in."""
    parts: list[str] = []
    position = 0
    for start, end, name, choices in _plurals(text):
        count = values[name]
        if not isinstance(count, int):
            raise WordingError(f"{name} is not a whole number")
        chosen = choices.get(f"={count}", choices.get(category(language, count)))
        parts += [text[position:start], (chosen or choices["other"]).replace("#", str(count))]
        position = end + 1
    parts.append(text[position:])
    return "".join(parts).format_map(values)


def fields(text: str) -> set[str]:
    """Return the names a text fills in; a stray brace fails here."""
    names: set[str] = set()
    parts: list[str] = []
    position = 0
    for start, end, name, choices in _plurals(text):
        names.add(name)
        parts += [text[position:start], *choices.values()]
        position = end + 1
    parts.append(text[position:])
    for part in parts:
        names |= {field for _, field, _, _ in Formatter().parse(part) if field is not None}
    return names
