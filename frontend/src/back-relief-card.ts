// custom:back-relief-card: one person's routine on a wall tablet.
//
// Lit renders the card when one of the person's own entities changes, never
// for the rest of the house (see shouldUpdate). The countdowns are the one
// thing that moves every second: a timer rewrites the text of their elements,
// without a render, from the session's and the step's end times. The history
// view is drawn from one get_summary call made when it opens.

import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from "lit";

import { BackReliefCardEditor } from "./editor";
import { HISTORY_DAYS, type Summary } from "./history";
import { renderHistory, type ReportChoice } from "./history-view";
import {
  cardLanguage,
  cardTexts,
  loadTexts,
  plural,
  translate,
  type TextKey,
  type Texts,
  type Values,
} from "./i18n";
import {
  DOMAIN,
  EXTEND_MINUTES,
  GOALS,
  PAIN_LEVELS,
  SESSION_SERVICES,
  SHOWN_KEYS,
  START_ACTIVITIES,
  cardSize,
  cardSuggestion,
  errorMessage,
  findPeople,
  formatCountdown,
  nextTickDelayOf,
  offers,
  painToCorrect,
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
  stepRemainingMs,
  stretchRoutine,
  undoUntil,
  type Activity,
  type CardView,
  type Person,
  type SessionView,
} from "./logic";
import { defineElements } from "./register";
import {
  DEFAULT_PERIOD,
  SIGNATURE_SECONDS,
  reportKey,
  reportLanguage,
  reportPaths,
  signaturesHold,
  type ReportFormat,
  type ReportPeriod,
} from "./report";
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
/** How long "6 changed to 4" stays on the card. */
const NOTICE_MS = 60_000;

export class BackReliefCard extends LitElement {
  static override styles = cardStyles;

  static override properties = {
    hass: { attribute: false },
    _config: { state: true },
    _busy: { state: true },
    _error: { state: true },
    _texts: { state: true },
    _view: { state: true },
    _summary: { state: true },
    _notice: { state: true },
    _period: { state: true },
    _reportLinks: { state: true },
  };

  declare hass?: HomeAssistant;
  declare _config?: BackReliefCardConfig;
  declare _busy: boolean;
  declare _error: string;
  declare _texts?: Texts;
  declare _view: CardView;
  declare _summary?: Summary;
  /** What the last action did, said once ("6 changed to 4"). */
  declare _notice: string;
  declare _period: ReportPeriod;
  declare _reportLinks?: Record<string, string>;

  private _person?: Person;
  private _ids: Record<string, string> = {};
  private _session: SessionView = { status: "unavailable" };
  private _timer?: ReturnType<typeof setTimeout>;
  private _language?: string;
  private _signedAt?: number;
  private _undoTimer?: ReturnType<typeof setTimeout>;
  private _noticeTimer?: ReturnType<typeof setTimeout>;

  constructor() {
    super();
    this._busy = false;
    this._error = "";
    this._notice = "";
    this._view = "today";
    this._period = DEFAULT_PERIOD;
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
    return cardSize(this._view, this._session);
  }

  getGridOptions(): Record<string, number | string> {
    // The whole width of a section, and never so short that the pain row hides.
    return { columns: 12, rows: "auto", min_columns: 6, min_rows: 8 };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this._syncCountdown();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._stopTimer();
    this._clearUndoTimer();
    this._say("");
  }

  /** Say what an action did, for a while: a wall tablet doesn't keep yesterday's news. */
  private _say(notice: string): void {
    if (this._noticeTimer !== undefined) clearTimeout(this._noticeTimer);
    this._noticeTimer = undefined;
    this._notice = notice;
    if (notice) this._noticeTimer = setTimeout(() => this._say(""), NOTICE_MS);
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
    const language = cardLanguage(hass);
    if (language !== this._language) {
      this._language = language;
      loadTexts(hass, language).then(
        (texts) => {
          if (this._language === language) this._texts = texts;
        },
        () => {
          // Without the texts the card still works: it shows their keys.
          if (this._language === language) this._texts = cardTexts(language, {});
        },
      );
    }
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
    this._syncUndo();
  }

