"""What Back Relief answers through Assist: short, concrete sentences in each language.

Plain Python with no Home Assistant imports. The words are in the language
files (``answers`` in ``speech/<language>.json``); a key ending in ``.named`` is
the variant that names the person, used when several people share the house or
the person was named.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import timedelta

from ..language.texts import base_language, group
from ..language.wording import render
from ..routine.day import Activity, Goal

ANSWERS = "answers"


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


@dataclass(frozen=True, slots=True)
class Answers:
    """The answers of one language, for one person.

    ``name`` is the person's name when the answer should say it, else None.
    ``refusals`` are the actions' error messages in the same language, by
    their key: an ``error.`` answer the answers don't word themselves is one.
    """

    language: str
    name: str | None = None
    refusals: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def for_language(cls, language: str | None, name: str | None = None) -> Answers:
        """Return the answers of a language ("de-CH" speaks "de"); English otherwise."""
        return cls(base_language(language), name)

    def naming(self, name: str | None) -> Answers:
        """Return the same answers, naming this person (or nobody)."""
        return replace(self, name=name)

    def with_refusals(self, refusals: Mapping[str, str]) -> Answers:
        """Return the same answers, with the actions' error messages to reuse."""
        return replace(self, refusals=refusals)

    def refusal(self, key: str, placeholders: Mapping[str, object]) -> str | None:
        """Return an action's error message with its values, None when there is none."""
        message = self.refusals.get(key)
        return None if message is None else render(message, placeholders, self.language)

    def text(self, key: str, **values: object) -> str:
        """Return one answer; the named variant when there is a name and one exists."""
        table = self._table
        if self.name is not None and f"{key}.named" in table:
            key = f"{key}.named"
        for_whom = render(table["for_whom"], {"name": self.name}) if self.name else ""
        template = table.get(key) or self.refusals[key.removeprefix("error.")]
        return render(
            template, {"name": self.name or "", "for_whom": for_whom, **values}, self.language
        )

    @property
    def _table(self) -> dict[str, str]:
        return group(self.language, ANSWERS)

    def addition(self, key: str) -> str:
        """Return an optional addition to an answer, or nothing."""
        return self._table.get(key, "")

    def activity(self, activity: Activity) -> str:
        """Return an activity's name, as said mid-sentence."""
        return self._table[f"activity.{activity}"]

    def activity_title(self, activity: Activity) -> str:
        """Return an activity's name, as said at the start of a sentence."""
        return _capitalize(self.activity(activity))

    def streak_name(self, goal: Goal) -> str:
        """Return the name of a goal's streak."""
        return self._table[f"streak.{goal}"]

    def checklist_item(self, uid: str) -> str:
        """Return the name of one of the checklist's own items."""
        return group(self.language, "checklist").get(uid, uid)

    def minutes(self, count: int) -> str:
        """Return "1 minute", "12 minutes"."""
        return self._count("minutes", count)

    def days(self, count: int) -> str:
        """Return "1 day", "5 days"."""
        return self._count("days", count)

    def remaining(self, remaining: timedelta) -> str:
        """Return the time left, to the nearest minute; under a minute, say so."""
        seconds = remaining.total_seconds()
        if seconds < 60:  # noqa: PLR2004
            return self._table["less_than_a_minute"]
        return self.minutes(int((seconds + 30) // 60))

    def names(self, names: Iterable[str]) -> str:
        """Return "Alex, Kim or Sam"."""
        listed = list(names)
        if len(listed) < 2:  # noqa: PLR2004
            return "".join(listed)
        return ", ".join(listed[:-1]) + self._table["or"] + listed[-1]

    def _count(self, unit: str, count: int) -> str:
        return render(self._table[unit], {"count": count}, self.language)
