// The card's history view: twelve weeks of goals as calendars, and the pain
// against the minutes of the last eight weeks. Drawn once when the view
// opens (from one get_summary call), never on a countdown tick.

import { html, nothing, svg, type TemplateResult } from "lit";

import {
  calendarWeeks,
  chartDays,
  daysMet,
  minutesScale,
  painPath,
  type ChartDay,
  type Summary,
} from "./history";
import { plural, translate, type Texts } from "./i18n";
import { GOALS, type Goal } from "./logic";
import { REPORT_PERIODS, reportKey, type ReportFormat, type ReportPeriod } from "./report";

/** The report's choices on the card: the period picked, and the signed links. */
export interface ReportChoice {
  period: ReportPeriod;
  /** Signed links by "<days>/<format>"; undefined until Home Assistant has signed them. */
  links?: Record<string, string>;
  pick(period: ReportPeriod): void;
  /** Before a link opens: signatures near their end are renewed first. */
  open(event: Event, format: ReportFormat): void;
}

const CHART_WIDTH = 560;
const CHART_HEIGHT = 160;

function formatDate(language: string, isoDate: string, options: Intl.DateTimeFormatOptions): string {
  // Noon UTC names the same calendar day in every time zone the browser may be in.
  return new Intl.DateTimeFormat(language, { ...options, timeZone: "UTC" }).format(
    new Date(`${isoDate}T12:00:00Z`),
  );
}

function renderCalendar(
  texts: Texts,
  summary: Summary,
  goal: Goal,
  firstWeekday: number,
): TemplateResult {
  const weeks = calendarWeeks(summary, goal, firstWeekday);
  const language = texts.language;
  const labels: Partial<Record<string, string>> = {
    met: translate(texts, "met"),
    missed: translate(texts, "not_met"),
    before: translate(texts, "before_first_day"),
  };
  const label = (kind: string): string => labels[kind] ?? "";
  return html`<figure class="calendar" data-goal=${goal}>
    <figcaption>
      <span>${translate(texts, `goal.${goal}`)}</span>
      <strong>${daysMet(weeks)}</strong>
    </figcaption>
    <div class="weeks" role="grid">
      ${weeks.map(
        (week) =>
          html`<div class="week" role="row">
            ${week.map((day) => {
              const words = [
                formatDate(language, day.date, { weekday: "short", day: "numeric", month: "short" }),
                label(day.kind),
                day.flareUp ? translate(texts, "flare_up") : "",
              ]
                .filter(Boolean)
                .join(", ");
              return html`<span
                class="day ${day.kind} ${day.flareUp ? "flare-day" : ""}"
                role="gridcell"
                title=${words}
                aria-label=${words}
              ></span>`;
            })}
          </div>`,
      )}
    </div>
  </figure>`;
}