  /** Render once more when the undo runs out, so that its button goes. */
  private _syncUndo(): void {
    this._clearUndoTimer();
    const until = undoUntil(this._state("sensor.session"), Date.now());
    if (until !== undefined) {
      this._undoTimer = setTimeout(() => this.requestUpdate(), until - Date.now() + 50);
    }
  }

  private _clearUndoTimer(): void {
    if (this._undoTimer !== undefined) clearTimeout(this._undoTimer);
    this._undoTimer = undefined;
  }

  private _state(key: string): HassEntity | undefined {
    const id = this._ids[key];
    return id ? this.hass?.states[id] : undefined;
  }

  private _t(key: TextKey, values?: Values): string {
    return translate(this._texts, key, values);
  }

  private _days(count: number): string {
    return plural(this._texts, "days", count);
  }

  protected override render(): TemplateResult {
    window.__backReliefRenders = (window.__backReliefRenders ?? 0) + 1;
    if (!this.hass || !this._config || !this._texts) return html`<ha-card></ha-card>`;
    const person = this._person;
    if (!person) {
      const wanted = this._config.config_entry_id;
      return html`<ha-card>
        <div class="message">
          ${wanted ? this._t("unknown_person", { entry_id: wanted }) : this._t("choose_person")}
        </div>
      </ha-card>`;
    }
    const history = this._view === "history";
    return html`<ha-card>
      <div
        class="card ${history ? "showing-history" : ""}"
        role="group"
        aria-label=${this._t("card_label", { name: person.name })}
      >
        <header>
          <div class="name">${person.name}</div>
          <div class="tools">
            ${this._renderFlareUp()}
            <button
              class="tab"
              aria-pressed=${history ? "true" : "false"}
              @click=${() => this._showView(history ? "today" : "history")}
            >
              ${history ? this._t("today") : this._t("history")}
            </button>
          </div>
        </header>
        ${history
          ? renderHistory(this._texts, this._summary, this._firstWeekday(), this._reportChoice())
          : html`${this._renderSession()} ${this._renderGoals()} ${this._renderPain()}`}
        <div class="notice" role="status">${this._notice}</div>
        <div class="error" role="alert">${this._error}</div>
      </div>
    </ha-card>`;
  }

  private _renderFlareUp(): TemplateResult | typeof nothing {
    const flareUp = readSwitch(this._state("switch.flare_up"));
    if (flareUp === undefined) return nothing;
    return html`<button
      class="flare"
      aria-pressed=${flareUp ? "true" : "false"}
      ?disabled=${this._busy}
      title=${flareUp ? this._t("flare_on_hint") : this._t("flare_off_hint")}
      @click=${() => this._toggleFlareUp(flareUp)}
    >
      <span class="dot"></span>${flareUp ? this._t("flare_on") : this._t("flare_off")}
    </button>`;
  }

  private _renderSession(): TemplateResult {
    const session = this._session;
    if (session.status === "unavailable") {
      return html`<section class="session">
        <p class="heading">${this._t("session_unavailable")}</p>
      </section>`;
    }
    if (session.status === "idle") return this._renderStarts();
    const label = session.activity ? this._t(`activity.${session.activity}`) : "";
    const step = session.step;
    return html`<section class="session ${session.status} ${step ? "guided" : ""}">
      <div class="now">
        <span class="activity">${label}</span>
        ${step?.count
          ? html`<span class="step-of">${this._t("step_of", { number: step.number, count: step.count })}</span>`
          : nothing}
        ${session.status === "paused" ? html`<span class="badge">${this._t("paused")}</span>` : nothing}
      </div>
      ${step
        ? html`<div class="step">
            <div class="step-name">
              ${step.name}${step.side ? html` · ${this._t(`side.${step.side}`)}` : nothing}
            </div>
            ${step.cue ? html`<p class="cue">${step.cue}</p>` : nothing}
            ${step.endsAt !== undefined
              ? html`<div class="step-countdown" role="timer" aria-label=${this._t("step_time_left")}></div>`
              : nothing}
            <div class="step-controls">
              <button class="repeat-step" ?disabled=${this._busy} @click=${() => this._call("repeat_step")}>
                ${this._t("repeat_step")}
              </button>
              <button class="next-step" ?disabled=${this._busy} @click=${() => this._call("next_step")}>
                ${this._t("next_step")}
              </button>
            </div>
          </div>`
        : nothing}
      <div class="countdown" role="timer" aria-label=${this._t("time_left")}></div>
      <div class="ends">${this._endsText(session)}</div>
      <div class="controls">
        ${sessionActions(session.status).map(
          (action) =>
            html`<button
              class=${action}
              ?disabled=${this._busy}
              @click=${() =>
                this._call(`${action}_session`, action === "extend" ? { minutes: EXTEND_MINUTES } : {})}
            >
              ${this._t(action, { minutes: EXTEND_MINUTES })}
            </button>`,
        )}
      </div>
    </section>`;
  }

