"""What a person asks of their routine, parsed from a whole sentence in any wording.

Plain Python with no Home Assistant imports. The words of each language come
from the language files (``understand``, ``numbers`` and ``minute_numbers`` in
``speech/<lang>.json``, ways separated by "|"; a way ending in "*" matches the
start of a word, for compounds such as "Dehnübungen", one starting with "*" its
end ("inversiereeks"), and "~" stands for a few words in between, for verbs said
in two parts: "leg mich ~ hin", "hak ~ ab"). This finds them in what
was said, wherever they are, so filler, a second clause or a word order never
written down still leads to the request: "okay so, yoga time, make it twenty
minutes", "ich habe heute früh zwanzig Minuten gedehnt".

It answers only when it is sure: a request it can't tell whole (a log without
minutes, two things at once, a "don't") is None, so nothing changes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
import re
import unicodedata

from .checkin_answers import parse_level
from .texts import group

ACTIVITIES = ("exercise", "stretch", "inversion", "rest")
ITEMS = ("vitamin_d", "herbal_remedy", "sun")
# The requests about the session going, in the order a word of them wins when two
# are said ("hang on, I'll carry on in a minute" pauses nothing: resume is first).
SESSION_ACTIONS = ("resume", "pause", "stop")
MAX_MINUTES = 600
MINUTES_PER_HOUR = 60
TENS_LIMIT = 100
# Words and numbers; "flare-up", "l'heure" and "I'm" are two words each.
# Someone's routine named with a possessive ("Sam's yoga"); a capital marks a name.
_POSSESSIVE = re.compile(r"(?<!^)\b([A-Z][^\W\d_]+)['\u2019]s?\b")
_TOKEN = re.compile(r"\d+(?:[.,]\d+)?|[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class Request:
    """One request: what is asked and what it needs.

    ``action`` is one of start, pause, resume, stop, cancel, extend,
    time_left, streak, log, pain, flare_up, check.
    """

    action: str
    activity: str | None = None
    minutes: float | None = None
    level: int | None = None
    state: str | None = None
    item: str | None = None
    person: str | None = None


def _fold(text: str) -> str:
    """Return text folded for matching: lower case, no accents, one apostrophe."""
    text = unicodedata.normalize("NFKD", text.casefold().replace("\u2019", "'"))
    return "".join(char for char in text if not unicodedata.combining(char))


def tokens(text: str) -> list[str]:
    """Return the words and numbers said, folded."""
    return _TOKEN.findall(_fold(text))


# How many words "~" stands for at most ("leg mich jetzt für eine halbe Stunde hin").
GAP = 6
_GAP = "~"
_ANY = "*"


@lru_cache(maxsize=4096)
def _ways(words: str) -> tuple[tuple[str, ...], ...]:
    """Return the ways of a key as words, each marked "*" at an end it may run on past."""
    ways = []
    for way in words.split("|"):
        marked: list[str] = []
        for part in way.split(_GAP):
            said = tokens(part)
            if not said:
                continue
            if part.strip().endswith(_ANY):
                said[-1] += _ANY
            if part.strip().startswith(_ANY):
                said[0] = _ANY + said[0]
            marked.extend([_GAP, *said] if marked else said)
        if marked:
            ways.append(tuple(marked))
    return tuple(ways)


def _word_is(word: str, way: str) -> bool:
    """Return whether a word said is a word of a way ("dehn*" is "dehnübungen")."""
    if way.endswith(_ANY):
        return word.startswith(way[:-1])
    if way.startswith(_ANY):
        return word.endswith(way[1:])
    return word == way


def _matches(said: list[str], index: int, way: tuple[str, ...]) -> int:
    """Return how many words a way takes at a place, 0 when it isn't said there."""
    at = index
    for place, word in enumerate(way):
        if word == _GAP:
            rest = way[place + 1 :]
            for skipped in range(GAP + 1):
                if size := _matches(said, at + skipped, rest):
                    return at + skipped + size - index
            return 0
        if at >= len(said) or not _word_is(said[at], word):
            return 0
        at += 1
    return at - index


@dataclass(frozen=True, slots=True)
class _Found:
    key: str
    start: int
    size: int


