"""Faults of the house's devices: logged once, shown as a repair issue until fixed."""

from __future__ import annotations

from homeassistant.const import STATE_UNAVAILABLE
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import issue_registry as ir

from ..const import DOMAIN, LOGGER
from ..language.phrases import phrase

# The placeholder that carries the person's name in a repair issue; Home
# Assistant adds open repair issues to diagnostics, where it must be redacted.
PERSON_PLACEHOLDER = "person"


class DeviceFaults:
    """Tracks the speakers, lights and engines that could not be used."""

    def __init__(self, hass: HomeAssistant, entry_id: str, name: str) -> None:
        """Prepare for one person's devices."""
        self.hass = hass
        self.entry_id = entry_id
        self.name = name
        self._open: set[str] = set()

    def _issue_id(self, kind: str, entity_id: str) -> str:
        return f"{kind}_{self.entry_id}_{entity_id}"

    @callback
    def usable(self, kind: str, entity_id: str) -> bool:
        """Return whether an entity exists and is available; report it if not."""
        state = self.hass.states.get(entity_id)
        if state is None or state.state == STATE_UNAVAILABLE:
            reason = "missing" if state is None else "unavailable"
            self.report(kind, entity_id, phrase(self.hass, "faults", reason))
            return False
        return True

    @callback
    def report(self, kind: str, entity_id: str, reason: str) -> None:
        """Log a fault once and raise a repair issue that names the entity.

        ``reason`` is shown in the issue: a device's own error message, or the
        words of the language files for what Back Relief found.
        """
        issue_id = self._issue_id(kind, entity_id)
        if issue_id in self._open:
            return
        self._open.add(issue_id)
        LOGGER.warning("%s of %s can't be used (%s)", entity_id, self.name, reason)
        ir.async_create_issue(
            self.hass,
            DOMAIN,
            issue_id,
            is_fixable=False,
            severity=ir.IssueSeverity.WARNING,
            translation_key=kind,
            translation_placeholders={
                "entity_id": entity_id,
                PERSON_PLACEHOLDER: self.name,
                "reason": reason,
            },
        )

    @callback
    def fixed(self, kind: str, entity_id: str) -> None:
        """Clear a fault once the entity works again."""
        issue_id = self._issue_id(kind, entity_id)
        if issue_id in self._open:
            self._open.discard(issue_id)
            LOGGER.info("%s of %s works again", entity_id, self.name)
            ir.async_delete_issue(self.hass, DOMAIN, issue_id)

    @callback
    def clear_all(self) -> None:
        """Forget every fault, when the person is unloaded."""
        for issue_id in self._open:
            ir.async_delete_issue(self.hass, DOMAIN, issue_id)
        self._open.clear()
