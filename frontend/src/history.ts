// The card's look back, worked out from back_relief.get_summary's answer:
// a calendar of the days that met each goal and the pain against the minutes
// of each day. Plain functions with no DOM and no Lit, tested in Node.

import { GOALS, type Goal } from "./logic";

/** How many days the card asks the summary for: twelve weeks. */
export const HISTORY_DAYS = 84;
export const CALENDAR_WEEKS = 12;
export const CHART_DAYS = 56;

/** One day of get_summary's `days`. */
export interface SummaryDay {
  date: string;
  exercise?: number;
  stretch?: number;
  inversion?: number;
  rest?: number;
  pain?: number | null;
  flare_up?: boolean;
  /** null for a day before the person was added: neither met nor missed. */
  met?: Partial<Record<Goal, boolean>> | null;
}

export interface Summary {
  date: string;
  /** The day the person was added (ISO date). */
  first_day?: string;
  days: SummaryDay[];
}

/**
 * A calendar cell: a day with a record, a day without one, a day still to
 * come, or a day before the person was added (blank, like a day to come).
 */
export interface CalendarDay {
  date: string;
  kind: "met" | "missed" | "none" | "future" | "before";
  flareUp: boolean;
}

const DAY_MS = 86_400_000;

function dayNumber(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS;
}

function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Twelve calendar weeks ending with the week of the summary's day, as columns
 * of seven days starting on `firstWeekday` (0 Sunday, 1 Monday).
 */
export function calendarWeeks(summary: Summary, goal: Goal, firstWeekday = 1): CalendarDay[][] {
  const byDate = new Map(summary.days.map((day) => [day.date, day]));
  const today = dayNumber(summary.date);
  // 1970-01-01 was a Thursday (4).
  const weekday = (today + 4) % 7;
  const weekStart = today - ((weekday - firstWeekday + 7) % 7);
  const first = weekStart - (CALENDAR_WEEKS - 1) * 7;
  const firstDay = summary.first_day ? dayNumber(summary.first_day) : Number.NaN;
  const weeks: CalendarDay[][] = [];
  for (let week = 0; week < CALENDAR_WEEKS; week += 1) {
    const days: CalendarDay[] = [];
    for (let offset = 0; offset < 7; offset += 1) {
      const number = first + week * 7 + offset;
      const date = isoDate(number);
      const record = byDate.get(date);
      let kind: CalendarDay["kind"] = "none";
      if (number > today) kind = "future";
      else if (number < firstDay || record?.met === null) kind = "before";
      else if (record) kind = record.met?.[goal] ? "met" : "missed";
      days.push({ date, kind, flareUp: record?.flare_up === true });
    }
    weeks.push(days);
  }
  return weeks;
}

/** How many days of the shown calendar met the goal. */
export function daysMet(weeks: CalendarDay[][]): number {
  return weeks.flat().filter((day) => day.kind === "met").length;
}

export interface ChartDay {
  date: string;
  /** Minutes toward each goal; stretching counts as exercise. */
  minutes: Record<Goal, number>;
  total: number;
  pain?: number;
}

/** The last `count` days of the summary, for the pain-against-minutes chart. */
export function chartDays(summary: Summary, count = CHART_DAYS): ChartDay[] {
  return summary.days.slice(-count).map((day) => {
    const minutes: Record<Goal, number> = {
      exercise: (day.exercise ?? 0) + (day.stretch ?? 0),
      inversion: day.inversion ?? 0,
      rest: day.rest ?? 0,
    };
    const total = GOALS.reduce((sum, goal) => sum + minutes[goal], 0);
    return typeof day.pain === "number"
      ? { date: day.date, minutes, total, pain: day.pain }
      : { date: day.date, minutes, total };
  });
}

/** The top of the minutes scale: the busiest day, rounded up to half an hour, at least an hour. */
export function minutesScale(days: ChartDay[]): number {
  const most = Math.max(0, ...days.map((day) => day.total));
  return Math.max(60, Math.ceil(most / 30) * 30);
}

/**
 * The pain line as SVG path data over a chart `width` by `height`, one slot a
 * day; days without a pain level break the line rather than invent a value.
 */
export function painPath(days: ChartDay[], width: number, height: number): string {
  const slot = width / Math.max(1, days.length);
  let path = "";
  let drawing = false;
  days.forEach((day, index) => {
    if (day.pain === undefined) {
      drawing = false;
      return;
    }
    const x = Math.round((index + 0.5) * slot * 10) / 10;
    const y = Math.round((height - (day.pain / 10) * height) * 10) / 10;
    path += `${drawing ? "L" : "M"}${x} ${y}`;
    drawing = true;
  });
  return path;
}
