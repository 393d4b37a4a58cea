"""The daily checklist: vitamin D, herbal remedy, sun and the person's own items."""

from __future__ import annotations

from homeassistant.components.todo import (
    TodoItem,
    TodoItemStatus,
    TodoListEntity,
    TodoListEntityFeature,
)
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.entity import EntityDescription
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .data import BackReliefConfigEntry
from .entity import BackReliefEntity

PARALLEL_UPDATES = 0

CHECKLIST = EntityDescription(key="checklist")


async def async_setup_entry(
    hass: HomeAssistant,
    entry: BackReliefConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Set up a person's checklist."""
    async_add_entities([BackReliefChecklist(entry.runtime_data.coordinator, CHECKLIST)])


class BackReliefChecklist(BackReliefEntity, TodoListEntity):
    """Today's checklist; it starts fresh at local midnight."""

    _attr_supported_features = (
        TodoListEntityFeature.CREATE_TODO_ITEM
        | TodoListEntityFeature.UPDATE_TODO_ITEM
        | TodoListEntityFeature.DELETE_TODO_ITEM
        | TodoListEntityFeature.MOVE_TODO_ITEM
    )

    @callback
    def _handle_coordinator_update(self) -> None:
        """Write a changed count; tell the open lists about renamed or checked items."""
        super()._handle_coordinator_update()
        self.async_update_listeners()

    @property
    def todo_items(self) -> list[TodoItem]:
        """Return today's items with today's status."""
        return [
            TodoItem(
                summary=item.summary,
                uid=item.uid,
                status=TodoItemStatus.COMPLETED
                if self.coordinator.reader.checklist_done(item.uid)
                else TodoItemStatus.NEEDS_ACTION,
            )
            for item in self.coordinator.reader.checklist
        ]

    async def async_create_todo_item(self, item: TodoItem) -> None:
        """Add an item to every day's checklist."""
        created = self.coordinator.commands.add_checklist_item(item.summary or "")
        if item.status == TodoItemStatus.COMPLETED:
            self.coordinator.commands.update_checklist_item(created.uid, None, done=True)

    async def async_update_todo_item(self, item: TodoItem) -> None:
        """Rename an item or check it off for today."""
        self.coordinator.commands.update_checklist_item(
            item.uid or "",
            item.summary,
            done=None if item.status is None else item.status == TodoItemStatus.COMPLETED,
        )

    async def async_delete_todo_items(self, uids: list[str]) -> None:
        """Remove items from the checklist."""
        self.coordinator.commands.remove_checklist_items(uids)

    async def async_move_todo_item(self, uid: str, previous_uid: str | None = None) -> None:
        """Reorder the checklist."""
        self.coordinator.commands.move_checklist_item(uid, previous_uid)
