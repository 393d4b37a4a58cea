// What the card shows, worked out from Home Assistant's state objects. Plain
// functions with no DOM and no Lit, so the unit tests run them in Node.

import type { DeviceRegistryEntry, HassEntity, HomeAssistant } from "./types";

export const DOMAIN = "back_relief";

/** The start buttons, in the order the card shows them. */
export const START_ACTIVITIES = ["inversion", "stretch", "rest", "exercise"] as const;
export type Activity = (typeof START_ACTIVITIES)[number];

/** The daily goals, in the order the card shows them. */
export const GOALS = ["exercise", "rest", "inversion"] as const;
export type Goal = (typeof GOALS)[number];

/** The entities the card shows, by "<domain>.<key>"; changes to others don't render it. */
export const SHOWN_KEYS: readonly string[] = [
  "sensor.session",
  "sensor.session_ends",
  "sensor.pain_level",
  "switch.flare_up",
  "select.stretch_routine",
  ...GOALS.flatMap((goal) => [`sensor.${goal}_today`, `sensor.${goal}_streak`]),
  ...START_ACTIVITIES.map((activity) => `number.${activity}_duration`),
];

export const PAIN_LEVELS: readonly number[] = Array.from({ length: 11 }, (_, level) => level);

const UNAVAILABLE = new Set(["unavailable", "unknown"]);

export interface Person {
  entryId: string;
  deviceId: string;
  name: string;
}

function personOf(device: DeviceRegistryEntry): Person | undefined {
  // Back Relief's device is identified by (back_relief, <config entry id>).
  const identifier = device.identifiers.find(([domain]) => domain === DOMAIN);
  if (!identifier) return undefined;
  return { entryId: identifier[1], deviceId: device.id, name: device.name_by_user || device.name || "" };
}

/** Every person with Back Relief set up, by name. */
export function findPeople(hass: Pick<HomeAssistant, "devices">): Person[] {
  const people: Person[] = [];
  for (const device of Object.values(hass.devices ?? {})) {
    const person = device && personOf(device);
    if (person) people.push(person);
  }
  return people.sort((a, b) => a.name.localeCompare(b.name) || a.entryId.localeCompare(b.entryId));
}

/** The person a card is for: the configured one, or the only one there is. */
export function resolvePerson(
  hass: Pick<HomeAssistant, "devices">,
  entryId: string | undefined,
): Person | undefined {
  const people = findPeople(hass);
  if (entryId) return people.find((person) => person.entryId === entryId);
  return people.length === 1 ? people[0] : undefined;
}

/**
 * The person's entity ids by "<domain>.<key>", e.g. "sensor.session" to
 * "sensor.alex_session". Found through the entity registry by device and
 * translation key, so renamed entity ids keep working.
 */
export function personEntities(
  hass: Pick<HomeAssistant, "entities">,
  deviceId: string,
): Record<string, string> {
  const found: Record<string, string> = {};
  for (const entity of Object.values(hass.entities ?? {})) {
    if (!entity || entity.device_id !== deviceId || entity.platform !== DOMAIN) continue;
    if (!entity.translation_key) continue;
    const domain = entity.entity_id.split(".", 1)[0];
    found[`${domain}.${entity.translation_key}`] = entity.entity_id;
  }
  return found;
}

export type SessionStatus = "idle" | "running" | "paused" | "unavailable";

export interface StepView {
  name: string;
  side?: "left" | "right";
  cue?: string;
  /** 1 for the first step. */
  number: number;
  count?: number;
  /** When the step ends, milliseconds since the epoch; unknown while paused. */
  endsAt?: number;
}

export interface SessionView {
  status: SessionStatus;
  activity?: Activity;
  /** Milliseconds since the epoch. */
  endsAt?: number;
  pausedAt?: number;
  plannedMinutes?: number;
  /** The step of a guided routine. */
  step?: StepView;
}

/** The guided routine's step, from the session sensor's step attributes. */
export function readStep(attributes: Record<string, unknown>): StepView | undefined {
  const { step, step_number: number, step_count: count, step_side: side, step_cue: cue } =
    attributes;
  if (typeof step !== "string" || typeof number !== "number") return undefined;
  const view: StepView = { name: step, number };
  if (side === "left" || side === "right") view.side = side;
  if (typeof cue === "string" && cue && cue !== step) view.cue = cue;
  if (typeof count === "number" && count >= number) view.count = count;
  const endsAt = parseTime(attributes.step_ends_at);
  if (endsAt !== undefined) view.endsAt = endsAt;
  return view;
}

function parseTime(value: unknown): number | undefined {
  if (typeof value !== "string" || UNAVAILABLE.has(value)) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : time;
}

