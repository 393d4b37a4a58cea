"""The daily checklist: items kept across days, each day starting with all of them open.

Plain, typed Python with no Home Assistant imports. Which items are done is
kept in each day's log; the list of items is kept here.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .history import History
from .session import RoutineError


@dataclass(slots=True)
class ChecklistItem:
    """A daily checklist item; each day starts with it open."""

    uid: str
    summary: str


@dataclass(slots=True)
class Checklist:
    """The items of the daily checklist, in the person's order."""

    items: list[ChecklistItem] = field(default_factory=list)

    def __iter__(self) -> Iterator[ChecklistItem]:
        """Go through the items in order."""
        return iter(self.items)

    def item(self, uid: str) -> ChecklistItem:
        """Return an item, or refuse an unknown one."""
        for item in self.items:
            if item.uid == uid:
                return item
        raise RoutineError("unknown_checklist_item", uid=uid)

    def add(self, uid: str, summary: str) -> ChecklistItem:
        """Add an item to every day's checklist."""
        item = ChecklistItem(uid, summary)
        self.items.append(item)
        return item

    def update(
        self, uid: str, summary: str | None, *, done: bool | None, history: History, today: date
    ) -> None:
        """Rename an item, or check it (or uncheck it) for today."""
        item = self.item(uid)
        if summary is not None:
            item.summary = summary
        if done is not None and done != (uid in history.get(today).checklist_done):
            done_today = history.edit(today).checklist_done
            if done:
                done_today.append(uid)
            else:
                done_today.remove(uid)

    def remove(self, uids: list[str]) -> None:
        """Remove items; an unknown one refuses the whole removal."""
        for uid in uids:
            self.item(uid)
        self.items = [item for item in self.items if item.uid not in uids]

    def move(self, uid: str, previous_uid: str | None) -> None:
        """Move an item after another one, or to the top."""
        item = self.item(uid)
        # Both items are looked up before anything moves: a refusal changes nothing.
        anchor = self.item(previous_uid) if previous_uid is not None else None
        self.items.remove(item)
        position = 0 if anchor is None else self.items.index(anchor) + 1
        self.items.insert(position, item)

    def as_list(self) -> list[dict[str, str]]:
        """Return the JSON-ready form used for storage."""
        return [{"uid": item.uid, "summary": item.summary} for item in self.items]

    @classmethod
    def from_list(cls, stored: list[dict[str, Any]]) -> Checklist:
        """Rebuild the checklist from its stored form."""
        return cls([ChecklistItem(str(item["uid"]), str(item["summary"])) for item in stored])
