// custom:back-relief-card: one person's routine on a wall tablet.
//
// Lit renders the card when one of the person's own entities changes, never
// for the rest of the house (see shouldUpdate). The countdown is the one thing
// that moves every second: a timer rewrites the text of a single element,
// without a render, from the session's end time (the session_ends sensor).

import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from "lit";

import { BackReliefCardEditor } from "./editor";
import {
  ACTIVITY_LABELS,
  DOMAIN,
  GOALS,
  PAIN_LEVELS,
  SHOWN_KEYS,
  START_ACTIVITIES,
  daysText,
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
  sessionActions,
  startButtons,
  type Activity,
  type Goal,
  type Person,
  type SessionAction,
  type SessionView,
} from "./logic";
import { defineElements } from "./register";
import { cardStyles } from "./styles";
import type { BackReliefCardConfig, HassEntity, HomeAssistant } from "./types";

declare global {
  interface Window {
    customCards?: Array<Record<string, unknown>>;
    /** Counters read by the browser test: full renders and countdown ticks. */
    __backReliefRenders?: number;
    __backReliefTicks?: number;
  }
}

const CARD_TAG = "back-relief-card";
const EDITOR_TAG = "back-relief-card-editor";

const GOAL_LABELS: Record<Goal, string> = {
  exercise: "Exercise",
  rest: "Rest",
  inversion: "Inversion",
};

const ACTION_LABELS: Record<SessionAction, string> = {
  pause: "Pause",
  resume: "Resume",
  stop: "Stop",
};

export class BackReliefCard extends LitElement {
  static override styles = cardStyles;

  static override properties = {
    hass: { attribute: false },
    _config: { state: true },
    _busy: { state: true },
    _error: { state: true },
  };

  declare hass?: HomeAssistant;
  declare _config?: BackReliefCardConfig;
  declare _busy: boolean;
  declare _error: string;

  private _person?: Person;
  private _ids: Record<string, string> = {};
  private _session: SessionView = { status: "unavailable" };
  private _timer?: ReturnType<typeof setTimeout>;

  constructor() {
    super();
    this._busy = false;
    this._error = "";
  }

  static getConfigElement(): HTMLElement {
    return document.createElement(EDITOR_TAG);
  }

  static getStubConfig(hass: HomeAssistant): BackReliefCardConfig {
    const person = findPeople(hass)[0];
    return person
      ? { type: `custom:${CARD_TAG}`, config_entry_id: person.entryId }
      : { type: `custom:${CARD_TAG}` };
  }

  setConfig(config: BackReliefCardConfig): void {
    if (!config || typeof config !== "object") throw new Error("Invalid configuration");
    if (config.config_entry_id !== undefined && typeof config.config_entry_id !== "string") {
      throw new Error("config_entry_id must be the id of a Back Relief entry");
    }
    this._config = config;
  }

  getCardSize(): number {
    return 10;
  }

  getGridOptions(): Record<string, number | string> {
    return { columns: 12, rows: "auto", min_columns: 6 };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this._syncCountdown();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._stopTimer();
  }

