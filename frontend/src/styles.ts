import { css } from "lit";

// Every colour comes from the theme (with Home Assistant's defaults as
// fall-backs), so the card follows light, dark and custom themes. Sizes follow
// the card's own width (container queries), not the screen's: the same card
// may fill a tablet in a panel view or one column of a sections view.
export const cardStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    --br-gap: 16px;
    --br-radius: var(--ha-card-border-radius, 12px);
    --br-accent: var(--primary-color, #03a9f4);
    --br-on-accent: var(--text-primary-color, #fff);
    --br-text: var(--primary-text-color, #212121);
    --br-muted: var(--secondary-text-color, #727272);
    --br-divider: var(--divider-color, rgba(0, 0, 0, 0.12));
    --br-good: var(--success-color, #43a047);
    --br-stop: var(--error-color, #db4437);
    --br-warn: var(--warning-color, #ffa600);
  }

  ha-card {
    height: 100%;
    overflow: hidden;
  }
  .card {
    box-sizing: border-box;
    height: 100%;
    padding: var(--br-gap);
    display: grid;
    gap: var(--br-gap);
    grid-template-columns: minmax(0, 1fr);
    grid-template-areas: "head" "session" "goals" "pain" "notice" "error";
    align-content: start;
    color: var(--br-text);
    font-family: var(--ha-font-family-body, var(--paper-font-body1_-_font-family, inherit));
    line-height: 1.3;
  }
  .card.showing-history {
    grid-template-areas: "head" "history" "notice" "error";
  }

  header {
    grid-area: head;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 8px 16px;
  }
  .tools {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  .tab {
    font-size: 18px;
    background: transparent;
    border-color: var(--br-accent);
    color: var(--br-accent);
  }
  .name {
    font-size: clamp(24px, 5cqi, 40px);
    font-weight: 600;
    overflow-wrap: anywhere;
    min-width: 0;
  }

  section {
    min-width: 0;
  }
  .session {
    grid-area: session;
    display: flex;
    flex-direction: column;
    gap: 12px;
  }
  .goals {
    grid-area: goals;
    display: flex;
    flex-direction: column;
    gap: 14px;
  }
  .pain {
    grid-area: pain;
  }
  .error {
    grid-area: error;
    color: var(--br-stop);
    font-size: 18px;
    overflow-wrap: anywhere;
  }
  .error:empty,
  .notice:empty {
    display: none;
  }
  .notice {
    grid-area: notice;
    font-size: 20px;
    font-weight: 500;
    color: var(--br-text);
  }
  .undo-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 8px 16px;
    padding: 8px 12px;
    border-radius: 12px;
    background: var(--br-divider);
    font-size: 18px;
  }
  .undo {
    background: var(--br-accent);
    color: var(--br-on-accent);
    font-size: 20px;
    font-weight: 600;
  }
  .tomorrow {
    font-size: 16px;
    color: var(--br-muted);
  }

  .heading {
    font-size: 18px;
    font-weight: 500;
    color: var(--br-muted);
    margin: 0;
  }

  button {
    font: inherit;
    color: inherit;
    min-height: 56px;
    min-width: 56px;
    border-radius: 12px;
    border: 2px solid transparent;
    padding: 8px 16px;
    cursor: pointer;
    touch-action: manipulation;
    -webkit-tap-highlight-color: transparent;
  }
  button:focus-visible {
    outline: 3px solid var(--br-accent);
    outline-offset: 2px;
  }
  button:disabled {
    opacity: 0.5;
    cursor: default;
  }

  .starts {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: 12px;
  }
  .start {
    min-height: 88px;
    background: var(--br-accent);
    color: var(--br-on-accent);
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 2px;
  }
  .start .activity {
    font-size: clamp(20px, 4.5cqi, 28px);
    font-weight: 600;
  }
  .start .minutes {
    font-size: 18px;
    opacity: 0.9;
  }

  .now {
    display: flex;
    align-items: baseline;
    justify-content: space-between;
    flex-wrap: wrap;
    gap: 4px 12px;
  }
  .now .activity {
    font-size: clamp(26px, 6cqi, 44px);
    font-weight: 600;
  }
  .badge {
    font-size: 18px;
    font-weight: 600;
    padding: 4px 12px;
    border-radius: 999px;
    background: var(--br-warn);
    color: #000;
  }
  .countdown {
    font-size: clamp(72px, 22cqi, 168px);
    font-weight: 700;
    line-height: 1;
    font-variant-numeric: tabular-nums;
    letter-spacing: -0.02em;
    text-align: center;
    padding: 8px 0;
  }
  .paused .countdown {
    color: var(--br-muted);
  }
  .ends {
    text-align: center;
    font-size: 20px;
    color: var(--br-muted);
  }
  .controls {
    display: grid;
    grid-auto-flow: column;
    grid-auto-columns: minmax(0, 1fr);
    gap: 12px;
  }
  .controls button {
    min-height: 72px;
    font-size: 24px;
    font-weight: 600;
  }
  .pause,
  .resume {
    background: transparent;
    border-color: var(--br-accent);
    color: var(--br-accent);
  }
  .resume {
    background: var(--br-accent);
    color: var(--br-on-accent);
  }
  .stop {
    background: var(--br-stop);
    color: #fff;
  }
  .extend {
    background: transparent;
    border-color: var(--br-text);
    color: var(--br-text);
  }

  .goal .row {
    display: flex;
    align-items: baseline;
    justify-content: space-between;
    gap: 8px;
    flex-wrap: wrap;
  }
  .goal .label {
    font-size: 20px;
    font-weight: 600;
  }
  .goal .amount {
    font-size: clamp(22px, 4.5cqi, 32px);
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  .goal .amount small {
    font-size: 18px;
    font-weight: 400;
    color: var(--br-muted);
  }
  .bar {
    height: 14px;
    border-radius: 7px;
    background: var(--br-divider);
    overflow: hidden;
    margin: 6px 0 4px;
  }
  .bar > div {
    height: 100%;
    border-radius: 7px;
    background: var(--br-accent);
  }
  .goal.met .bar > div {
    background: var(--br-good);
  }
  .streak {
    font-size: 18px;
    color: var(--br-muted);
  }
  .streak strong {
    color: var(--br-text);
  }

  .levels {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(52px, 1fr));
    gap: 8px;
    margin-top: 8px;
  }
  .level {
    min-width: 52px;
    padding: 0;
    font-size: 22px;
    font-weight: 600;
    background: transparent;
    border-color: var(--br-divider);
  }
  .level[aria-pressed="true"] {
    background: var(--br-accent);
    border-color: var(--br-accent);
    color: var(--br-on-accent);
  }
  .pain .hint {
    font-size: 16px;
    color: var(--br-muted);
  }

  .flare {
    font-size: 18px;
    background: transparent;
    border-color: var(--br-divider);
    display: inline-flex;
    align-items: center;
    gap: 10px;
  }
  .flare .dot {
    width: 14px;
    height: 14px;
    border-radius: 50%;
    background: var(--br-divider);
  }
  .flare[aria-pressed="true"] {
    border-color: var(--br-warn);
  }
  .flare[aria-pressed="true"] .dot {
    background: var(--br-warn);
  }

  .message {
    font-size: 18px;
    padding: var(--br-gap);
  }

  .step-of {
    font-size: 20px;
    font-weight: 600;
    color: var(--br-muted);
  }
  .step {
    display: flex;
    flex-direction: column;
    gap: 6px;
    padding: 12px 16px;
    border-radius: 12px;
    background: color-mix(in srgb, var(--br-accent) 12%, transparent);
  }
  .step-name {
    font-size: clamp(24px, 5cqi, 36px);
    font-weight: 700;
  }
  .cue {
    margin: 0;
    font-size: clamp(20px, 3.4cqi, 24px);
  }
  .step-countdown {
    font-size: clamp(64px, 16cqi, 104px);
    font-weight: 700;
    line-height: 1;
    font-variant-numeric: tabular-nums;
    text-align: center;
  }
  .step-controls {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: 12px;
  }
  .step-controls button {
    font-size: 20px;
    font-weight: 600;
    background: var(--br-accent);
    color: var(--br-on-accent);
  }
  .step-controls .repeat-step {
    background: transparent;
    border-color: var(--br-accent);
    color: var(--br-accent);
  }
  .guided .countdown {
    font-size: clamp(32px, 7cqi, 44px);
    padding: 0;
  }
  .guided .controls button {
    min-height: 60px;
  }
  .guided.session {
    gap: 8px;
  }

  .history {
    grid-area: history;
    display: flex;
    flex-direction: column;
    gap: 12px;
  }
  .calendars {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(160px, 1fr));
    gap: 12px 16px;
  }
  figure {
    margin: 0;
  }
  .calendar figcaption {
    display: flex;
    justify-content: space-between;
    font-size: 20px;
    font-weight: 600;
    margin-bottom: 6px;
  }
  .weeks {
    display: grid;
    grid-template-columns: repeat(12, minmax(0, 1fr));
    gap: 3px;
  }
  .week {
    display: grid;
    grid-template-rows: repeat(7, auto);
    gap: 3px;
  }
  .day {
    display: inline-block;
    aspect-ratio: 1;
    min-width: 0;
    border-radius: 3px;
    box-sizing: border-box;
    background: var(--br-divider);
  }
  .day.met {
    background: var(--br-good);
  }
  .day.none,
  .day.before,
  .day.future {
    background: transparent;
    border: 1px dashed var(--br-divider);
  }
  .day.future {
    border: none;
  }
  .day.before {
    border: 1px dotted var(--br-divider);
  }
  .day.flare-day {
    outline: 2px solid var(--br-warn);
    outline-offset: -2px;
  }
  .calendar-key,
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 6px 16px;
    font-size: 16px;
    color: var(--br-muted);
  }
  .calendar-key span,
  .legend span {
    display: inline-flex;
    align-items: center;
    gap: 6px;
  }
  .calendar-key .day {
    width: 14px;
  }
  .calendar-key .day.before {
    border-color: var(--br-muted);
  }
  .chart svg {
    width: 100%;
    height: 180px;
    display: block;
  }
  .chart rect.exercise,
  .key.exercise {
    fill: var(--br-accent);
    background: var(--br-accent);
  }
  .chart rect.rest,
  .key.rest {
    fill: var(--br-good);
    background: var(--br-good);
  }
  .chart rect.inversion,
  .key.inversion {
    fill: var(--accent-color, #ff9800);
    background: var(--accent-color, #ff9800);
  }
  .chart .grid {
    stroke: var(--br-divider);
    stroke-dasharray: 4 4;
  }
  .pain-line {
    fill: none;
    stroke: var(--br-stop);
    stroke-width: 2.5;
    vector-effect: non-scaling-stroke;
  }
  .pain-dot {
    fill: var(--br-stop);
  }
  .key {
    display: inline-block;
    width: 14px;
    height: 14px;
    border-radius: 3px;
  }
  .key.pain {
    height: 3px;
    background: var(--br-stop);
  }
  .axis {
    display: flex;
    justify-content: space-between;
    font-size: 14px;
    color: var(--br-muted);
  }
  .report-choice {
    display: flex;
    flex-direction: column;
    gap: 12px;
  }
  .periods {
    display: grid;
    grid-template-columns: repeat(4, minmax(0, 1fr));
    gap: 8px;
  }
  .period {
    font-size: clamp(15px, 4cqi, 18px);
    white-space: nowrap;
    background: transparent;
    border-color: var(--br-divider);
    padding: 8px 2px;
  }
  .period[aria-checked="true"] {
    background: var(--br-accent);
    border-color: var(--br-accent);
    color: var(--br-on-accent);
    font-weight: 600;
  }
  .report-links {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 24px;
  }
  .report {
    display: inline-flex;
    align-items: center;
    font-size: 18px;
    color: var(--br-accent);
    min-height: 56px;
  }

  /* A tablet, or a wide column: session beside the goals, pain below. */
  @container (min-width: 720px) {
    .card {
      --br-gap: 24px;
      grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
      grid-template-areas: "head head" "session goals" "pain pain" "notice notice" "error error";
      column-gap: 40px;
    }
    .card.showing-history {
      grid-template-areas: "head head" "history history" "notice notice" "error error";
    }
    .starts {
      gap: 16px;
    }
    .start {
      min-height: 112px;
    }
    .levels {
      grid-template-columns: repeat(11, minmax(52px, 1fr));
    }
  }
`;
