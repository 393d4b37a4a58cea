// The card's visual editor: picks the person. A plain <select>, because
// Home Assistant's own pickers (ha-*) are internal and change without notice.

import { LitElement, html, type TemplateResult } from "lit";

import { findPeople } from "./logic";
import { editorStyles } from "./styles";
import type { BackReliefCardConfig, HomeAssistant } from "./types";

export class BackReliefCardEditor extends LitElement {
  static override styles = editorStyles;

  static override properties = {
    hass: { attribute: false },
    _config: { state: true },
  };

  declare hass?: HomeAssistant;
  declare _config?: BackReliefCardConfig;

  setConfig(config: BackReliefCardConfig): void {
    this._config = config;
  }

  protected override shouldUpdate(changed: Map<PropertyKey, unknown>): boolean {
    // Only the list of people matters, not every state change in the house.
    if (!changed.has("hass") || changed.size > 1) return true;
    const previous = changed.get("hass") as HomeAssistant | undefined;
    return previous?.devices !== this.hass?.devices;
  }

  protected override render(): TemplateResult {
    if (!this.hass || !this._config) return html``;
    const people = findPeople(this.hass);
    if (people.length === 0) {
      return html`<p>
        Nobody has Back Relief yet. Add it for a person under Settings → Devices &amp; services,
        then come back here.
      </p>`;
    }
    const selected = this._config.config_entry_id ?? "";
    const known = people.some((person) => person.entryId === selected);
    return html`<label>
      Person
      <select @change=${this._changed}>
        ${known ? "" : html`<option value="" ?selected=${true} disabled>Choose a person</option>`}
        ${people.map(
          (person) =>
            html`<option value=${person.entryId} ?selected=${person.entryId === selected}>
              ${person.name}
            </option>`,
        )}
      </select>
    </label>`;
  }

  private _changed(event: Event): void {
    const entryId = (event.target as HTMLSelectElement).value;
    if (!this._config || !entryId || entryId === this._config.config_entry_id) return;
    this._config = { ...this._config, config_entry_id: entryId };
    this.dispatchEvent(
      new CustomEvent("config-changed", {
        detail: { config: this._config },
        bubbles: true,
        composed: true,
      }),
    );
  }
}
