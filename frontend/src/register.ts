// Defining the card's elements so that Home Assistant's frontend finds them.
//
// Since 2026.7 the frontend replaces window.customElements with a scoped-registry
// polyfill while it boots. A module added with add_extra_js_url may run before
// that swap; its elements then live in a registry the frontend no longer asks,
// and dashboards say "Custom element doesn't exist" (home-assistant/frontend
// issues 52960 and 53890). So the elements are defined at once and again in the
// new registry once the app has booted, when it is a different one.

export interface Registry {
  get(name: string): unknown;
  define(name: string, constructor: CustomElementConstructor): void;
  whenDefined(name: string): Promise<unknown>;
}

export type Definitions = ReadonlyArray<readonly [string, CustomElementConstructor]>;

/** Define each element the registry doesn't know yet; a second copy of the card is harmless. */
export function defineMissing(registry: Registry, definitions: Definitions): string[] {
  const defined: string[] = [];
  for (const [name, constructor] of definitions) {
    if (registry.get(name)) continue;
    try {
      registry.define(name, constructor);
      defined.push(name);
    } catch (error) {
      console.warn(`Back Relief: could not define <${name}>`, error);
    }
  }
  return defined;
}

/**
 * Define the elements now, and again in the registry in use once the app's own
 * root element exists, if the app swapped registries in between.
 */
export function defineElements(
  currentRegistry: () => Registry,
  definitions: Definitions,
  appElement = "home-assistant",
): Promise<string[]> {
  const atLoad = currentRegistry();
  defineMissing(atLoad, definitions);
  return atLoad.whenDefined(appElement).then(() => {
    const now = currentRegistry();
    return now === atLoad ? [] : defineMissing(now, definitions);
  });
}
