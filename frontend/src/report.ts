// The report from the card: the period and the format the person picks, the
// language of the person who opens it, and links Home Assistant has signed.
// A browser can't send a sign-in header with a plain link, and an unsigned
// request counts as a failed login (repeated, it bans the address), so the
// card never shows an unsigned link. Plain functions, tested in Node.

import { DOMAIN } from "./logic";

/** The periods the card offers, in days. */
export const REPORT_PERIODS = [7, 30, 90, 365] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];
export const DEFAULT_PERIOD: ReportPeriod = 30;

export const REPORT_FORMATS = ["html", "csv"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The languages the report is written in. */
export const REPORT_LANGUAGES: readonly string[] = ["en", "de", "fr", "es", "nl"];

/** How long a signature holds, and how long the card trusts one before signing again. */
export const SIGNATURE_SECONDS = 3600;
const SIGNATURE_TRUSTED_MS = (SIGNATURE_SECONDS - 600) * 1000;

/** The report's language for a profile's language ("de-CH" reads German); undefined: the house's. */
export function reportLanguage(language: string | undefined): string | undefined {
  const base = (language ?? "").replace("_", "-").split("-")[0]!.toLowerCase();
  return REPORT_LANGUAGES.includes(base) ? base : undefined;
}

/** The report's path, unsigned: days, the format unless the page, the language if known. */
export function reportPath(
  entryId: string,
  days: ReportPeriod,
  format: ReportFormat,
  language?: string,
): string {
  const query = new URLSearchParams({ days: String(days) });
  if (format !== "html") query.set("format", format);
  if (language) query.set("lang", language);
  return `/api/${DOMAIN}/report/${encodeURIComponent(entryId)}?${query.toString()}`;
}

/** Every link the card offers, by "<days>/<format>", to be signed at once. */
export function reportPaths(entryId: string, language?: string): Record<string, string> {
  const paths: Record<string, string> = {};
  for (const days of REPORT_PERIODS) {
    for (const format of REPORT_FORMATS) {
      paths[reportKey(days, format)] = reportPath(entryId, days, format, language);
    }
  }
  return paths;
}

export function reportKey(days: ReportPeriod, format: ReportFormat): string {
  return `${days}/${format}`;
}

/** Whether links signed at `signedAt` still hold at `now`, with ten minutes to spare. */
export function signaturesHold(signedAt: number | undefined, now: number): boolean {
  return signedAt !== undefined && now - signedAt >= 0 && now - signedAt < SIGNATURE_TRUSTED_MS;
}
