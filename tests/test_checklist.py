"""Tests for the plain daily checklist."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest

from custom_components.back_relief.routine.checklist import Checklist, ChecklistItem
from custom_components.back_relief.routine.history import History
from custom_components.back_relief.routine.session import RoutineError

TODAY = date(2026, 5, 4)


def checklist() -> Checklist:
    """Return a checklist of three items."""
    return Checklist([ChecklistItem(uid, uid.title()) for uid in ("a", "b", "c")])


def uids(items: Checklist) -> list[str]:
    """Return the items' uids in order."""
    return [item.uid for item in items]


def test_done_is_kept_per_day() -> None:
    """An item checked today is open again tomorrow."""
    items, history = checklist(), History()
    items.update("b", None, done=True, history=history, today=TODAY)
    assert history.get(TODAY).checklist_done == ["b"]
    assert history.get(TODAY + timedelta(days=1)).checklist_done == []
    items.update("b", "Bee", done=False, history=history, today=TODAY)
    assert history.get(TODAY).checklist_done == []
    assert items.item("b").summary == "Bee"


def test_a_rename_alone_leaves_the_history_untouched() -> None:
    """Only a change of done edits the day."""
    items, history = checklist(), History()
    items.update("a", "Ay", done=None, history=history, today=TODAY)
    items.update("a", None, done=False, history=history, today=TODAY)
    assert history.revision == 0


def test_move_after_another_or_to_the_top() -> None:
    """Items move after their new neighbour; without one, to the top."""
    items = checklist()
    items.move("a", "c")
    assert uids(items) == ["b", "c", "a"]
    items.move("a", None)
    assert uids(items) == ["a", "b", "c"]


@pytest.mark.parametrize(
    "change",
    [
        lambda items: items.move("a", "nope"),
        lambda items: items.move("nope", "a"),
        lambda items: items.remove(["a", "nope"]),
        lambda items: items.update("nope", "x", done=True, history=History(), today=TODAY),
    ],
    ids=["move_after_unknown", "move_unknown", "remove_with_unknown", "update_unknown"],
)
def test_an_unknown_item_refuses_the_whole_change(change: Callable[[Checklist], None]) -> None:
    """A refusal names the unknown item and changes nothing."""
    items = checklist()
    with pytest.raises(RoutineError) as refused:
        change(items)
    assert refused.value.key == "unknown_checklist_item"
    assert refused.value.placeholders == {"uid": "nope"}
    assert uids(items) == ["a", "b", "c"]


def test_add_remove_and_the_stored_form() -> None:
    """Added items come last; the stored form reads back the same."""
    items = checklist()
    items.add("d", "Dee")
    items.remove(["a"])
    assert uids(items) == ["b", "c", "d"]
    assert uids(Checklist.from_list(items.as_list())) == ["b", "c", "d"]
