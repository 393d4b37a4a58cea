import assert from "node:assert/strict";
import { describe, it } from "node:test";

import {
  cardSize,
  formatCountdown,
  nextTickDelayOf,
  readSession,
  readStep,
  remainingMs,
  stepRemainingMs,
  stretchRoutine,
} from "../src/logic";
import type { HassEntity } from "../src/types";

function state(entity_id: string, value: string, attributes: Record<string, unknown> = {}): HassEntity {
  const now = "2026-11-25T08:00:00+00:00";
  return { entity_id, state: value, attributes, last_changed: now, last_updated: now };
}

const START = Date.parse("2026-11-25T08:00:00Z");

const GUIDED = {
  status: "running",
  started_at: "2026-11-25T08:00:00+00:00",
  ends_at: "2026-11-25T08:07:00+00:00",
  planned_minutes: 7,
  routine: "gentle_back",
  step: "Single knee to chest",
  step_side: "left",
  step_number: 3,
  step_count: 9,
  step_cue: "Bring one knee to your chest, the other leg long.",
  step_ends_at: "2026-11-25T08:01:35+00:00",
};

describe("a guided routine's step", () => {
  it("reads the step, its side, its cue and where it stands", () => {
    assert.deepEqual(readStep(GUIDED), {
      name: "Single knee to chest",
      side: "left",
      cue: "Bring one knee to your chest, the other leg long.",
      number: 3,
      count: 9,
      endsAt: Date.parse("2026-11-25T08:01:35Z"),
    });
  });

  it("is no step for a plain session, and leaves out a cue that only repeats the name", () => {
    assert.equal(readStep({ status: "running" }), undefined);
    assert.deepEqual(readStep({ step: "Breathe", step_number: 1, step_cue: "Breathe", step_side: null }), {
      name: "Breathe",
      number: 1,
    });
  });

  it("counts the step down by itself, beside the session", () => {
    const view = readSession(state("sensor.alex_session", "stretch", GUIDED));
    assert.equal(view.step?.number, 3);
    const now = START + 60_000;
    assert.equal(formatCountdown(stepRemainingMs(view, now)), "0:35");
    assert.equal(formatCountdown(remainingMs(view, now)), "6:00");
    assert.equal(stepRemainingMs(view, START + 10 * 60_000), 0);
  });

  it("holds the step while paused: Home Assistant gives no step end then", () => {
    const paused = { ...GUIDED, status: "paused", paused_at: "2026-11-25T08:01:00+00:00", step_ends_at: null };
    const view = readSession(state("sensor.alex_session", "stretch", paused));
    assert.equal(view.status, "paused");
    assert.equal(view.step?.endsAt, undefined);
    assert.equal(stepRemainingMs(view, START + 90_000), undefined);
  });

  it("ticks when the sooner of the two countdowns changes its text", () => {
    assert.equal(nextTickDelayOf([65_300, 35_800]), 305);
    assert.equal(nextTickDelayOf([65_300, undefined]), 305);
    assert.equal(nextTickDelayOf([0, undefined]), undefined);
  });
});

describe("the stretch button's routine", () => {
  it("is the select's routine, or none for the plain timer", () => {
    assert.equal(stretchRoutine(state("select.alex_stretch_routine", "gentle_back")), "gentle_back");
    assert.equal(stretchRoutine(state("select.alex_stretch_routine", "timer")), undefined);
    assert.equal(stretchRoutine(state("select.alex_stretch_routine", "unavailable")), undefined);
    assert.equal(stretchRoutine(undefined), undefined);
  });
});

describe("the card's size", () => {
  it("follows what it shows", () => {
    const idle = cardSize("today", { status: "idle" });
    const running = cardSize("today", { status: "running" });
    const guided = cardSize("today", { status: "running", step: { name: "Breathe", number: 1 } });
    assert.ok(idle < running && running < guided, `${idle} ${running} ${guided}`);
    assert.equal(cardSize("history", { status: "idle" }), 14);
  });
});
