"""Tests for Back Relief's daily checklist."""

from __future__ import annotations

from datetime import date
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.todo import DOMAIN as TODO_DOMAIN, TodoServices
from homeassistant.const import ATTR_ENTITY_ID, Platform
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import MockHAClientWebSocket, WebSocketGenerator
from syrupy.assertion import SnapshotAssertion

from .conftest import current, entity_action, entity_id, move_to, reload, snapshot_entities

CHECKLIST = "todo.alex_checklist"
DEFAULT_ITEMS = [
    {"uid": "vitamin_d", "summary": "Vitamin D", "status": "needs_action"},
    {"uid": "herbal_remedy", "summary": "Herbal remedy", "status": "needs_action"},
    {"uid": "sun", "summary": "A few minutes of sun", "status": "needs_action"},
]


async def _todo(hass: HomeAssistant, action: str, **data: Any) -> None:
    """Call a to-do action on the checklist and wait for its effects."""
    await entity_action(hass, CHECKLIST, action, **data)


async def _items(hass: HomeAssistant) -> list[dict[str, Any]]:
    """Return the checklist's items, in order, through the get_items action."""
    response = await hass.services.async_call(
        TODO_DOMAIN,
        TodoServices.GET_ITEMS,
        {ATTR_ENTITY_ID: CHECKLIST},
        blocking=True,
        return_response=True,
    )
    assert response is not None
    return response[CHECKLIST]["items"]  # type: ignore[index,return-value]


async def _summaries(hass: HomeAssistant) -> list[str]:
    """Return the summaries of the checklist's items, in order."""
    return [item["summary"] for item in await _items(hass)]


def _open_count(hass: HomeAssistant) -> str:
    """Return the checklist's state: how many items are still open."""
    return current(hass, CHECKLIST).state


async def _move(client: MockHAClientWebSocket, uid: str, **previous_uid: str) -> bool:
    """Move an item the way the frontend does, after previous_uid if given; return success."""
    await client.send_json_auto_id(
        {"type": "todo/item/move", "entity_id": CHECKLIST, "uid": uid, **previous_uid}
    )
    response = await client.receive_json()
    return response["success"]


async def test_todo_entities(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    config_entry: MockConfigEntry,
    snapshot: SnapshotAssertion,
) -> None:
    """The checklist exists with its name, unique id and supported features."""
    await snapshot_entities(hass, config_entry, Platform.TODO, snapshot)


