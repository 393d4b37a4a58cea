import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { defineElements, defineMissing, type Registry } from "../src/register";

class FakeRegistry implements Registry {
  readonly defined = new Map<string, CustomElementConstructor>();
  private readonly waiting = new Map<string, Array<() => void>>();

  get(name: string): unknown {
    return this.defined.get(name);
  }

  define(name: string, constructor: CustomElementConstructor): void {
    if (this.defined.has(name)) throw new Error(`${name} has already been used`);
    this.defined.set(name, constructor);
    for (const resolve of this.waiting.get(name) ?? []) resolve();
  }

  whenDefined(name: string): Promise<unknown> {
    if (this.defined.has(name)) return Promise.resolve();
    return new Promise((resolve) => {
      this.waiting.set(name, [...(this.waiting.get(name) ?? []), () => resolve(undefined)]);
    });
  }
}

const Card = class {} as unknown as CustomElementConstructor;
const Editor = class {} as unknown as CustomElementConstructor;
const App = class {} as unknown as CustomElementConstructor;
const DEFINITIONS = [
  ["back-relief-card-editor", Editor],
  ["back-relief-card", Card],
] as const;

describe("defining the elements", () => {
  it("skips elements a second copy of the card already defined", () => {
    const registry = new FakeRegistry();
    registry.define("back-relief-card", Card);
    assert.deepEqual(defineMissing(registry, DEFINITIONS), ["back-relief-card-editor"]);
  });

  it("defines again when the app swapped registries while booting", async () => {
    const native = new FakeRegistry();
    const polyfill = new FakeRegistry();
    let current: Registry = native;
    const done = defineElements(() => current, DEFINITIONS);
    assert.ok(native.get("back-relief-card"));
    // The app installs its registry, then defines its root element (on both).
    current = polyfill;
    polyfill.define("home-assistant", App);
    native.define("home-assistant", App);
    assert.deepEqual(await done, ["back-relief-card-editor", "back-relief-card"]);
    assert.equal(polyfill.get("back-relief-card"), Card);
  });

  it("defines once when the card loads after the app booted", async () => {
    const registry = new FakeRegistry();
    registry.define("home-assistant", App);
    assert.deepEqual(await defineElements(() => registry, DEFINITIONS), []);
    assert.equal(registry.get("back-relief-card"), Card);
  });
});
