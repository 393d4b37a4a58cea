// The few parts of Home Assistant's frontend objects that the card reads. Home
// Assistant does not publish these types as a package; they mirror
// src/types.ts and src/data/*_registry.ts of home-assistant/frontend.

export interface HassEntity {
  entity_id: string;
  state: string;
  attributes: Record<string, unknown>;
  last_changed: string;
  last_updated: string;
}

export interface EntityRegistryDisplayEntry {
  entity_id: string;
  device_id?: string;
  platform?: string;
  translation_key?: string;
}

export interface DeviceRegistryEntry {
  id: string;
  name: string | null;
  name_by_user: string | null;
  config_entries: string[];
  identifiers: [string, string][];
}

export interface HomeAssistant {
  states: Record<string, HassEntity | undefined>;
  entities: Record<string, EntityRegistryDisplayEntry | undefined>;
  devices: Record<string, DeviceRegistryEntry | undefined>;
  locale?: { language: string; first_weekday?: string };
  language?: string;
  themes?: { darkMode?: boolean };
  /** The actions Home Assistant offers, by domain and name, with their fields. */
  services?: Record<string, Record<string, { fields?: Record<string, unknown> } | undefined> | undefined>;
  callService(
    domain: string,
    service: string,
    data?: Record<string, unknown>,
  ): Promise<unknown>;
  callWS<T>(message: Record<string, unknown>): Promise<T>;
  /** The state as the frontend shows it, translated (since Home Assistant 2024.4). */
  formatEntityState?(stateObj: HassEntity): string;
}

export interface BackReliefCardConfig {
  type: string;
  /** The person: the config entry id of their Back Relief entry. */
  config_entry_id?: string;
}