function renderChart(texts: Texts, days: ChartDay[]): TemplateResult {
  const scale = minutesScale(days);
  const slot = CHART_WIDTH / Math.max(1, days.length);
  const barWidth = Math.max(2, slot - 2);
  const language = texts.language;
  const bars = days.map((day, index) => {
    let top = CHART_HEIGHT;
    const words = translate(texts, "day_summary", {
      date: formatDate(language, day.date, { day: "numeric", month: "short" }),
      minutes: day.total,
      pain: day.pain === undefined ? translate(texts, "no_pain") : day.pain,
    });
    return svg`<g class="bar"><title>${words}</title>${GOALS.map((goal) => {
      const height = (day.minutes[goal] / scale) * CHART_HEIGHT;
      top -= height;
      return height > 0
        ? svg`<rect class=${goal} x=${index * slot + 1} y=${top} width=${barWidth} height=${height}></rect>`
        : nothing;
    })}</g>`;
  });
  const dots = days.map((day, index) =>
    day.pain === undefined
      ? nothing
      : svg`<circle class="pain-dot" cx=${(index + 0.5) * slot} cy=${CHART_HEIGHT - (day.pain / 10) * CHART_HEIGHT} r="3"></circle>`,
  );
  const first = days[0]?.date;
  const last = days[days.length - 1]?.date;
  return html`<figure class="chart">
    <svg viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}" preserveAspectRatio="none" role="img"
      aria-label=${translate(texts, "pain_minutes_heading")}>
      <line class="grid" x1="0" x2=${CHART_WIDTH} y1=${CHART_HEIGHT / 2} y2=${CHART_HEIGHT / 2}></line>
      ${bars}
      <path class="pain-line" d=${painPath(days, CHART_WIDTH, CHART_HEIGHT)}></path>
      ${dots}
    </svg>
    <div class="axis">
      <span>${first ? formatDate(language, first, { day: "numeric", month: "short" }) : ""}</span>
      <span>${last ? formatDate(language, last, { day: "numeric", month: "short" }) : ""}</span>
    </div>
    <figcaption class="legend">
      ${GOALS.map(
        (goal) => html`<span><i class="key ${goal}"></i>${translate(texts, `goal.${goal}`)}</span>`,
      )}
      <span><i class="key pain"></i>${translate(texts, "pain_axis")}</span>
      <span class="scale">${translate(texts, "minutes_a_day")}: 0–${scale}</span>
    </figcaption>
  </figure>`;
}

function renderReport(texts: Texts, report: ReportChoice): TemplateResult {
  const links = report.links;
  const page = links?.[reportKey(report.period, "html")];
  const csv = links?.[reportKey(report.period, "csv")];
  return html`<div class="report-choice" role="group" aria-label=${translate(texts, "report_heading")}>
    <h2 class="heading">${translate(texts, "report_heading")}</h2>
    <div class="periods" role="radiogroup" aria-label=${translate(texts, "report_period")}>
      ${REPORT_PERIODS.map(
        (days) =>
          html`<button
            class="period"
            role="radio"
            data-days=${days}
            aria-checked=${days === report.period ? "true" : "false"}
            @click=${() => report.pick(days)}
          >
            ${plural(texts, "days", days)}
          </button>`,
      )}
    </div>
    <div class="report-links">
      ${page
        ? html`<a class="report" data-format="html" href=${page} target="_blank" rel="noopener"
            @click=${(event: Event) => report.open(event, "html")}>${translate(texts, "report")}</a>`
        : nothing}
      ${csv
        ? html`<a class="report csv" data-format="csv" href=${csv} download
            @click=${(event: Event) => report.open(event, "csv")}>${translate(texts, "report_csv")}</a>`
        : nothing}
    </div>
  </div>`;
}

/** The history view: the calendars, the chart and the report's choices. */
export function renderHistory(
  texts: Texts,
  summary: Summary | undefined,
  firstWeekday: number,
  report: ReportChoice,
): TemplateResult {
  if (!summary) {
    return html`<section class="history"><p class="heading">${translate(texts, "loading")}</p></section>`;
  }
  return html`<section class="history">
    <h2 class="heading">${translate(texts, "goals_heading")}</h2>
    <div class="calendars">
      ${GOALS.map((goal) => renderCalendar(texts, summary, goal, firstWeekday))}
    </div>
    <div class="calendar-key">
      <span><i class="day met"></i>${translate(texts, "met")}</span>
      <span><i class="day missed"></i>${translate(texts, "not_met")}</span>
      <span><i class="day missed flare-day"></i>${translate(texts, "flare_up")}</span>
      ${summary.first_day && summary.days.some((day) => day.date < summary.first_day!)
        ? html`<span><i class="day before"></i>${translate(texts, "before_first_day")}</span>`
        : nothing}
    </div>
    <h2 class="heading">${translate(texts, "pain_minutes_heading")}</h2>
    ${renderChart(texts, chartDays(summary))}
    ${renderReport(texts, report)}
  </section>`;
}