  private _renderStarts(): TemplateResult {
    const durations: Partial<Record<Activity, HassEntity | undefined>> = {};
    for (const activity of START_ACTIVITIES) {
      durations[activity] = this._state(`number.${activity}_duration`);
    }
    const select = this._state("select.stretch_routine");
    const routine = stretchRoutine(select);
    const canUndo =
      this.hass !== undefined &&
      offers(this.hass, "undo_session") &&
      undoUntil(this._state("sensor.session"), Date.now()) !== undefined;
    return html`<section class="session idle">
      ${canUndo
        ? html`<div class="undo-row">
            <span>${this._t("undo_hint")}</span>
            <button class="undo" ?disabled=${this._busy} @click=${() => this._call("undo_session")}>
              ${this._t("undo")}
            </button>
          </div>`
        : nothing}
      <h2 class="heading">${this._t("start_heading")}</h2>
      <div class="starts">
        ${startButtons("idle", durations).map(({ activity, minutes }) => {
          const guided = activity === "stretch" && routine !== undefined && select !== undefined;
          const detail = guided
            ? (this.hass?.formatEntityState?.(select) ?? routine)
            : minutes === undefined
              ? undefined
              : this._t("minutes", { minutes });
          return html`<button
            class="start"
            data-activity=${activity}
            ?disabled=${this._busy}
            @click=${() => this._start(activity, minutes)}
          >
            <span class="activity">${this._t(`activity.${activity}`)}</span>
            ${detail === undefined ? nothing : html`<span class="minutes">${detail}</span>`}
          </button>`;
        })}
      </div>
    </section>`;
  }

  private _endsText(session: SessionView): string {
    const planned = session.plannedMinutes
      ? this._t("session_minutes", { minutes: session.plannedMinutes })
      : "";
    if (session.status !== "running" || session.endsAt === undefined) return planned;
    const time = new Intl.DateTimeFormat(this._texts?.language, {
      hour: "numeric",
      minute: "2-digit",
    }).format(new Date(session.endsAt));
    const ends = this._t("ends_at", { time });
    return planned ? `${planned} · ${ends}` : ends;
  }

