import { beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { ReactFlowProvider } from "@xyflow/react";
import { MemoryRouter } from "react-router";
import type { ElsaDefinition } from "../../../src/components/flow/elsa";
import type { DefinitionResponse, ValidationReport } from "../../../src/features/designer/api/definitionsApi";
import { Designer } from "../../../src/features/designer/Designer";
import { activity, descriptors, smallDefinition } from "./fixtures";
import "./harness";
import { renderInTheme } from "./render";

const validate = vi.fn<(definition: ElsaDefinition) => Promise<ValidationReport>>();

vi.mock("../../../src/features/designer/api/definitionsApi", async (original) => ({
  ...(await original<typeof import("../../../src/features/designer/api/definitionsApi")>()),
  validateDefinition: (definition: ElsaDefinition) => validate(definition),
}));

// React Flow reads the viewport transform through DOMMatrixReadOnly, which jsdom lacks.
class Matrix {
  m22: number;
  constructor(transform?: string) {
    const scale = /scale\(([\d.]+)\)/.exec(transform ?? "")?.[1];
    this.m22 = scale ? Number(scale) : 1;
  }
}
(globalThis as unknown as { DOMMatrixReadOnly: typeof Matrix }).DOMMatrixReadOnly ??= Matrix;

function response(definition: ElsaDefinition): DefinitionResponse {
  return {
    definition,
    definitionId: definition.definitionId!,
    id: "v1",
    version: 1,
    isLatest: true,
    isPublished: false,
    status: "Draft",
    createdAt: "2026-11-30T10:00:00Z",
    updatedAt: "2026-11-30T10:00:00Z",
    etag: '"v1.abc"',
  };
}

function renderDesigner(definition: ElsaDefinition) {
  const queries = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return renderInTheme(
    <MemoryRouter>
      <QueryClientProvider client={queries}>
        <ReactFlowProvider>
          <Designer initial={response(definition)} descriptors={descriptors} draftKey={`test:${Math.random()}`} canEdit />
        </ReactFlowProvider>
      </QueryClientProvider>
    </MemoryRouter>,
  );
}

const definition = () =>
  smallDefinition([
    activity("start", "Elsa.Start"),
    activity("task", "CareFlows.HumanTask", { metadata: { displayText: "Call the patient", designer: { position: { x: 0, y: 120 } } }, title: { typeName: "String", expression: { type: "Literal", value: "" } } }),
    activity("end", "Elsa.End"),
  ]);

beforeEach(() => {
  sessionStorage.clear();
  validate.mockReset();
});

describe("The designer", { timeout: 30000 }, () => {
  it("lists the server's problems by JSON path; choosing one selects its activity and moves focus to its field", async () => {
    validate.mockResolvedValue({
      isValid: false,
      canRun: true,
      problems: [
        { path: "$.root.activities[1].title", message: "Activity 'task' needs a value for 'Title', but none is set.", code: "MissingInput", severity: "Error" },
        { path: "$.root.activities[2]", message: "End can never run.", code: "Unreachable", severity: "Warning" },
      ],
    });
    renderDesigner(definition());

    const panel = screen.getByTestId("validation-panel");
    const rows = await within(panel).findAllByTestId("validation-problem");
    expect(rows.map((r) => r.getAttribute("data-path"))).toEqual(["$.root.activities[1].title", "$.root.activities[2]"]);
    expect(within(panel).getByText("1 error")).toBeTruthy();
    expect(rows[0].textContent).toContain("Call the patient › title");
    expect(validate).toHaveBeenCalledTimes(1);

    await userEvent.click(rows[0]);

    const properties = await screen.findByTestId("property-panel");
    expect(within(properties).getByRole("heading", { name: "Call the patient" })).toBeTruthy();
    await waitFor(() => expect(document.activeElement?.id).toBe("input-task-title"));
    expect(within(properties).getByText("Activity 'task' needs a value for 'Title', but none is set.")).toBeTruthy();
  });

  it("validates again after a change, and the fix clears the problem", async () => {
    validate.mockImplementation(async (d) => {
      const title = (d.root.activities[1].title as { expression: { value: string } } | undefined)?.expression.value;
      return title
        ? { isValid: true, canRun: true, problems: [] }
        : { isValid: false, canRun: true, problems: [{ path: "$.root.activities[1].title", message: "Title is missing.", code: "MissingInput", severity: "Error" }] };
    });
    renderDesigner(definition());

    await userEvent.click(await screen.findByTestId("validation-problem"));
    await userEvent.type(await screen.findByRole("textbox", { name: "Title" }), "Call");

    await waitFor(() => expect(screen.getByText("No problems found.")).toBeTruthy(), { timeout: 3000 });
  });

  it("undoes and redoes edits with the toolbar and with Ctrl+Z / Ctrl+Shift+Z", async () => {
    validate.mockResolvedValue({ isValid: true, canRun: true, problems: [] });
    renderDesigner(definition());
    const nodes = () => document.querySelectorAll(".react-flow__node").length;
    await waitFor(() => expect(nodes()).toBe(3));

    await userEvent.click(screen.getByRole("button", { name: "Add Delay" }));
    await waitFor(() => expect(nodes()).toBe(4));
    await userEvent.click(screen.getByRole("button", { name: "Add End" }));
    await waitFor(() => expect(nodes()).toBe(5));
    expect(screen.getByTestId("unsaved-badge")).toBeTruthy();

    await userEvent.click(screen.getByRole("button", { name: "Undo (Ctrl+Z)" }));
    await waitFor(() => expect(nodes()).toBe(4));
    fireEvent.keyDown(window, { key: "z", ctrlKey: true });
    await waitFor(() => expect(nodes()).toBe(3));
    fireEvent.keyDown(window, { key: "z", ctrlKey: true, shiftKey: true });
    await waitFor(() => expect(nodes()).toBe(4));
    await userEvent.click(screen.getByRole("button", { name: "Redo (Ctrl+Shift+Z)" }));
    await waitFor(() => expect(nodes()).toBe(5));
  });

  it("adds an activity chosen in the toolbox below the selected one, connected from its free outcome", async () => {
    validate.mockResolvedValue({ isValid: true, canRun: true, problems: [] });
    const d = definition();
    d.root.activities = [d.root.activities[0]];
    renderDesigner(d);
    await waitFor(() => expect(document.querySelectorAll(".react-flow__node").length).toBe(1));
    fireEvent.click(document.querySelector('[data-id="start"]')!);

    await userEvent.click(screen.getByRole("button", { name: "Add Human Task" }));

    const properties = await screen.findByTestId("property-panel");
    expect(within(properties).getByRole("heading", { name: "HumanTask1" })).toBeTruthy();
    await userEvent.click(within(properties).getByRole("tab", { name: "Info" }));
    expect(within(properties).getByText("from Start-start (Done)")).toBeTruthy();
  });
});
