import { describe, expect, it } from "vitest";
import { periodProblems, periodQuery } from "../../../src/features/metrics/period";

const zone = "America/New_York";

describe("periodQuery", () => {
  it("starts the last 30 days at local midnight, across a daylight-saving change, and runs to now", () => {
    // 30 Nov is in EST (UTC-5); 31 Oct was in EDT (UTC-4).
    expect(periodQuery({ preset: "30", fromDate: "", toDate: "" }, zone, new Date("2026-11-30T05:17:00Z"))).toEqual({ from: "2026-10-31T04:00:00.000Z" });
  });

  it("counts the organisation's day, not the UTC one", () => {
    // 02:00 UTC on 1 Dec is still 30 Nov in New York.
    expect(periodQuery({ preset: "90", fromDate: "", toDate: "" }, zone, new Date("2026-12-01T02:00:00Z"))).toEqual({ from: "2026-09-01T04:00:00.000Z" });
  });

  it("covers both days of a custom period whole", () => {
    expect(periodQuery({ preset: "custom", fromDate: "2026-11-01", toDate: "2026-11-30" }, zone)).toEqual({
      from: "2026-11-01T04:00:00.000Z",
      to: "2026-12-01T05:00:00.000Z",
    });
  });

  it("asks nothing while a custom period is incomplete", () => {
    expect(periodQuery({ preset: "custom", fromDate: "2026-11-01", toDate: "" }, zone)).toBeNull();
  });
});

describe("periodProblems", () => {
  it("names the field at fault", () => {
    expect(periodProblems({ preset: "custom", fromDate: "", toDate: "" })).toEqual({ from: "Enter the first day of the period.", to: "Enter the last day of the period." });
    expect(periodProblems({ preset: "custom", fromDate: "2026-11-30", toDate: "2026-11-01" })).toEqual({ to: "The last day must be on or after the first day." });
    expect(periodProblems({ preset: "custom", fromDate: "2025-01-01", toDate: "2026-11-01" }).to).toBe("A period covers at most 366 days.");
    expect(periodProblems({ preset: "custom", fromDate: "2026-11-30", toDate: "2026-11-30" })).toEqual({});
    expect(periodProblems({ preset: "30", fromDate: "", toDate: "" })).toEqual({});
  });
});