class _Words:
    """The words of one language, found in one sentence."""

    def __init__(self, said: list[str], words: Mapping[str, str]) -> None:
        self.said = said
        self.words = words
        self._cache: dict[str, list[_Found]] = {}
        self._at: dict[str, list[int]] = {}
        for index, word in enumerate(said):
            self._at.setdefault(word, []).append(index)

    def _places(self, way: tuple[str, ...]) -> Iterable[int]:
        """Return where a way may start: where its first word is said."""
        if _ANY in way[0]:
            return (index for index, word in enumerate(self.said) if _word_is(word, way[0]))
        return self._at.get(way[0], ())

    def find(self, key: str) -> list[_Found]:
        """Return where the ways of a key are said, longest first at each place."""
        if key not in self._cache:
            found: list[_Found] = []
            for way in _ways(self.words.get(key, "")):
                found.extend(
                    _Found(key, index, size)
                    for index in self._places(way)
                    if (size := _matches(self.said, index, way))
                )
            self._cache[key] = sorted(found, key=lambda item: (item.start, -item.size))
        return self._cache[key]

    def has(self, key: str) -> bool:
        return bool(self.find(key))

    def last(self, keys: tuple[str, ...]) -> str | None:
        """Return the key said last among several (the first listed on a tie).

        The last word stands: "c'est bon, je suis sur la table, reprends" resumes.
        """
        best: tuple[int, int, str] | None = None
        for order, key in enumerate(keys):
            for found in self.find(key):
                candidate = (-found.start, order, key)
                if best is None or candidate < best:
                    best = candidate
        return best[2] if best else None

    def which(self, keys: tuple[str, ...]) -> set[str]:
        return {key for key in keys if self.has(key)}


def _number_words(numbers: Mapping[str, str]) -> dict[str, int]:
    return _number_values(tuple((key, words) for key, words in numbers.items() if key.isdigit()))


@lru_cache(maxsize=64)
def _number_values(numbers: tuple[tuple[str, str], ...]) -> dict[str, int]:
    """Return the value of each number said as one word, from a language's numbers."""
    found: dict[str, int] = {}
    for key, words in numbers:
        for way in words.split("|"):
            folded = " ".join(tokens(way))
            if folded and " " not in folded:
                found.setdefault(folded, int(key))
    return found


def _compound(word: str, values: dict[str, int], joiners: list[str]) -> int | None:
    """Return a number said as one word of two: "fünfundzwanzig", "vijfentwintig"."""
    for joiner in joiners:
        at = word.find(joiner, 1)
        while at > 0:
            head, tail = word[:at], word[at + len(joiner) :]
            if head in values and tail in values:
                unit, tens = values[head], values[tail]
                if 0 < unit < 10 <= tens < TENS_LIMIT and tens % 10 == 0:  # noqa: PLR2004
                    return tens + unit
            at = word.find(joiner, at + 1)
    return None


def numbers_said(said: list[str], words: Mapping[str, str]) -> list[tuple[int, int, float]]:
    """Return each number said as (first word, words taken, value).

    "twenty five", "vingt et un", "treinta y cinco" are one number; so are
    "fünfundzwanzig" and "vijfentwintig".
    """
    values = _number_words(words)
    joiners = [" ".join(tokens(way)) for way in words.get("joiner", "").split("|")]
    joiners = [joiner for joiner in joiners if joiner]
    found: list[tuple[int, int, float]] = []
    index = 0
    while index < len(said):
        word = said[index]
        value: float | None = None
        if word[0].isdigit():
            value = float(word.replace(",", "."))
        elif word in values:
            value = values[word]
        elif (compound := _compound(word, values, joiners)) is not None:
            value = compound
        if value is None:
            index += 1
            continue
        size = 1
        if value >= 20 and value < TENS_LIMIT and value % 10 == 0:  # noqa: PLR2004
            after = index + 1
            if after < len(said) and said[after] in joiners:
                after += 1
            if after < len(said) and 0 < values.get(said[after], 0) < 10:  # noqa: PLR2004
                value += values[said[after]]
                size = after - index + 1
        found.append((index, size, value))
        index += size
    return found


