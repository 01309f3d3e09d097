import { describe, expect, it } from "vitest";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MantineProvider } from "@mantine/core";
import type { MetricRatio } from "../../../../src/features/metrics/api";
import { RatioChart } from "../../../../src/features/metrics/charts/RatioChart";

const ratios: MetricRatio[] = [
  { name: "contactRate", numeratorDefinition: "contacted", numerator: 3, denominatorDefinition: "discharges", denominator: 8, rate: 0.375 },
  { name: "attemptComplianceRate", numeratorDefinition: "attempted", numerator: 0, denominatorDefinition: "discharges", denominator: 0, rate: null },
];

const renderChart = (shown: MetricRatio[]) =>
  render(
    <MantineProvider>
      <RatioChart title="Contact" ratios={shown} label={(name) => (name === "contactRate" ? "Contact by the deadline" : "Attempts")} />
    </MantineProvider>,
  );

describe("RatioChart", () => {
  it("hides the picture from screen readers and gives them the figures as a table", () => {
    const { container } = renderChart(ratios);

    expect(container.querySelector("[aria-hidden='true'] .recharts-responsive-container, [aria-hidden='true'] .mantine-BarChart-root")).not.toBeNull();
    const table = screen.getByRole("table");
    const row = within(table).getByRole("row", { name: /Contact by the deadline/ });
    expect(row.textContent).toContain("38%");
    expect(row.textContent).toContain("3");
    expect(row.textContent).toContain("8");
    expect(within(table).getByRole("row", { name: /Attempts/ }).textContent).toContain("no rate");
  });

  it("switches to the table for anyone", async () => {
    const user = userEvent.setup();
    const { container } = renderChart(ratios);

    await user.click(screen.getByText("Table"));

    expect(container.querySelector("[aria-hidden='true']")).toBeNull();
    expect(screen.getByRole("table")).toBeTruthy();
  });

  it("says there is nothing to show rather than drawing empty bars", () => {
    renderChart([ratios[1]]);

    expect(screen.getByText("Nothing was counted in this period, so there is no rate.")).toBeTruthy();
    expect(screen.queryByRole("table")).toBeNull();
  });
});
