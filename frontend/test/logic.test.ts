import assert from "node:assert/strict";
import { describe, it } from "node:test";

import {
  cardSuggestion,
  offers,
  painToCorrect,
  undoUntil,
  errorMessage,
  findPeople,
  formatCountdown,
  nextTickDelay,
  personEntities,
  readPain,
  readProgress,
  readSession,
  readStreak,
  readSwitch,
  remainingMs,
  resolvePerson,
  SHOWN_KEYS,
  sessionActions,
  startButtons,
} from "../src/logic";
import type { DeviceRegistryEntry, HassEntity } from "../src/types";

function state(
  entity_id: string,
  value: string,
  attributes: Record<string, unknown> = {},
): HassEntity {
  const now = "2026-11-25T08:00:00+00:00";
  return { entity_id, state: value, attributes, last_changed: now, last_updated: now };
}

function device(id: string, entryId: string, name: string, nameByUser: string | null = null) {
  const entry: DeviceRegistryEntry = {
    id,
    name,
    name_by_user: nameByUser,
    config_entries: [entryId],
    identifiers: [["back_relief", entryId]],
  };
  return entry;
}

const START = Date.parse("2026-11-25T08:00:00Z");

describe("formatCountdown", () => {
  it("shows minutes and seconds below an hour", () => {
    assert.equal(formatCountdown(15 * 60_000), "15:00");
    assert.equal(formatCountdown(65_000), "1:05");
    assert.equal(formatCountdown(9_000), "0:09");
  });

  it("rounds part of a second up, so 0:00 shows only at the end", () => {
    assert.equal(formatCountdown(14 * 60_000 + 59_001), "15:00");
    assert.equal(formatCountdown(14 * 60_000 + 59_000), "14:59");
    assert.equal(formatCountdown(1), "0:01");
    assert.equal(formatCountdown(0), "0:00");
  });

  it("shows hours from an hour on", () => {
    assert.equal(formatCountdown(60 * 60_000), "1:00:00");
    assert.equal(formatCountdown(2 * 3_600_000 + 5 * 60_000 + 7_000), "2:05:07");
  });

  it("never goes negative and marks an unknown time", () => {
    assert.equal(formatCountdown(-5_000), "0:00");
    assert.equal(formatCountdown(undefined), "–:––");
    assert.equal(formatCountdown(Number.NaN), "–:––");
  });
});

describe("nextTickDelay", () => {
  it("waits until the shown second changes", () => {
    assert.equal(nextTickDelay(14_300), 305);
    assert.equal(nextTickDelay(14_000), 1_005);
    assert.equal(nextTickDelay(999), 1_004);
  });

  it("changes the text once per second", () => {
    // Walk a 5-second countdown the way the card's timer does.
    const endsAt = 5_000;
    let now = 250;
    const shown: string[] = [formatCountdown(endsAt - now)];
    while (now < endsAt) {
      now += nextTickDelay(endsAt - now);
      shown.push(formatCountdown(Math.max(0, endsAt - now)));
    }
    assert.deepEqual(shown, ["0:05", "0:04", "0:03", "0:02", "0:01", "0:00"]);
  });
});

describe("readSession", () => {
  it("reads idle and unavailable", () => {
    assert.deepEqual(readSession(state("sensor.alex_session", "idle")), { status: "idle" });
    assert.deepEqual(readSession(undefined), { status: "unavailable" });
    assert.deepEqual(readSession(state("sensor.alex_session", "unavailable")), {
      status: "unavailable",
    });
  });

  it("counts a running session down from session_ends", () => {
    const session = state("sensor.alex_session", "inversion", {
      status: "running",
      started_at: "2026-11-25T08:00:00+00:00",
      ends_at: "2026-11-25T08:15:00+00:00",
      planned_minutes: 15,
    });
    const ends = state("sensor.alex_session_ends", "2026-11-25T08:15:00+00:00");
    const view = readSession(session, ends);
    assert.equal(view.status, "running");
    assert.equal(view.activity, "inversion");
    assert.equal(view.plannedMinutes, 15);
    assert.equal(remainingMs(view, START), 15 * 60_000);
    assert.equal(remainingMs(view, START + 61_000), 15 * 60_000 - 61_000);
    assert.equal(remainingMs(view, START + 16 * 60_000), 0);
  });

  it("falls back to the ends_at attribute before session_ends has caught up", () => {
    const session = state("sensor.alex_session", "rest", {
      status: "running",
      ends_at: "2026-11-25T08:10:00+00:00",
    });
    const view = readSession(session, state("sensor.alex_session_ends", "unknown"));
    assert.equal(remainingMs(view, START), 10 * 60_000);
  });

  it("freezes a paused session at the time left when it was paused", () => {
    const session = state("sensor.alex_session", "exercise", {
      status: "paused",
      ends_at: "2026-11-25T08:20:00+00:00",
      paused_at: "2026-11-25T08:05:30+00:00",
      planned_minutes: 20,
    });
    const view = readSession(session, state("sensor.alex_session_ends", "unknown"));
    assert.equal(view.status, "paused");
    assert.equal(remainingMs(view, START), 14 * 60_000 + 30_000);
    assert.equal(remainingMs(view, START + 3_600_000), 14 * 60_000 + 30_000);
    assert.equal(formatCountdown(remainingMs(view, START)), "14:30");
  });

  it("knows no time left for a paused session without paused_at", () => {
    const session = state("sensor.alex_session", "exercise", {
      status: "paused",
      ends_at: "2026-11-25T08:20:00+00:00",
    });
    assert.equal(remainingMs(readSession(session), START), undefined);
  });
});