class _Understanding:
    """One sentence, understood with one language's words."""

    def __init__(self, text: str, words: Mapping[str, str], *, running: bool) -> None:
        self.text = text
        self.running = running
        self.words = words
        self.said = tokens(text)
        self.found = _Words(self.said, words)
        self.numbers = numbers_said(self.said, words)

    def activity(self) -> str | None:
        """Return the one activity named; None when none or two are."""
        named = self.found.which(ACTIVITIES)
        if len(named) > 1 and "stretch" in named:
            named.discard("exercise")  # "stretching exercises" are stretches.
        if len(named) > 1 and "inversion" in named:
            named.discard("rest")  # "lie down on the inversion table" hangs.
        return named.pop() if len(named) == 1 else None

    def item(self) -> str | None:
        named = self.found.which(ITEMS)
        return named.pop() if len(named) == 1 else None

    def minutes(self, *, bare: bool) -> float | None:
        """Return the length said, or None.

        A length is a number of minutes or hours, or a length in words ("half
        an hour", "an hour and a half"); with ``bare``, a lone number is
        minutes too ("give me another ten").
        """
        for key, value in (("duration_90", 90.0), ("duration_75", 75.0), ("duration_45", 45.0)):
            if self.found.has(key):
                return value
        for start, size, value in self.numbers:
            if self._is_unit("minute", start + size):
                return value
            if self._is_unit("hour", start + size):
                return value * MINUTES_PER_HOUR
        for key, value in (("duration_15", 15.0), ("duration_30", 30.0), ("duration_60", 60.0)):
            if self.found.has(key):
                return value
        if (after_for := self._after_for()) is not None:
            return after_for  # "stretch for 20"
        return self.numbers[0][2] if bare and self.numbers else None

    def _after_for(self) -> float | None:
        """Return a number said right after "for" ("stretch for 20"), or None."""
        for start, _, value in self.numbers:
            if any(found.start + found.size == start for found in self.found.find("for")):
                return value
        return None

    def asks(self) -> bool:
        """Return whether the sentence opens as a question ("when is...", "is the...")."""
        return any(found.start == 0 for found in self.found.find("question"))

    def _is_unit(self, unit: str, index: int) -> bool:
        return any(found.start == index for found in self.found.find(unit))

    def understand(self) -> Request | None:  # noqa: C901, PLR0911, PLR0912 - one rule a line
        """Return the request said, or None when it isn't clear."""
        found = self.found
        if not self.said:
            return None
        if found.has("flare_up"):
            return Request("flare_up", state="off" if found.has("flare_up_over") else "on")
        if found.has("device"):
            return None  # "cancel the timer", "pause the music": the house's own.
        activity = self.activity()
        if found.has("cancel") and not (found.has("past") and self.minutes(bare=False)):
            return Request("cancel", activity=activity)
        if found.has("negation"):
            return None
        if (item := self.item()) is not None and not found.has("streak"):
            return Request("check", item=item)
        if found.has("streak"):
            return Request("streak", activity=activity)
        # Said in the past, unless a start comes after it ("I was going to do
        # this earlier, oh well, start yoga"); asked to be put down, always.
        past = found.has("log") or (found.has("past") and found.last(("past", "start")) == "past")
        length = self.minutes(bare=False)
        if found.has("pain") and not (activity and length):
            level = parse_level(self.text, self._pain_numbers())
            if level is not None:
                return Request("pain", level=level)
        if found.has("time_left") and not past and (self.running or not found.has("start")):
            return Request("time_left", activity=activity)
        # "add ten minutes" while a session goes lengthens it.
        adding = self.running and found.has("add") and length is not None
        extending = found.has("extend") or adding
        # With nothing running, "an hour and a half of rest, I can't go on any
        # more" starts one.
        if extending and (self.running or activity is None) and not found.has("past"):
            minutes = self.minutes(bare=True)
            return None if minutes is None else Request("extend", minutes=minutes)
        if self.asks():
            # "when is my yoga done" asks; it ends nothing.
            return Request("time_left", activity=activity) if self.running else None
        if past and activity and length is not None:
            return Request("log", activity=activity, minutes=length)
        if not self.running and activity and (length or found.has("start")) and not past:
            # Nothing runs to pause or stop: "tell me when it's over" only follows a start.
            return Request("start", activity=activity, minutes=length)
        if (session := found.last(SESSION_ACTIONS)) is not None:
            if found.has("log"):
                return None
            return Request(session, activity=activity)
        if activity is None or found.has("log") or (past and not found.has("start")):
            return None
        return Request("start", activity=activity, minutes=length)

    def _pain_numbers(self) -> dict[str, str]:
        return {
            key: value
            for key, value in self.words.items()
            if (key.isdigit() and int(key) <= 10) or key == "articles"  # noqa: PLR2004
        }


def whose(text: str, names: Iterable[str]) -> tuple[str | None, bool]:
    """Return the person named in a sentence, and whether someone unknown is named."""
    said = tokens(text)
    for name in sorted(names, key=len, reverse=True):
        way = tokens(name)
        if way and any(said[at : at + len(way)] == way for at in range(len(said))):
            return name, False
    return None, _POSSESSIVE.search(text.strip()) is not None


def understand(
    text: str, words: Mapping[str, str], names: Iterable[str] = (), *, running: bool = False
) -> Request | None:
    """Return what a sentence asks of the routine, or None when it isn't clear.

    ``words`` is a language's ``understand`` group with its ``numbers`` and
    ``minute_numbers`` in it; ``names`` are the people whose routine may be named;
    ``running`` is whether a session is going.
    A sentence naming someone else's routine ("Kim's yoga") is not understood.
    """
    person, someone_else = whose(text, names)
    if someone_else:
        return None
    request = _Understanding(text, words, running=running).understand()
    if request is None:
        return None
    if request.minutes is not None and not 0 < request.minutes <= MAX_MINUTES:
        return None
    return replace(request, person=person) if person else request


def words_for(language: str) -> dict[str, str]:
    """Return a language's words for ``understand``: its numbers and its request words."""
    return {
        **group(language, "numbers"),
        **group(language, "minute_numbers"),
        **group(language, "understand"),
    }
