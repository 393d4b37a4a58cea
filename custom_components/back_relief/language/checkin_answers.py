"""Answers heard or typed to the house's questions: a pain level, or how a session felt.

Plain Python with no Home Assistant imports. The words of each language come
from the language files (``numbers`` and ``feedback_words`` in
``speech/<lang>.json``, ways separated by "|"); this only finds them in what
was said: "four", "about a 4", "it's a six today", "not so good, seven".
"""

from __future__ import annotations

from collections.abc import Mapping
import re
import unicodedata

MAX_LEVEL = 10
FEEDBACK_ANSWERS = ("easier", "same", "harder")
ARTICLES = "articles"
# Words and numbers, with apostrophes and hyphens inside a word kept.
_TOKEN = re.compile(r"\d+|[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")


def _normal(text: str) -> str:
    """Return text folded for matching: lower case, one kind of apostrophe."""
    return unicodedata.normalize("NFC", text).casefold().replace("\u2019", "'")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(_normal(text))


def _ways(words: str) -> list[list[str]]:
    """Return each way of saying something ("a|b c") as its tokens."""
    return [tokens for way in words.split("|") if (tokens := _tokens(way))]


def _find(tokens: list[str], way: list[str]) -> list[int]:
    """Return where a way of saying something starts among the tokens."""
    size = len(way)
    return [index for index in range(len(tokens) - size + 1) if tokens[index : index + size] == way]


def parse_level(text: str, numbers: Mapping[str, str]) -> int | None:
    """Return the pain level (0 to 10) said in a sentence, or None.

    The first number said counts ("four out of ten" is 4). A word that is
    also an article ("un", "een") counts only when no other number is said.
    A number outside 0 to 10 is no answer.
    """
    tokens = _tokens(text)
    articles = {token for way in _ways(numbers.get(ARTICLES, "")) for token in way}
    found: list[tuple[int, int, bool]] = []  # position, value, is an article
    for index, token in enumerate(tokens):
        if token.isdigit():
            found.append((index, int(token), False))
    for key, words in numbers.items():
        if key == ARTICLES:
            continue
        for way in _ways(words):
            is_article = len(way) == 1 and way[0] in articles
            found.extend((index, int(key), is_article) for index in _find(tokens, way))
    if not found:
        return None
    plain = sorted(item for item in found if not item[2])
    _, value, _ = plain[0] if plain else min(found)
    return value if 0 <= value <= MAX_LEVEL else None


def parse_feedback(text: str, words: Mapping[str, str]) -> str | None:
    """Return "easier", "same" or "harder" as said in a sentence, or None.

    The first of them said counts; a longer way wins where two start together
    ("more difficult" over "difficult").
    """
    tokens = _tokens(text)
    best: tuple[int, int, str] | None = None  # position, minus length, answer
    for answer in FEEDBACK_ANSWERS:
        for way in _ways(words.get(answer, "")):
            for index in _find(tokens, way):
                candidate = (index, -len(way), answer)
                if best is None or candidate < best:
                    best = candidate
    return best[2] if best else None
