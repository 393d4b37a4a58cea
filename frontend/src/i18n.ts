// The card's words come from the integration's own language files: the `card`
// section of custom_components/back_relief/translations/<language>.json, read
// through Home Assistant's translation API, so the card speaks the five
// languages of the integration and a new text is written once, per language.

import type enTranslations from "../../custom_components/back_relief/translations/en.json";
import type { HomeAssistant } from "./types";

type CardTexts = (typeof enTranslations)["card"];
type Paths<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${Paths<T[K]>}`;
}[keyof T & string];

/** Every key of the card's texts, checked against en.json when the card is type-checked. */
export type TextKey = Paths<CardTexts>;

/** What a text's `{placeholder}` is filled with. */
export type Values = Record<string, string | number>;

export const TRANSLATION_PREFIX = "component.back_relief.card.";

export interface Texts {
  language: string;
  strings: Record<string, string>;
}

/** The card's texts from Home Assistant's answer to frontend/get_translations. */
export function cardTexts(language: string, resources: Record<string, unknown>): Texts {
  const strings: Record<string, string> = {};
  for (const [key, value] of Object.entries(resources)) {
    if (key.startsWith(TRANSLATION_PREFIX) && typeof value === "string") {
      strings[key.slice(TRANSLATION_PREFIX.length)] = value;
    }
  }
  return { language, strings };
}

/** A text with its placeholders filled in; the key itself while the texts are missing. */
export function translate(texts: Texts | undefined, key: TextKey, values: Values = {}): string {
  const template = texts?.strings[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/** A counted text (`days.one`, `days.other`) in the language's plural form. */
export function plural(
  texts: Texts | undefined,
  key: "days",
  count: number,
): string {
  const language = texts?.language || "en";
  const form = new Intl.PluralRules(language).select(count);
  const chosen = `${key}.${form}`;
  const found = texts?.strings[chosen] !== undefined ? (chosen as TextKey) : (`${key}.other` as TextKey);
  return translate(texts, found, { count });
}

/** The card's texts in a language, loaded once per page and language. */
const textsByLanguage = new Map<string, Promise<Texts>>();

/** Ask Home Assistant for the card section of the integration's language file. */
export function loadTexts(hass: Pick<HomeAssistant, "callWS">, language: string): Promise<Texts> {
  let texts = textsByLanguage.get(language);
  if (!texts) {
    texts = hass
      .callWS<{ resources: Record<string, unknown> }>({
        type: "frontend/get_translations",
        language,
        category: "card",
        integration: ["back_relief"],
      })
      .then((answer) => cardTexts(language, answer.resources));
    texts.catch(() => textsByLanguage.delete(language));
    textsByLanguage.set(language, texts);
  }
  return texts;
}

/** The card follows the user's language in Home Assistant's profile. */
export function cardLanguage(hass: Pick<HomeAssistant, "locale" | "language">): string {
  return hass.locale?.language || hass.language || "en";
}
