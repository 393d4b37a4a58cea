import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";

import { cardLanguage, cardTexts, loadTexts, plural, translate } from "../src/i18n";

const LANGUAGES = ["en", "de", "fr", "es", "nl"];

function flatten(texts: Record<string, unknown>, prefix = ""): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(texts)) {
    if (typeof value === "string") flat[`${prefix}${key}`] = value;
    else Object.assign(flat, flatten(value as Record<string, unknown>, `${prefix}${key}.`));
  }
  return flat;
}

/** What Home Assistant's frontend/get_translations answers for the card in a language. */
function resources(language: string): Record<string, string> {
  const file = new URL(`../../custom_components/back_relief/translations/${language}.json`, import.meta.url);
  const card = JSON.parse(readFileSync(file, "utf-8")).card as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(flatten(card)).map(([key, value]) => [`component.back_relief.card.${key}`, value]),
  );
}

describe("the card's texts", () => {
  it("come from the integration's language files, in all five languages", () => {
    const english = Object.keys(resources("en")).sort();
    assert.ok(english.length > 40);
    for (const language of LANGUAGES) {
      assert.deepEqual(Object.keys(resources(language)).sort(), english, language);
    }
  });

  it("fill in their placeholders", () => {
    const de = cardTexts("de", resources("de"));
    assert.equal(translate(de, "step_of", { number: 3, count: 8 }), "Schritt 3 von 8");
    const en = cardTexts("en", resources("en"));
    assert.equal(translate(en, "step_of", { number: 3, count: 8 }), "Step 3 of 8");
    assert.equal(translate(en, "best", { days: "7 days" }), "best 7 days");
  });

  it("count days in each language's plural forms", () => {
    const en = cardTexts("en", resources("en"));
    assert.equal(plural(en, "days", 1), "1 day");
    assert.equal(plural(en, "days", 0), "0 days");
    const fr = cardTexts("fr", resources("fr"));
    assert.equal(plural(fr, "days", 0), "0 jour"); // French counts 0 as one
    assert.equal(plural(fr, "days", 2), "2 jours");
  });

  it("show the key while the texts are missing, never nothing", () => {
    assert.equal(translate(undefined, "next_step"), "next_step");
    assert.equal(translate(cardTexts("en", {}), "step_of", { number: 1 }), "step_of");
  });

  it("are asked for once per language, and follow the user's language", async () => {
    const asked: unknown[] = [];
    const hass = {
      callWS: <T>(message: Record<string, unknown>): Promise<T> => {
        asked.push(message);
        return Promise.resolve({ resources: resources(String(message.language)) } as T);
      },
    };
    const first = await loadTexts(hass, "nl");
    const again = await loadTexts(hass, "nl");
    assert.equal(first, again);
    assert.deepEqual(asked, [
      { type: "frontend/get_translations", language: "nl", category: "card", integration: ["back_relief"] },
    ]);
    assert.equal(translate(first, "next_step"), "Volgende stap");
    assert.equal(cardLanguage({ locale: { language: "es" }, language: "en" }), "es");
    assert.equal(cardLanguage({}), "en");
  });
});
