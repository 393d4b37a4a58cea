import assert from "node:assert/strict";
import { describe, it } from "node:test";

import {
  CALENDAR_WEEKS,
  calendarWeeks,
  chartDays,
  daysMet,
  minutesScale,
  painPath,
  type Summary,
  type SummaryDay,
} from "../src/history";

/** 84 days up to Wednesday 2026-11-25: exercise met every other day, a flare-up on the 20th. */
function summary(): Summary {
  const days: SummaryDay[] = [];
  const today = Date.parse("2026-11-25T00:00:00Z");
  for (let back = 83; back >= 0; back -= 1) {
    const date = new Date(today - back * 86_400_000).toISOString().slice(0, 10);
    days.push({
      date,
      exercise: back % 2 === 0 ? 25 : 5,
      stretch: 5,
      inversion: 10,
      rest: 0,
      pain: back % 7 === 3 ? null : 4,
      flare_up: date === "2026-11-20",
      met: { exercise: back % 2 === 0, rest: false, inversion: false },
    });
  }
  return { date: "2026-11-25", days };
}

describe("the calendar of goals", () => {
  it("has twelve weeks from Monday, ending with this week", () => {
    const weeks = calendarWeeks(summary(), "exercise");
    assert.equal(weeks.length, CALENDAR_WEEKS);
    assert.ok(weeks.every((week) => week.length === 7));
    assert.equal(weeks[11][0].date, "2026-11-23"); // Monday of this week
    assert.equal(weeks[11][2].date, "2026-11-25");
    assert.equal(weeks[11][6].date, "2026-11-29");
    assert.equal(weeks[0][0].date, "2026-09-07");
  });

  it("starts the week on Sunday where the user wants it", () => {
    const weeks = calendarWeeks(summary(), "exercise", 0);
    assert.equal(weeks[11][0].date, "2026-11-22");
  });

  it("marks met, missed, flare-up, unknown and future days", () => {
    const days = new Map(calendarWeeks(summary(), "exercise").flat().map((day) => [day.date, day]));
    assert.equal(days.get("2026-11-25")?.kind, "met");
    assert.equal(days.get("2026-11-24")?.kind, "missed");
    assert.equal(days.get("2026-11-20")?.flareUp, true);
    assert.equal(days.get("2026-11-19")?.flareUp, false);
    assert.equal(days.get("2026-11-26")?.kind, "future");
    // Twelve weeks never reach back beyond the 84 days asked for.
    assert.equal(days.get("2026-09-07")?.kind, "missed");
    assert.equal(days.get("2026-09-06"), undefined);
    // A day the summary has no record of shows as unknown.
    const short = calendarWeeks({ date: "2026-11-25", days: summary().days.slice(-2) }, "exercise");
    assert.equal(short[11][0].kind, "none");
    assert.equal(short[11][1].kind, "missed");
  });

  it("counts the days that met the goal", () => {
    assert.equal(daysMet(calendarWeeks(summary(), "exercise")), 40);
    assert.equal(daysMet(calendarWeeks(summary(), "rest")), 0);
  });
});

describe("pain against minutes", () => {
  it("takes the last eight weeks, stretching counted as exercise", () => {
    const days = chartDays(summary());
    assert.equal(days.length, 56);
    assert.equal(days[55].date, "2026-11-25");
    assert.deepEqual(days[55].minutes, { exercise: 30, inversion: 10, rest: 0 });
    assert.equal(days[55].total, 40);
    assert.equal(days[55].pain, 4);
    assert.equal(days.find((day) => day.date === "2026-11-22")?.pain, undefined);
  });

  it("scales to the busiest day in half hours, at least an hour", () => {
    assert.equal(minutesScale(chartDays(summary())), 60);
    const busy = chartDays({ date: "2026-11-25", days: [{ date: "2026-11-25", exercise: 95 }] });
    assert.equal(minutesScale(busy), 120);
    assert.equal(minutesScale([]), 60);
  });

  it("draws the pain line with a gap where no pain was logged", () => {
    const days = chartDays({
      date: "2026-11-25",
      days: [
        { date: "2026-11-22", pain: 10 },
        { date: "2026-11-23", pain: 5 },
        { date: "2026-11-24", pain: null },
        { date: "2026-11-25", pain: 0 },
      ],
    });
    assert.equal(painPath(days, 400, 100), "M50 0L150 50M350 100");
  });
});

describe("the first weeks", () => {
  it("leaves the days before the person was added blank, neither met nor missed", () => {
    const started = { ...summary(), first_day: "2026-11-23" };
    const days = new Map(calendarWeeks(started, "exercise").flat().map((day) => [day.date, day]));
    assert.equal(days.get("2026-11-22")?.kind, "before");
    assert.equal(days.get("2026-09-08")?.kind, "before");
    assert.equal(days.get("2026-11-23")?.kind, "met");
    assert.equal(days.get("2026-11-24")?.kind, "missed");
    assert.equal(daysMet(calendarWeeks(started, "exercise")), 2);
  });

  it("leaves a day blank whose met is null, as get_summary says days before the first", () => {
    const withNull = summary();
    withNull.days = withNull.days.map((day) => (day.date < "2026-11-25" ? { ...day, met: null } : day));
    const weeks = calendarWeeks(withNull, "exercise").flat();
    assert.equal(weeks.find((day) => day.date === "2026-11-24")?.kind, "before");
    assert.equal(weeks.find((day) => day.date === "2026-11-25")?.kind, "met");
    assert.ok(!weeks.some((day) => day.kind === "missed"));
  });
});