  /** Render only when something this card shows has changed. */
  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    if (!changed.has("hass") || changed.size > 1) return true;
    const previous = changed.get("hass") as HomeAssistant | undefined;
    const hass = this.hass;
    if (!previous || !hass) return true;
    if (
      previous.devices !== hass.devices ||
      previous.entities !== hass.entities ||
      previous.locale !== hass.locale
    ) {
      return true;
    }
    // The frontend keeps the same state object while an entity is unchanged.
    return SHOWN_KEYS.some((key) => {
      const id = this._ids[key];
      return id !== undefined && previous.states[id] !== hass.states[id];
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const hass = this.hass;
    if (!hass) return;
    const previous = changed.get("hass") as HomeAssistant | undefined;
    const registriesChanged =
      changed.has("hass") &&
      (!previous || previous.devices !== hass.devices || previous.entities !== hass.entities);
    if (changed.has("_config") || registriesChanged) {
      this._person = resolvePerson(hass, this._config?.config_entry_id);
      this._ids = this._person ? personEntities(hass, this._person.deviceId) : {};
    }
    this._session = readSession(this._state("sensor.session"), this._state("sensor.session_ends"));
  }

  protected override updated(): void {
    this._syncCountdown();
  }

  private _state(key: string): HassEntity | undefined {
    const id = this._ids[key];
    return id ? this.hass?.states[id] : undefined;
  }

  protected override render(): TemplateResult {
    window.__backReliefRenders = (window.__backReliefRenders ?? 0) + 1;
    if (!this.hass || !this._config) return html``;
    const person = this._person;
    if (!person) {
      const wanted = this._config.config_entry_id;
      return html`<div class="card">
        <div class="message">
          ${wanted
            ? `No Back Relief person with the entry id ${wanted}. Choose one in the card's editor.`
            : "Choose a person in the card's editor."}
        </div>
      </div>`;
    }
    return html`<div class="card" role="group" aria-label=${`Back Relief: ${person.name}`}>
      <header>
        <div class="name">${person.name}</div>
        ${this._renderFlareUp()}
      </header>
      ${this._renderSession()} ${this._renderGoals()} ${this._renderPain()}
      <div class="error" role="alert">${this._error}</div>
    </div>`;
  }

  private _renderFlareUp(): TemplateResult | typeof nothing {
    const flareUp = readSwitch(this._state("switch.flare_up"));
    if (flareUp === undefined) return nothing;
    return html`<button
      class="flare"
      aria-pressed=${flareUp ? "true" : "false"}
      ?disabled=${this._busy}
      title=${flareUp ? "Streaks are paused today" : "Pause the streaks on a bad day"}
      @click=${() => this._toggleFlareUp(flareUp)}
    >
      <span class="dot"></span>${flareUp ? "Flare-up: on · streaks paused" : "Flare-up: off"}
    </button>`;
  }

  private _renderSession(): TemplateResult {
    const session = this._session;
    if (session.status === "unavailable") {
      return html`<section class="session"><p class="heading">Session unavailable</p></section>`;
    }
    if (session.status === "idle") {
      const durations: Partial<Record<Activity, HassEntity | undefined>> = {};
      for (const activity of START_ACTIVITIES) {
        durations[activity] = this._state(`number.${activity}_duration`);
      }
      return html`<section class="session idle">
        <h2 class="heading">Start a session</h2>
        <div class="starts">
          ${startButtons(session.status, durations).map(
            ({ activity, minutes }) =>
              html`<button
                class="start"
                data-activity=${activity}
                ?disabled=${this._busy}
                @click=${() => this._start(activity, minutes)}
              >
                <span class="activity">${ACTIVITY_LABELS[activity]}</span>
                ${minutes === undefined ? nothing : html`<span class="minutes">${minutes} min</span>`}
              </button>`,
          )}
        </div>
      </section>`;
    }
    const label = session.activity ? (ACTIVITY_LABELS[session.activity] ?? session.activity) : "";
    return html`<section class="session ${session.status}">
      <div class="now">
        <span class="activity">${label}</span>
        ${session.status === "paused" ? html`<span class="badge">Paused</span>` : nothing}
      </div>
      <div class="countdown" role="timer" aria-label="Time left"></div>
      <div class="ends">${this._endsText(session)}</div>
      <div class="controls">
        ${sessionActions(session.status).map(
          (action) =>
            html`<button
              class=${action}
              ?disabled=${this._busy}
              @click=${() => this._call(`${action}_session`)}
            >
              ${ACTION_LABELS[action]}
            </button>`,
        )}
      </div>
    </section>`;
  }

  private _endsText(session: SessionView): string {
    const planned = session.plannedMinutes ? `${session.plannedMinutes} min session` : "";
    if (session.status !== "running" || session.endsAt === undefined) return planned;
    const time = new Intl.DateTimeFormat(this.hass?.locale?.language, {
      hour: "numeric",
      minute: "2-digit",
    }).format(new Date(session.endsAt));
    return planned ? `${planned} · ends at ${time}` : `Ends at ${time}`;
  }

  private _renderGoals(): TemplateResult {
    return html`<section class="goals">
      <h2 class="heading">Today</h2>
      ${GOALS.map((goal) => {
        const progress = readProgress(this._state(`sensor.${goal}_today`));
        const streak = readStreak(this._state(`sensor.${goal}_streak`));
        if (!progress && !streak) return nothing;
        const percent = Math.round((progress?.fraction ?? 0) * 100);
        return html`<div class="goal ${progress?.met ? "met" : ""}" data-goal=${goal}>
          <div class="row">
            <span class="label">${GOAL_LABELS[goal]}</span>
            ${progress
              ? html`<span class="amount"
                  >${progress.minutes}${progress.goal === undefined
                    ? nothing
                    : html`<small> / ${progress.goal} min</small>`}</span
                >`
              : nothing}
          </div>
          <div
            class="bar"
            role="progressbar"
            aria-label=${`${GOAL_LABELS[goal]} today`}
            aria-valuemin="0"
            aria-valuemax="100"
            aria-valuenow=${percent}
          >
            <div style="width: ${percent}%"></div>
          </div>
          ${streak
            ? html`<div class="streak">
                Streak <strong>${daysText(streak.days)}</strong>${streak.best
                  ? html` · best ${daysText(streak.best)}`
                  : nothing}
              </div>`
            : nothing}
        </div>`;
      })}
    </section>`;
  }

  private _renderPain(): TemplateResult | typeof nothing {
    if (!this._ids["sensor.pain_level"]) return nothing;
    const current = readPain(this._state("sensor.pain_level"));
    return html`<section class="pain">
      <h2 class="heading">How is your back? 0 is no pain, 10 the worst</h2>
      <div class="levels" role="group" aria-label="Pain level">
        ${PAIN_LEVELS.map(
          (level) =>
            html`<button
              class="level"
              aria-pressed=${current === level ? "true" : "false"}
              ?disabled=${this._busy}
              @click=${() => this._call("log_pain", { level })}
            >
              ${level}
            </button>`,
        )}
      </div>
    </section>`;
  }

  // ----- the countdown: text only, no render -----

  private _syncCountdown(): void {
    this._stopTimer();
    if (this.isConnected) this._tick();
  }

  private _tick(): void {
    this._timer = undefined;
    const element = this.renderRoot?.querySelector<HTMLElement>(".countdown");
    if (!element) return;
    const remaining = remainingMs(this._session, Date.now());
    const text = formatCountdown(remaining);
    if (element.textContent !== text) element.textContent = text;
    window.__backReliefTicks = (window.__backReliefTicks ?? 0) + 1;
    if (this._session.status === "running" && remaining !== undefined && remaining > 0) {
      this._timer = setTimeout(() => this._tick(), nextTickDelay(remaining));
    }
  }

  private _stopTimer(): void {
    if (this._timer !== undefined) clearTimeout(this._timer);
    this._timer = undefined;
  }

  // ----- actions -----

  private _start(activity: Activity, minutes: number | undefined): void {
    const data: Record<string, unknown> = { activity };
    if (minutes !== undefined) data.duration = minutes;
    void this._call("start_session", data);
  }

  private _toggleFlareUp(isOn: boolean): void {
    const id = this._ids["switch.flare_up"];
    if (!id) return;
    void this._run(() =>
      this.hass!.callService("switch", isOn ? "turn_off" : "turn_on", { entity_id: id }),
    );
  }

  private async _call(service: string, data: Record<string, unknown> = {}): Promise<void> {
    const entryId = this._person?.entryId;
    if (!entryId) return;
    await this._run(() =>
      this.hass!.callService(DOMAIN, service, { ...data, config_entry_id: entryId }),
    );
  }

  private async _run(action: () => Promise<unknown>): Promise<void> {
    if (!this.hass || this._busy) return;
    this._busy = true;
    this._error = "";
    try {
      await action();
    } catch (error) {
      this._error = errorMessage(error);
    } finally {
      this._busy = false;
    }
  }
}

void defineElements(
  () => window.customElements,
  [
    [EDITOR_TAG, BackReliefCardEditor],
    [CARD_TAG, BackReliefCard],
  ],
);
if (!window.customCards?.some((card) => card.type === CARD_TAG)) {
  window.customCards = window.customCards ?? [];
  window.customCards.push({
    type: CARD_TAG,
    name: "Back Relief",
    description: "A person's back-care routine: the session with a live countdown, goals, streaks.",
    preview: true,
    documentationURL: "https://github.com/back-relief/back-relief#the-dashboard-card",
  });
}
