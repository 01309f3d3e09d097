import { describe, expect, it } from "vitest";
import type { MetricRatio } from "../../../src/features/metrics/api";
import { filtersText, formatMeasure, formatPercent, measureSentence, periodText, ratioSentence } from "../../../src/features/metrics/describe";

const ratio = (numerator: number, denominator: number): MetricRatio => ({
  name: "approved",
  numeratorDefinition: "decided approved",
  numerator,
  denominatorDefinition: "requests decided in the period",
  denominator,
  rate: denominator === 0 ? null : Math.round((numerator / denominator) * 10000) / 10000,
});

describe("ratioSentence", () => {
  it("states the rate with its numerator and denominator in the server's words", () => {
    expect(ratioSentence(ratio(1, 2))).toBe("50%: 1 of 2 requests decided in the period — decided approved.");
  });

  it("says there is no rate when nothing was counted, rather than 0%", () => {
    expect(ratioSentence(ratio(0, 0))).toBe("No rate: there were no requests decided in the period.");
  });

  it("keeps a decimal for small rates, where rounding would hide them", () => {
    expect(formatPercent(0.0333)).toBe("3.3%");
    expect(formatPercent(0.6667)).toBe("67%");
    expect(formatPercent(1)).toBe("100%");
    expect(formatPercent(0)).toBe("0%");
  });
});

describe("measureSentence", () => {
  it("gives the figure with its unit and definition", () => {
    expect(measureSentence("Median time to first attempt", { value: 24, unit: "hours", definition: "from the discharge time to the first logged attempt" })).toBe(
      "Median time to first attempt: 24 hours — from the discharge time to the first logged attempt.",
    );
    expect(formatMeasure({ value: 1, unit: "days", definition: "" })).toBe("1 day");
    expect(formatMeasure({ value: 2.345, unit: "hours", definition: "" })).toBe("2.3 hours");
  });

  it("says when there was nothing to measure", () => {
    expect(measureSentence("Expedited, median", { value: null, unit: "hours", definition: "median, expedited requests" })).toBe(
      "Expedited, median: not measured, as there was nothing to measure — median, expedited requests.",
    );
  });
});

describe("periodText and filtersText", () => {
  it("names the period in the organisation's zone", () => {
    expect(periodText("2026-10-31T04:00:00Z", "2026-11-30T19:05:00Z", "America/New_York")).toBe("31 Oct 2026 00:00 to 30 Nov 2026 14:05 (America/New_York)");
  });

  it("names the filters by name where known", () => {
    expect(filtersText({ pathway: null, team: null })).toBe("all pathways and teams");
    expect(filtersText({ pathway: "prior-authorization", team: "um" }, { pathway: () => "Prior authorization" })).toBe("pathway Prior authorization, team um");
  });
});