describe("which buttons show", () => {
  const durations = {
    inversion: state("number.alex_inversion_duration", "15.0"),
    stretch: state("number.alex_stretch_duration", "15"),
    rest: state("number.alex_rest_duration", "unavailable"),
    exercise: state("number.alex_exercise_duration", "20"),
  };

  it("offers every start button with its default length while idle", () => {
    assert.deepEqual(startButtons("idle", durations), [
      { activity: "inversion", minutes: 15 },
      { activity: "stretch", minutes: 15 },
      { activity: "rest" },
      { activity: "exercise", minutes: 20 },
    ]);
    assert.deepEqual(sessionActions("idle"), []);
  });

  it("offers pause, +5 min and stop while running, resume and stop while paused", () => {
    assert.deepEqual(startButtons("running", durations), []);
    assert.deepEqual(sessionActions("running"), ["pause", "extend", "stop"]);
    assert.deepEqual(startButtons("paused", durations), []);
    assert.deepEqual(sessionActions("paused"), ["resume", "stop"]);
  });

  it("offers nothing while the session is unavailable", () => {
    assert.deepEqual(startButtons("unavailable", durations), []);
    assert.deepEqual(sessionActions("unavailable"), []);
  });
});

describe("progress and streaks", () => {
  it("reads today's minutes toward the goal", () => {
    assert.deepEqual(readProgress(state("sensor.alex_exercise_today", "5", { goal: 20 })), {
      minutes: 5,
      goal: 20,
      fraction: 0.25,
      met: false,
    });
  });

  it("fills the bar once, and only once, the goal is met", () => {
    const met = readProgress(state("sensor.alex_rest_today", "40", { goal: 15 }));
    assert.equal(met?.fraction, 1);
    assert.equal(met?.met, true);
    const exactly = readProgress(state("sensor.alex_rest_today", "15", { goal: 15 }));
    assert.equal(exactly?.met, true);
    const none = readProgress(state("sensor.alex_rest_today", "0", { goal: 15 }));
    assert.equal(none?.fraction, 0);
    assert.equal(none?.met, false);
  });

  it("has no progress for an unavailable sensor", () => {
    assert.equal(readProgress(state("sensor.alex_rest_today", "unavailable")), undefined);
    assert.equal(readProgress(undefined), undefined);
  });

  it("reads a streak with its best and whether today counts", () => {
    assert.deepEqual(
      readStreak(state("sensor.alex_exercise_streak", "3", { best: 7, today_met: true })),
      { days: 3, best: 7, todayMet: true },
    );
    assert.equal(readStreak(state("sensor.alex_exercise_streak", "unknown")), undefined);
  });

  it("reads the pain level and the flare-up switch", () => {
    assert.equal(readPain(state("sensor.alex_pain_level", "4")), 4);
    assert.equal(readPain(state("sensor.alex_pain_level", "unknown")), undefined);
    assert.equal(readSwitch(state("switch.alex_flare_up", "on")), true);
    assert.equal(readSwitch(state("switch.alex_flare_up", "off")), false);
    assert.equal(readSwitch(state("switch.alex_flare_up", "unavailable")), undefined);
  });
});

