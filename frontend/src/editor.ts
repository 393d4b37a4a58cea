// The card's visual editor, in Home Assistant's own style: an ha-form with a
// config-entry selector that lists the Back Relief people.

import { LitElement, html, type TemplateResult } from "lit";

import { cardLanguage, loadTexts, translate, type Texts } from "./i18n";
import { DOMAIN } from "./logic";
import type { BackReliefCardConfig, HomeAssistant } from "./types";

export const EDITOR_SCHEMA = [
  { name: "config_entry_id", selector: { config_entry: { integration: DOMAIN } } },
] as const;

/** Load ha-form when no dashboard editor has loaded it yet (it is the frontend's own). */
async function ensureForm(): Promise<void> {
  if (customElements.get("ha-form")) return;
  const entities = customElements.get("hui-entities-card") as
    | { getConfigElement?: () => Promise<unknown> }
    | undefined;
  await entities?.getConfigElement?.();
}

export class BackReliefCardEditor extends LitElement {
  static override properties = {
    hass: { attribute: false },
    _config: { state: true },
    _texts: { state: true },
  };

  declare hass?: HomeAssistant;
  declare _config?: BackReliefCardConfig;
  declare _texts?: Texts;

  setConfig(config: BackReliefCardConfig): void {
    this._config = config;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void ensureForm().then(() => this.requestUpdate());
  }

  protected override shouldUpdate(changed: Map<PropertyKey, unknown>): boolean {
    // Only the language matters, not every state change in the house.
    if (!changed.has("hass") || changed.size > 1) return true;
    const previous = changed.get("hass") as HomeAssistant | undefined;
    return previous?.locale !== this.hass?.locale || !this._texts;
  }

  protected override willUpdate(): void {
    const hass = this.hass;
    const language = hass && cardLanguage(hass);
    if (hass && language && language !== this._texts?.language) {
      void loadTexts(hass, language).then((texts) => (this._texts = texts));
    }
  }

  protected override render(): TemplateResult {
    if (!this.hass || !this._config) return html``;
    return html`<ha-form
      .hass=${this.hass}
      .data=${this._config}
      .schema=${EDITOR_SCHEMA}
      .computeLabel=${() => translate(this._texts, "person")}
      @value-changed=${this._changed}
    ></ha-form>`;
  }

  private _changed(event: CustomEvent<{ value: Partial<BackReliefCardConfig> }>): void {
    event.stopPropagation();
    const entryId = event.detail.value.config_entry_id;
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