  private _renderGoals(): TemplateResult {
    return html`<section class="goals">
      <h2 class="heading">${this._t("today")}</h2>
      ${GOALS.map((goal) => {
        const progress = readProgress(this._state(`sensor.${goal}_today`));
        const streak = readStreak(this._state(`sensor.${goal}_streak`));
        if (!progress && !streak) return nothing;
        const percent = Math.round((progress?.fraction ?? 0) * 100);
        const label = this._t(`goal.${goal}`);
        return html`<div class="goal ${progress?.met ? "met" : ""}" data-goal=${goal}>
          <div class="row">
            <span class="label">${label}</span>
            ${progress
              ? html`<span class="amount"
                  >${progress.minutes}${progress.goal === undefined
                    ? nothing
                    : html`<small> ${this._t("of_goal", { goal: progress.goal })}</small>`}</span
                >`
              : nothing}
          </div>
          <div
            class="bar"
            role="progressbar"
            aria-label=${this._t("goal_today", { goal: label })}
            aria-valuemin="0"
            aria-valuemax="100"
            aria-valuenow=${percent}
          >
            <div style="width: ${percent}%"></div>
          </div>
          ${progress?.tomorrowGoal === undefined
            ? nothing
            : html`<div class="tomorrow">${this._t("tomorrow", { minutes: progress.tomorrowGoal })}</div>`}
          ${streak
            ? html`<div class="streak">
                ${this._t("streak")} <strong>${this._days(streak.days)}</strong>${streak.best
                  ? html` · ${this._t("best", { days: this._days(streak.best) })}`
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
      <h2 class="heading">${this._t("pain_heading")}</h2>
      <div class="levels" role="group" aria-label=${this._t("pain_level")}>
        ${PAIN_LEVELS.map(
          (level) =>
            html`<button
              class="level"
              aria-pressed=${current === level ? "true" : "false"}
              ?disabled=${this._busy}
              @click=${() => this._logPain(level)}
            >
              ${level}
            </button>`,
        )}
      </div>
    </section>`;
  }

  // ----- the history view: fetched when it opens -----

  private _firstWeekday(): number {
    return this.hass?.locale?.first_weekday === "sunday" ? 0 : 1;
  }

  private _showView(view: CardView): void {
    this._view = view;
    this._error = "";
    if (view === "history") void this._loadHistory();
  }

  private async _loadHistory(): Promise<void> {
    const hass = this.hass;
    const entryId = this._person?.entryId;
    if (!hass || !entryId) return;
    this._summary = undefined;
    try {
      const [answer] = await Promise.all([
        hass.callWS<{ response: Summary }>({
          type: "call_service",
          domain: DOMAIN,
          service: "get_summary",
          service_data: { days: HISTORY_DAYS, config_entry_id: entryId },
          return_response: true,
        }),
        this._signReport(),
      ]);
      if (this._view !== "history" || this._person?.entryId !== entryId) return;
      this._summary = answer.response;
    } catch (error) {
      this._error = errorMessage(error, this._t("refused"));
    }
  }

  // ----- the report: signed links, in the reader's language -----

  private _reportChoice(): ReportChoice {
    return {
      period: this._period,
      links: this._reportLinks,
      pick: (period) => {
        this._period = period;
      },
      open: (event, format) => this._openReport(event, format),
    };
  }

  /**
   * Sign every link the card offers at once (the report needs Home Assistant's
   * authentication, and a browser link can't carry a header). Without a
   * signature there is no link: an unsigned one would count as a failed login.
   */
  private async _signReport(): Promise<Record<string, string> | undefined> {
    const hass = this.hass;
    const entryId = this._person?.entryId;
    if (!hass || !entryId) return undefined;
    const paths = reportPaths(entryId, reportLanguage(cardLanguage(hass)));
    const signedAt = Date.now();
    try {
      const signed = await Promise.all(
        Object.entries(paths).map(async ([key, path]) => {
          const answer = await hass.callWS<{ path: string }>({
            type: "auth/sign_path",
            path,
            expires: SIGNATURE_SECONDS,
          });
          return [key, answer.path] as const;
        }),
      );
      if (this._person?.entryId !== entryId) return undefined;
      this._reportLinks = Object.fromEntries(signed);
      this._signedAt = signedAt;
      return this._reportLinks;
    } catch {
      this._reportLinks = undefined;
      return undefined;
    }
  }

  /** A tablet left on the history for an hour renews the signatures before opening. */
  private _openReport(event: Event, format: ReportFormat): void {
    if (signaturesHold(this._signedAt, Date.now())) return;
    event.preventDefault();
    const key = reportKey(this._period, format);
    void this._signReport().then((links) => {
      const link = links?.[key];
      if (!link) return;
      const anchor = document.createElement("a");
      anchor.href = link;
      if (format === "csv") anchor.download = "";
      else {
        anchor.target = "_blank";
        anchor.rel = "noopener";
      }
      anchor.click();
    });
  }

  // ----- the countdowns: text only, no render -----

  private _syncCountdown(): void {
    this._stopTimer();
    if (this.isConnected) this._tick();
  }

  private _tick(): void {
    this._timer = undefined;
    const root = this.renderRoot;
    const element = root?.querySelector<HTMLElement>(".countdown");
    const stepElement = root?.querySelector<HTMLElement>(".step-countdown");
    if (!element && !stepElement) return;
    const now = Date.now();
    const remaining = remainingMs(this._session, now);
    const stepRemaining = stepRemainingMs(this._session, now);
    for (const [target, ms] of [
      [element, remaining],
      [stepElement, stepRemaining],
    ] as const) {
      const text = formatCountdown(ms);
      if (target && target.textContent !== text) target.textContent = text;
    }
    window.__backReliefTicks = (window.__backReliefTicks ?? 0) + 1;
    if (this._session.status !== "running") return;
    const delay = nextTickDelayOf([remaining, stepRemaining]);
    if (delay !== undefined) this._timer = setTimeout(() => this._tick(), delay);
  }

  private _stopTimer(): void {
    if (this._timer !== undefined) clearTimeout(this._timer);
    this._timer = undefined;
  }

  // ----- actions -----

  private _start(activity: Activity, minutes: number | undefined): void {
    // Stretching starts as its button does: the routine chosen in the select.
    const button = this._ids["button.start_stretch"];
    if (activity === "stretch" && button && stretchRoutine(this._state("select.stretch_routine"))) {
      void this._run(() => this.hass!.callService("button", "press", { entity_id: button }));
      return;
    }
    const data: Record<string, unknown> = { activity };
    if (minutes !== undefined) data.duration = minutes;
    void this._call("start_session", data);
  }

  /** A level tapped again within ten minutes puts the last one right, if the server can. */
  private _logPain(level: number): void {
    const hass = this.hass;
    if (!hass) return;
    const before = offers(hass, "log_pain", "replace")
      ? painToCorrect(this._state("sensor.pain_level"), Date.now())
      : undefined;
    const data: Record<string, unknown> = { level };
    if (before !== undefined) data.replace = true;
    void this._call("log_pain", data).then((done) => {
      if (done && before !== undefined && before !== level) {
        this._say(this._t("pain_changed", { before, after: level }));
      }
    });
  }

  private _toggleFlareUp(isOn: boolean): void {
    const id = this._ids["switch.flare_up"];
    if (!id) return;
    void this._run(() =>
      this.hass!.callService("switch", isOn ? "turn_off" : "turn_on", { entity_id: id }),
    );
  }

  /** Call one of Back Relief's actions for the person; true when it was done. */
  private async _call(service: string, data: Record<string, unknown> = {}): Promise<boolean> {
    const entryId = this._person?.entryId;
    const hass = this.hass;
    if (!entryId || !hass) return false;
    const full: Record<string, unknown> = { ...data, config_entry_id: entryId };
    // The session's events say the card started or steered it, where the server listens.
    if (SESSION_SERVICES.has(service) && offers(hass, service, "source")) full.source = "card";
    return this._run(() => hass.callService(DOMAIN, service, full));
  }

  private async _run(action: () => Promise<unknown>): Promise<boolean> {
    if (!this.hass || this._busy) return false;
    this._busy = true;
    this._error = "";
    this._say("");
    try {
      await action();
      return true;
    } catch (error) {
      this._error = errorMessage(error, this._t("refused"));
      return false;
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
    description:
      "A person's back-care routine: the session with a live countdown and guided steps, goals, streaks and history.",
    preview: true,
    // The card picker's "By entity" (Home Assistant 2026.x) offers the card for a person's entities.
    getEntitySuggestion: (hass: HomeAssistant, entityId: string) =>
      cardSuggestion(hass, entityId, `custom:${CARD_TAG}`),
    documentationURL: "https://github.com/back-relief/back-relief#the-dashboard-card",
  });
}
