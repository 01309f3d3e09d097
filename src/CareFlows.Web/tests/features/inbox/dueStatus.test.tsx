import { describe, expect, it } from "vitest";
import { screen } from "@testing-library/react";
import { dueSoonHours, dueState } from "../../../src/features/inbox/dueStatus";
import { DueBadge } from "../../../src/features/inbox/TaskBadges";
import { renderWithTheme } from "../../render";

const now = new Date("2026-11-30T12:00:00Z");
const hours = (n: number) => new Date(now.getTime() + n * 3_600_000).toISOString();

describe("due state", () => {
  it("is overdue once the due time has passed, or when the server says so", () => {
    expect(dueState({ dueAt: hours(-0.01), status: "ready" }, now)).toBe("overdue");
    expect(dueState({ dueAt: now.toISOString(), status: "in-progress" }, now)).toBe("overdue");
    expect(dueState({ dueAt: hours(30), status: "ready", overdue: true }, now)).toBe("overdue");
  });

  it(`is due soon within ${dueSoonHours} hours, on track after`, () => {
    expect(dueState({ dueAt: hours(1), status: "ready" }, now)).toBe("due-soon");
    expect(dueState({ dueAt: hours(dueSoonHours), status: "on-hold" }, now)).toBe("due-soon");
    expect(dueState({ dueAt: hours(dueSoonHours + 0.1), status: "ready" }, now)).toBe("on-track");
  });

  it("is nothing for tasks that are closed or have no due time", () => {
    expect(dueState({ dueAt: hours(-5), status: "completed", overdue: false }, now)).toBe("none");
    expect(dueState({ dueAt: hours(-5), status: "cancelled" }, now)).toBe("none");
    expect(dueState({ dueAt: null, status: "ready" }, now)).toBe("none");
  });
});

describe("DueBadge", () => {
  it("says overdue and due soon in words, not by colour alone", () => {
    renderWithTheme(
      <>
        <DueBadge task={{ dueAt: hours(-2), status: "ready", overdue: true }} now={now} />
        <DueBadge task={{ dueAt: hours(3), status: "ready", overdue: false }} now={now} />
      </>,
    );
    expect(screen.getByText("Overdue")).toBeTruthy();
    expect(screen.getByText("Due soon")).toBeTruthy();
    expect(screen.getAllByTestId("due-badge").map((b) => b.getAttribute("data-due-state"))).toEqual(["overdue", "due-soon"]);
  });

  it("shows nothing for a task on track or done", () => {
    const { container } = renderWithTheme(
      <>
        <DueBadge task={{ dueAt: hours(48), status: "ready", overdue: false }} now={now} />
        <DueBadge task={{ dueAt: hours(-48), status: "completed", overdue: false }} now={now} />
      </>,
    );
    expect(container.querySelectorAll("[data-testid='due-badge']")).toHaveLength(0);
  });
});