describe("finding the person and their entities", () => {
  const devices = {
    d1: device("d1", "entry_sam", "Sam"),
    d2: device("d2", "entry_alex", "Alex", "Alex (bedroom)"),
    d3: { ...device("d3", "other", "Kitchen light"), identifiers: [["hue", "x"]] as [string, string][] },
  };

  it("lists Back Relief's people by name, with the name the user gave the device", () => {
    assert.deepEqual(findPeople({ devices }), [
      { entryId: "entry_alex", deviceId: "d2", name: "Alex (bedroom)" },
      { entryId: "entry_sam", deviceId: "d1", name: "Sam" },
    ]);
  });

  it("picks the configured person, or the only one", () => {
    assert.equal(resolvePerson({ devices }, "entry_sam")?.name, "Sam");
    assert.equal(resolvePerson({ devices }, "entry_gone"), undefined);
    assert.equal(resolvePerson({ devices }, undefined), undefined);
    assert.equal(resolvePerson({ devices: { d1: devices.d1 } }, undefined)?.name, "Sam");
  });

  it("finds entities by device and key, whatever their entity ids", () => {
    const entities = {
      "sensor.alex_session": {
        entity_id: "sensor.alex_session",
        device_id: "d2",
        platform: "back_relief",
        translation_key: "session",
      },
      "event.alex_session": {
        entity_id: "event.alex_session",
        device_id: "d2",
        platform: "back_relief",
        translation_key: "session",
      },
      "sensor.renamed_countdown": {
        entity_id: "sensor.renamed_countdown",
        device_id: "d2",
        platform: "back_relief",
        translation_key: "session_ends",
      },
      "sensor.sam_session": {
        entity_id: "sensor.sam_session",
        device_id: "d1",
        platform: "back_relief",
        translation_key: "session",
      },
      "sensor.other": { entity_id: "sensor.other", device_id: "d2", platform: "template" },
    };
    assert.deepEqual(personEntities({ entities }, "d2"), {
      "sensor.session": "sensor.alex_session",
      "event.session": "event.alex_session",
      "sensor.session_ends": "sensor.renamed_countdown",
    });
  });
});

describe("what renders the card", () => {
  it("is only the entities it shows", () => {
    assert.equal(SHOWN_KEYS.length, 15);
    assert.ok(SHOWN_KEYS.includes("select.stretch_routine"));
    assert.ok(SHOWN_KEYS.includes("sensor.session_ends"));
    assert.ok(SHOWN_KEYS.includes("number.inversion_duration"));
    // The session event and the checklist change without changing what the card shows.
    assert.ok(!SHOWN_KEYS.includes("event.session"));
    assert.ok(!SHOWN_KEYS.includes("todo.checklist"));
  });
});

describe("errorMessage", () => {
  it("shows Home Assistant's message of a refused action", () => {
    assert.equal(
      errorMessage(
        { code: "service_validation_error", message: "A session is already running" },
        "refused",
      ),
      "A session is already running",
    );
    assert.equal(errorMessage("plain", "refused"), "plain");
    assert.equal(errorMessage(undefined, "refused"), "refused");
  });
});

describe("goals as the sensors say them", () => {
  it("takes met from the sensor, not from the minutes", () => {
    // The one definition of goal met lives in Python: the card does not second-guess it.
    const said = readProgress(state("sensor.alex_inversion_today", "1", { goal: 2, met: true }));
    assert.equal(said?.met, true);
    assert.equal(said?.fraction, 1);
    const notYet = readProgress(state("sensor.alex_rest_today", "20", { goal: 15, met: false }));
    assert.equal(notYet?.met, false);
    assert.ok((notYet?.fraction ?? 1) < 1);
  });

  it("shows the plan's minutes while it ramps: 0 / 2 min, and tomorrow's", () => {
    const ramping = readProgress(
      state("sensor.alex_inversion_today", "0", { goal: 2, met: false, tomorrow_goal: 3 }),
    );
    assert.deepEqual(ramping, { minutes: 0, goal: 2, fraction: 0, met: false, tomorrowGoal: 3 });
  });

  it("reads minutes >= goal only from a server that doesn't say met", () => {
    assert.equal(readProgress(state("sensor.alex_rest_today", "15", { goal: 15 }))?.met, true);
    assert.equal(readProgress(state("sensor.alex_rest_today", "14", { goal: 15 }))?.met, false);
  });

  it("ignores a tomorrow that isn't a number of minutes", () => {
    for (const tomorrow_goal of ["3", -1, null, Number.NaN]) {
      const progress = readProgress(state("sensor.alex_inversion_today", "0", { goal: 2, tomorrow_goal }));
      assert.equal(progress?.tomorrowGoal, undefined);
    }
  });
});

