import assert from "node:assert/strict";
import { describe, it } from "node:test";

import {
  REPORT_PERIODS,
  SIGNATURE_SECONDS,
  reportKey,
  reportLanguage,
  reportPath,
  reportPaths,
  signaturesHold,
} from "../src/report";

describe("the report's links", () => {
  it("asks for the period, the format and the reader's language", () => {
    assert.equal(reportPath("entry_alex", 30, "html", "de"), "/api/back_relief/report/entry_alex?days=30&lang=de");
    assert.equal(
      reportPath("entry_alex", 365, "csv", "en"),
      "/api/back_relief/report/entry_alex?days=365&format=csv&lang=en",
    );
    assert.equal(reportPath("entry_alex", 7, "html"), "/api/back_relief/report/entry_alex?days=7");
  });

  it("offers 7, 30, 90 and 365 days, each as a page and as CSV", () => {
    assert.deepEqual([...REPORT_PERIODS], [7, 30, 90, 365]);
    const paths = reportPaths("e1", "fr");
    assert.equal(Object.keys(paths).length, 8);
    assert.equal(paths[reportKey(90, "csv")], "/api/back_relief/report/e1?days=90&format=csv&lang=fr");
  });

  it("writes the report in the profile's language, or leaves it to the house", () => {
    assert.equal(reportLanguage("de"), "de");
    assert.equal(reportLanguage("de-CH"), "de");
    assert.equal(reportLanguage("en_GB"), "en");
    assert.equal(reportLanguage("NL"), "nl");
    assert.equal(reportLanguage("it"), undefined);
    assert.equal(reportLanguage(""), undefined);
    assert.equal(reportLanguage(undefined), undefined);
  });

  it("signs again before a signature runs out", () => {
    const signedAt = 1_000_000;
    assert.equal(signaturesHold(signedAt, signedAt + 60_000), true);
    assert.equal(signaturesHold(signedAt, signedAt + (SIGNATURE_SECONDS - 601) * 1000), true);
    assert.equal(signaturesHold(signedAt, signedAt + (SIGNATURE_SECONDS - 600) * 1000), false);
    assert.equal(signaturesHold(undefined, signedAt), false);
    assert.equal(signaturesHold(signedAt, signedAt - 1), false);
  });
});