async def test_checklist_starts_with_the_three_defaults(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """A new person's checklist is vitamin D, herbal remedy and a few minutes of sun, all open."""
    assert entity_id(hass, setup_entry, "todo", "checklist") == CHECKLIST

    assert await _items(hass) == DEFAULT_ITEMS
    assert _open_count(hass) == "3"


async def test_add_item_appends_an_open_item(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """An added item goes to the end of the list, open."""
    await _todo(hass, TodoServices.ADD_ITEM, item="Walk the dog")

    items = await _items(hass)
    assert [item["summary"] for item in items] == [
        "Vitamin D",
        "Herbal remedy",
        "A few minutes of sun",
        "Walk the dog",
    ]
    assert items[3]["status"] == "needs_action"
    assert _open_count(hass) == "4"


async def test_update_item_renames_and_completes(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """An item can be renamed and checked off, and opened again."""
    await _todo(hass, TodoServices.UPDATE_ITEM, item="Herbal remedy", rename="Devil's claw")
    await _todo(hass, TodoServices.UPDATE_ITEM, item="Vitamin D", status="completed")

    items = await _items(hass)
    assert items == [
        {"uid": "vitamin_d", "summary": "Vitamin D", "status": "completed"},
        {"uid": "herbal_remedy", "summary": "Devil's claw", "status": "needs_action"},
        {"uid": "sun", "summary": "A few minutes of sun", "status": "needs_action"},
    ]
    assert _open_count(hass) == "2"

    await _todo(hass, TodoServices.UPDATE_ITEM, item="vitamin_d", status="needs_action")

    assert (await _items(hass))[0]["status"] == "needs_action"
    assert _open_count(hass) == "3"


async def test_remove_item_deletes_it(hass: HomeAssistant, setup_entry: MockConfigEntry) -> None:
    """Removed items leave the list, built-in ones included."""
    await _todo(hass, TodoServices.ADD_ITEM, item="Walk the dog")

    await _todo(hass, TodoServices.REMOVE_ITEM, item=["Herbal remedy", "Walk the dog"])

    assert await _summaries(hass) == ["Vitamin D", "A few minutes of sun"]
    assert _open_count(hass) == "2"


async def test_an_unknown_item_is_refused(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """Updating or removing an item that isn't there is refused and changes nothing."""
    with pytest.raises(ServiceValidationError):
        await _todo(hass, TodoServices.UPDATE_ITEM, item="Ice bath", status="completed")
    with pytest.raises(ServiceValidationError):
        await _todo(hass, TodoServices.REMOVE_ITEM, item=["Ice bath"])

    assert await _items(hass) == DEFAULT_ITEMS


async def test_move_item_reorders_the_list(
    hass: HomeAssistant, setup_entry: MockConfigEntry, hass_ws_client: WebSocketGenerator
) -> None:
    """Moving an item puts it after another one, or at the top without one."""
    client = await hass_ws_client(hass)

    assert await _move(client, "sun")
    assert await _summaries(hass) == ["A few minutes of sun", "Vitamin D", "Herbal remedy"]

    assert await _move(client, "vitamin_d", previous_uid="herbal_remedy")
    assert await _summaries(hass) == ["A few minutes of sun", "Herbal remedy", "Vitamin D"]

    assert not await _move(client, "ice_bath")
    assert await _summaries(hass) == ["A few minutes of sun", "Herbal remedy", "Vitamin D"]

    # A refused move (unknown item to follow) changes nothing.
    assert not await _move(client, "sun", previous_uid="ice_bath")
    assert await _summaries(hass) == ["A few minutes of sun", "Herbal remedy", "Vitamin D"]


async def test_items_and_order_persist_across_reload(
    hass: HomeAssistant, setup_entry: MockConfigEntry, hass_ws_client: WebSocketGenerator
) -> None:
    """Added, renamed, removed, moved and completed items are kept when the entry reloads."""
    await _todo(hass, TodoServices.ADD_ITEM, item="Walk the dog")
    await _todo(hass, TodoServices.UPDATE_ITEM, item="A few minutes of sun", rename="Sunlight")
    await _todo(hass, TodoServices.REMOVE_ITEM, item=["Herbal remedy"])
    await _todo(hass, TodoServices.UPDATE_ITEM, item="Vitamin D", status="completed")
    walk_uid = (await _items(hass))[2]["uid"]
    assert await _move(await hass_ws_client(hass), walk_uid)

    await reload(hass, setup_entry)

    assert await _items(hass) == [
        {"uid": walk_uid, "summary": "Walk the dog", "status": "needs_action"},
        {"uid": "vitamin_d", "summary": "Vitamin D", "status": "completed"},
        {"uid": "sun", "summary": "Sunlight", "status": "needs_action"},
    ]


async def test_checklist_starts_fresh_each_day_keeping_history(
    hass: HomeAssistant, setup_entry: MockConfigEntry, frozen_time: FrozenDateTimeFactory
) -> None:
    """Completed items are kept in today's history; after local midnight all are open again."""
    await _todo(hass, TodoServices.ADD_ITEM, item="Walk the dog")
    await _todo(hass, TodoServices.UPDATE_ITEM, item="Vitamin D", status="completed")
    await _todo(hass, TodoServices.UPDATE_ITEM, item="Walk the dog", status="completed")
    walk_uid = (await _items(hass))[3]["uid"]
    assert _open_count(hass) == "2"

    # Just before midnight the day is still the same.
    await move_to(hass, frozen_time, "2026-11-25T23:59:59+01:00")
    assert _open_count(hass) == "2"

    await move_to(hass, frozen_time, "2026-11-26T00:00:01+01:00")

    assert _open_count(hass) == "4"
    assert [item["status"] for item in await _items(hass)] == ["needs_action"] * 4
    # The user's own item stays on the list; yesterday keeps what was done.
    assert await _summaries(hass) == [
        "Vitamin D",
        "Herbal remedy",
        "A few minutes of sun",
        "Walk the dog",
    ]
    history = setup_entry.runtime_data.coordinator.reader.history
    assert history.get(date(2026, 11, 25)).checklist_done == ["vitamin_d", walk_uid]
    assert history.get(date(2026, 11, 26)).checklist_done == []


async def test_completing_today_survives_a_reload_the_same_day(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """What was checked off today is still checked off after a reload."""
    await _todo(hass, TodoServices.UPDATE_ITEM, item="A few minutes of sun", status="completed")

    await reload(hass, setup_entry)

    assert (await _items(hass))[2] == {
        "uid": "sun",
        "summary": "A few minutes of sun",
        "status": "completed",
    }
    assert _open_count(hass) == "2"