describe("putting a pain level right", () => {
  const now = Date.parse("2026-11-25T10:00:00");
  const pain = (level: string, loggedAt: string | undefined) =>
    state("sensor.alex_pain_level", level, loggedAt ? { logged_at: loggedAt } : {});

  it("corrects the last level when it is less than ten minutes old", () => {
    const nineMinutes = new Date(now - 9 * 60_000).toISOString();
    assert.equal(painToCorrect(pain("6", nineMinutes), now), 6);
  });

  it("adds a new level after ten minutes, or without a logged_at", () => {
    const tenMinutes = new Date(now - 10 * 60_000).toISOString();
    assert.equal(painToCorrect(pain("6", tenMinutes), now), undefined);
    assert.equal(painToCorrect(pain("6", undefined), now), undefined);
    assert.equal(painToCorrect(pain("unknown", new Date(now).toISOString()), now), undefined);
    assert.equal(painToCorrect(undefined, now), undefined);
  });

  it("never corrects yesterday's level, even a minute before midnight", () => {
    const midnight = Date.parse("2026-11-25T00:00:30");
    const lastNight = new Date(Date.parse("2026-11-24T23:59:00")).toISOString();
    assert.equal(painToCorrect(pain("6", lastNight), midnight), undefined);
  });

  it("doesn't correct a level from the future (a tablet whose clock is behind)", () => {
    const later = new Date(now + 60_000).toISOString();
    assert.equal(painToCorrect(pain("6", later), now), undefined);
  });
});

describe("undo", () => {
  const now = Date.parse("2026-11-25T10:00:00Z");
  it("is offered while undo_until is ahead and the session is idle", () => {
    const until = "2026-11-25T10:01:30+00:00";
    assert.equal(undoUntil(state("sensor.alex_session", "idle", { undo_until: until }), now), Date.parse(until));
  });

  it("is gone once undo_until has passed, without it, or while a session runs", () => {
    const past = "2026-11-25T09:59:59+00:00";
    assert.equal(undoUntil(state("sensor.alex_session", "idle", { undo_until: past }), now), undefined);
    assert.equal(undoUntil(state("sensor.alex_session", "idle"), now), undefined);
    const ahead = "2026-11-25T10:01:00+00:00";
    assert.equal(undoUntil(state("sensor.alex_session", "rest", { undo_until: ahead }), now), undefined);
    assert.equal(undoUntil(undefined, now), undefined);
  });
});

describe("what the server offers", () => {
  const hass = {
    services: {
      back_relief: {
        log_pain: { fields: { level: {}, replace: {} } },
        stop_session: { fields: { config_entry_id: {} } },
      },
    },
  };
  it("knows an action and its fields", () => {
    assert.equal(offers(hass, "log_pain", "replace"), true);
    assert.equal(offers(hass, "log_pain"), true);
    assert.equal(offers(hass, "stop_session", "source"), false);
    assert.equal(offers(hass, "undo_session"), false);
    assert.equal(offers({}, "log_pain"), false);
  });
});

describe("the card picker's suggestion", () => {
  const hass = {
    devices: { d1: device("d1", "entry_alex", "Alex"), d2: { ...device("d2", "x", "Zone"), identifiers: [["zone", "x"]] as [string, string][] } },
    entities: {
      "sensor.alex_session": { entity_id: "sensor.alex_session", device_id: "d1", platform: "back_relief" },
      "zone.back_relief": { entity_id: "zone.back_relief", platform: "zone" },
      "sensor.other": { entity_id: "sensor.other", device_id: "d2", platform: "back_relief" },
    },
  };
  it("suggests the card for a person's entity, for that person", () => {
    assert.deepEqual(cardSuggestion(hass, "sensor.alex_session", "custom:back-relief-card"), {
      label: "Alex",
      config: { type: "custom:back-relief-card", config_entry_id: "entry_alex" },
    });
  });

  it("suggests nothing for another integration's entity or one without a person", () => {
    assert.equal(cardSuggestion(hass, "zone.back_relief", "custom:back-relief-card"), null);
    assert.equal(cardSuggestion(hass, "sensor.other", "custom:back-relief-card"), null);
    assert.equal(cardSuggestion(hass, "sensor.nothing", "custom:back-relief-card"), null);
  });
});