/** The session, from the session sensor and the session_ends timestamp sensor. */
export function readSession(session?: HassEntity, sessionEnds?: HassEntity): SessionView {
  if (!session || UNAVAILABLE.has(session.state)) return { status: "unavailable" };
  if (session.state === "idle") return { status: "idle" };
  const activity = session.state as Activity;
  const plannedMinutes =
    typeof session.attributes.planned_minutes === "number"
      ? session.attributes.planned_minutes
      : undefined;
  const step = readStep(session.attributes);
  if (session.attributes.status === "paused") {
    return {
      status: "paused",
      activity,
      plannedMinutes,
      endsAt: parseTime(session.attributes.ends_at),
      pausedAt: parseTime(session.attributes.paused_at),
      ...(step && { step }),
    };
  }
  // session_ends is the countdown's source; the attribute covers the moment
  // between the two sensors' updates.
  const endsAt = parseTime(sessionEnds?.state) ?? parseTime(session.attributes.ends_at);
  return { status: "running", activity, plannedMinutes, endsAt, ...(step && { step }) };
}

/** Milliseconds left in the step at `now`; undefined while paused or unknown. */
export function stepRemainingMs(view: SessionView, now: number): number | undefined {
  if (view.status !== "running" || view.step?.endsAt === undefined) return undefined;
  return Math.max(0, view.step.endsAt - now);
}

/** Milliseconds until either countdown's text changes next. */
export function nextTickDelayOf(remaining: Array<number | undefined>): number | undefined {
  const delays = remaining
    .filter((ms): ms is number => ms !== undefined && ms > 0)
    .map((ms) => nextTickDelay(ms));
  return delays.length ? Math.min(...delays) : undefined;
}

/** Milliseconds still to go at `now`; frozen while paused; undefined when unknown. */
export function remainingMs(view: SessionView, now: number): number | undefined {
  if (view.endsAt === undefined) return undefined;
  if (view.status === "running") return Math.max(0, view.endsAt - now);
  if (view.status === "paused" && view.pausedAt !== undefined) {
    return Math.max(0, view.endsAt - view.pausedAt);
  }
  return undefined;
}

/**
 * "m:ss", or "h:mm:ss" from an hour on. Whole seconds are rounded up, so a
 * 15-minute session starts at 15:00 and 0:00 shows only at the very end.
 */
export function formatCountdown(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return "–:––";
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, "0");
  if (hours > 0) return `${hours}:${String(minutes).padStart(2, "0")}:${seconds}`;
  return `${minutes}:${seconds}`;
}

/** Milliseconds until the countdown's text changes next. */
export function nextTickDelay(ms: number): number {
  // The text changes when the remaining time crosses a whole second; a few
  // milliseconds late is invisible, a few early would repeat the same text.
  const untilNextSecond = ms % 1000 || 1000;
  return untilNextSecond + 5;
}

/** The buttons that drive a session in a given state; "extend" adds five minutes. */
export type SessionAction = "pause" | "resume" | "extend" | "stop";

/** What the card's "+5 min" adds. */
export const EXTEND_MINUTES = 5;

export function sessionActions(status: SessionStatus): SessionAction[] {
  switch (status) {
    case "running":
      return ["pause", "extend", "stop"];
    case "paused":
      return ["resume", "stop"];
    default:
      return [];
  }
}

export interface StartButton {
  activity: Activity;
  /** The activity's default length, from its duration number; undefined when unknown. */
  minutes?: number;
}

/** The start buttons: one per activity while idle, none during a session. */
export function startButtons(
  status: SessionStatus,
  durationStates: Partial<Record<Activity, HassEntity | undefined>>,
): StartButton[] {
  if (status !== "idle") return [];
  return START_ACTIVITIES.map((activity) => {
    const minutes = Number.parseFloat(durationStates[activity]?.state ?? "");
    return Number.isFinite(minutes) ? { activity, minutes: Math.round(minutes) } : { activity };
  });
}

export interface GoalProgress {
  minutes: number;
  /** The day's goal: for inversion, the gentle plan's minutes while the plan ramps. */
  goal?: number;
  /** 0 to 1, for the bar. */
  fraction: number;
  met: boolean;
  /** Tomorrow's planned minutes (inversion), when the sensor says them. */
  tomorrowGoal?: number;
}

function wholeMinutes(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/**
 * Today's minutes toward a goal, from a *_today sensor: its `goal` and `met`
 * attributes. Whether the goal is met is decided in one place, in Python; a
 * server too old to say `met` gets the bar's own reading of minutes >= goal.
 */
export function readProgress(today?: HassEntity): GoalProgress | undefined {
  if (!today || UNAVAILABLE.has(today.state)) return undefined;
  const minutes = Number.parseFloat(today.state);
  if (!Number.isFinite(minutes)) return undefined;
  const goal = wholeMinutes(today.attributes.goal);
  const said = today.attributes.met;
  const fraction =
    goal === undefined || goal <= 0 ? (minutes > 0 ? 1 : 0) : Math.min(1, Math.max(0, minutes / goal));
  const met =
    typeof said === "boolean" ? said : goal === undefined ? false : goal <= 0 || minutes >= goal;
  const progress: GoalProgress = { minutes, goal, fraction: met ? 1 : Math.min(fraction, 0.99), met };
  const tomorrowGoal = wholeMinutes(today.attributes.tomorrow_goal);
  if (tomorrowGoal !== undefined) progress.tomorrowGoal = tomorrowGoal;
  return progress;
}

export interface StreakView {
  days: number;
  best?: number;
  todayMet: boolean;
}

/** A streak sensor: its days, its `best` and `today_met` attributes. */
export function readStreak(streak?: HassEntity): StreakView | undefined {
  if (!streak || UNAVAILABLE.has(streak.state)) return undefined;
  const days = Number.parseInt(streak.state, 10);
  if (!Number.isFinite(days)) return undefined;
  const best = typeof streak.attributes.best === "number" ? streak.attributes.best : undefined;
  return { days, best, todayMet: streak.attributes.today_met === true };
}

/** How long a pain level tapped again replaces the one before (log_pain's `replace`). */
export const PAIN_CORRECTION_MS = 10 * 60_000;

function sameLocalDay(a: number, b: number): boolean {
  return new Date(a).toDateString() === new Date(b).toDateString();
}

/**
 * The level a tap at `now` puts right: the last one, when it was logged less
 * than ten minutes ago and today (the pain sensor's `logged_at`); else undefined.
 */
export function painToCorrect(pain: HassEntity | undefined, now: number): number | undefined {
  const level = readPain(pain);
  const loggedAt = parseTime(pain?.attributes.logged_at);
  if (level === undefined || loggedAt === undefined) return undefined;
  const age = now - loggedAt;
  return age >= 0 && age < PAIN_CORRECTION_MS && sameLocalDay(loggedAt, now) ? level : undefined;
}

/** Until when a stopped session can be undone (the session sensor's `undo_until`), if still. */
export function undoUntil(session: HassEntity | undefined, now: number): number | undefined {
  if (!session || session.state !== "idle") return undefined;
  const until = parseTime(session.attributes.undo_until);
  return until !== undefined && until > now ? until : undefined;
}

/** Whether Home Assistant offers one of Back Relief's actions, or one of its fields. */
export function offers(
  hass: Pick<HomeAssistant, "services">,
  service: string,
  field?: string,
): boolean {
  const description = hass.services?.[DOMAIN]?.[service];
  if (!description) return false;
  return field === undefined || Object.hasOwn(description.fields ?? {}, field);
}

/** The actions that start or steer a session: the card says it is the card (`source`). */
export const SESSION_SERVICES: ReadonlySet<string> = new Set([
  "start_session",
  "pause_session",
  "resume_session",
  "extend_session",
  "stop_session",
  "cancel_session",
  "undo_session",
]);

/** The last logged pain level, 0 to 10, or undefined. */
export function readPain(pain?: HassEntity): number | undefined {
  if (!pain || UNAVAILABLE.has(pain.state)) return undefined;
  const level = Number.parseFloat(pain.state);
  return Number.isFinite(level) ? Math.round(level) : undefined;
}

/** A switch's state: true, false, or undefined while unavailable. */
export function readSwitch(entity?: HassEntity): boolean | undefined {
  if (!entity || UNAVAILABLE.has(entity.state)) return undefined;
  return entity.state === "on";
}

/** The message of a failed action call, as Home Assistant's frontend rejects it. */
export function errorMessage(error: unknown, fallback: string): string {
  if (error && typeof error === "object" && "message" in error) {
    const message = (error as { message: unknown }).message;
    if (typeof message === "string" && message) return message;
  }
  return typeof error === "string" && error ? error : fallback;
}

/** The stretch button's routine: the select's state, unless it is the plain timer. */
export function stretchRoutine(select?: HassEntity): string | undefined {
  if (!select || UNAVAILABLE.has(select.state) || select.state === "timer") return undefined;
  return select.state;
}

export type CardView = "today" | "history";

/**
 * The card's height in rows of 50 pixels, as masonry views ask for it: the
 * header, then the session (start buttons, a countdown, or a guided step with
 * its own countdown and buttons), the goals and the pain row; or the history.
 */
export function cardSize(view: CardView, session: SessionView): number {
  if (view === "history") return 14;
  let rows = 1 + 6 + 2; // header, goals, pain
  if (session.status === "idle") rows += 4;
  else if (session.status === "unavailable") rows += 1;
  else rows += session.step ? 9 : 6;
  return rows;
}

/** A suggestion in Home Assistant's card picker ("By entity"). */
export interface CardSuggestion {
  label?: string;
  config: { type: string; config_entry_id: string };
}

/** Our card for any entity of a Back Relief person, for the card picker's "By entity". */
export function cardSuggestion(
  hass: Pick<HomeAssistant, "entities" | "devices">,
  entityId: string,
  cardType: string,
): CardSuggestion | null {
  const entity = hass.entities?.[entityId];
  if (!entity || entity.platform !== DOMAIN || !entity.device_id) return null;
  const device = hass.devices?.[entity.device_id];
  const person = device && personOf(device);
  return person ? { label: person.name, config: { type: cardType, config_entry_id: person.entryId } } : null;
}
