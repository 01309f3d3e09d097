import { describe, expect, it } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderInTheme as renderWithTheme } from "./render";
import { activity, smallDefinition } from "./fixtures";
import { edited, PanelHarness } from "./harness";

const render = (type: string, extra: Record<string, unknown> = {}) =>
  renderWithTheme(<PanelHarness initial={smallDefinition([activity("a1", type, extra)])} activityId="a1" />);

describe("The property panel, generated from input descriptors", { timeout: 30000 }, () => {
  it("gives each UI hint its editor: single line, multi-line, dropdown, checkbox, code and JSON", () => {
    render("CareFlows.HumanTask");
    expect(screen.getByRole("textbox", { name: /Assignee/ }).tagName).toBe("INPUT");
    expect(screen.getByRole("combobox", { name: "Syntax for Title" })).toHaveProperty("value", "Liquid");
    expect(screen.getByRole("textbox", { name: "Instructions (Liquid)" })).toBeTruthy();
    expect(screen.getByRole("combobox", { name: "Syntax for Priority" })).toBeTruthy();
    expect(screen.getByRole("textbox", { name: "Patient (Object (JSON))" })).toBeTruthy();
    expect(screen.getByTestId("due-time-editor")).toBeTruthy();
    expect(screen.getByTestId("deadlines-editor")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Add field" })).toBeTruthy();
  });

  it("writes a single-line literal in Elsa's shape and unsets it when cleared", async () => {
    render("Elsa.Event");
    const input = screen.getByRole("textbox", { name: /Event ?name/i });

    await userEvent.type(input, "PatientDischarged");
    expect(edited().eventName).toEqual({ typeName: "String", expression: { type: "Literal", value: "PatientDischarged" } });

    await userEvent.clear(input);
    expect(edited().eventName).toBeUndefined();
  });

  it("writes a checkbox as a boolean literal", async () => {
    render("Elsa.DispatchWorkflow");
    await userEvent.click(screen.getByRole("checkbox", { name: /Wait ?for ?completion/i }));
    expect(edited().waitForCompletion).toEqual({ typeName: "Boolean", expression: { type: "Literal", value: true } });
  });

  it("offers a dropdown's options and writes the choice", async () => {
    render("Elsa.FlowJoin");
    await userEvent.click(screen.getByRole("combobox", { name: /^Mode/ }));
    await userEvent.click(await screen.findByRole("option", { name: "WaitAll" }));
    expect(edited().mode).toEqual({ typeName: "String", expression: { type: "Literal", value: "WaitAll" } });
  });

  it("edits a code input with a JavaScript editor", () => {
    render("Elsa.FlowDecision");
    expect(screen.getByRole("combobox", { name: "Syntax for Condition" })).toHaveProperty("value", "JavaScript");
    expect(screen.getByRole("textbox", { name: "Condition (JavaScript)" }).getAttribute("contenteditable")).toBe("true");
  });

  it("switches a literal to JavaScript, keeping its text as the script", async () => {
    render("Elsa.Event", { eventName: { typeName: "String", expression: { type: "Literal", value: "Discharged" } } });
    await userEvent.click(screen.getByRole("combobox", { name: "Syntax for Event name" }));
    await userEvent.click(await screen.findByRole("option", { name: "JavaScript" }));

    expect(edited().eventName).toEqual({ typeName: "String", expression: { type: "JavaScript", value: "Discharged" } });
    expect(screen.getByRole("textbox", { name: "Event name (JavaScript)" })).toBeTruthy();
  });

  it("keeps a time span as d.hh:mm:ss from days, hours and minutes", async () => {
    render("Elsa.Delay");
    const days = screen.getByLabelText("Days");
    await userEvent.clear(days);
    await userEvent.type(days, "2");
    await userEvent.type(screen.getByLabelText("Hours"), "{selectall}4");
    expect(edited().timeSpan).toEqual({ typeName: "TimeSpan", expression: { type: "Literal", value: "2.04:00:00" } });
  });

  it("writes dynamic outcomes as JSON text in an Object expression", async () => {
    render("Elsa.FlowFork");
    await userEvent.click(screen.getByRole("button", { name: "Add" }));
    await userEvent.click(screen.getByRole("button", { name: "Add" }));
    expect(edited().branches).toEqual({ typeName: "String[]", expression: { type: "Object", value: '["Outcome 1","Outcome 2"]' } });
  });

  it("builds a task's form field by field with a live preview drawn by FormRenderer", async () => {
    render("CareFlows.HumanTask");
    await userEvent.click(screen.getByRole("button", { name: "Add field" }));
    await userEvent.click(screen.getByRole("button", { name: "Add field" }));
    const second = screen.getByRole("group", { name: /Field 2/ });
    const label = within(second).getByRole("textbox", { name: "Label" });
    await userEvent.clear(label);
    await userEvent.paste("Reached the patient");
    await userEvent.click(within(second).getByRole("combobox", { name: "Type" }));
    await userEvent.click(await screen.findByRole("option", { name: "Yes / no" }));
    await userEvent.click(within(second).getByRole("checkbox", { name: "Required" }));

    const form = edited().form as { typeName: string; expression: { type: string; value: string } };
    expect(form.typeName).toBe("Object");
    expect(form.expression.type).toBe("Object");
    expect(JSON.parse(form.expression.value)).toEqual({
      fields: [
        { key: "field1", type: "text", label: "Field 1" },
        { key: "field2", type: "boolean", label: "Reached the patient", required: true },
      ],
    });
    const preview = screen.getByRole("region", { name: "Form preview" });
    expect(within(preview).getByRole("radiogroup", { name: /Reached the patient/ })).toBeTruthy();
    expect(within(preview).getByRole("textbox", { name: "Field 1" })).toBeTruthy();
  });

  it("tells of a form field whose key is used twice", async () => {
    render("CareFlows.HumanTask", { form: { typeName: "Object", expression: { type: "Object", value: '{"fields": [{"key": "a", "type": "text"}, {"key": "a", "type": "text"}]}' } } });
    expect(screen.getByText("The key 'a' is used by another field.")).toBeTruthy();
  });

  it("sets the due time in business days and a not-started deadline with its escalation", async () => {
    render("CareFlows.HumanTask");
    await userEvent.click(screen.getByRole("radio", { name: "Business days" }));
    expect(edited().dueInBusinessDays).toEqual({ typeName: "Int32", expression: { type: "Literal", value: 2 } });

    await userEvent.click(screen.getByRole("switch", { name: /Not started deadline/ }));
    await userEvent.type(within(screen.getByTestId("deadline-notStarted")).getByRole("textbox", { name: "Reassign to team" }), "rn");
    const deadlines = edited().deadlines as { expression: { type: string; value: string } };
    expect(deadlines.expression.type).toBe("Object");
    expect(JSON.parse(deadlines.expression.value)).toEqual([{ kind: "notStarted", businessDays: 1, escalate: { reassignTo: "rn" } }]);
  });

  it("edits a Switch's cases as Elsa writes them and moves a renamed case's connections", async () => {
    const definition = smallDefinition([activity("s", "Elsa.FlowSwitch", { cases: [{ label: "High", condition: { type: "JavaScript", value: "true" } }] }), activity("t", "Elsa.End")]);
    definition.root.connections = [{ source: { activity: "s", port: "High" }, target: { activity: "t", port: "In" } }];
    renderWithTheme(<PanelHarness initial={definition} activityId="s" />);

    const label = screen.getByRole("textbox", { name: "Label (outcome port)" });
    await userEvent.type(label, "er");
    await userEvent.click(screen.getByRole("button", { name: "Add case" }));

    expect(edited().cases).toEqual([
      { label: "Higher", condition: { type: "JavaScript", value: "true" } },
      { label: "Case 2", condition: { type: "JavaScript", value: "" } },
    ]);
    expect(JSON.parse(screen.getByTestId("connections").textContent!)[0].source).toEqual({ activity: "s", port: "Higher" });
  });

  it("picks Set Variable's variable from the workflow's variables, embedded as Elsa does", async () => {
    render("Elsa.SetVariable");
    await userEvent.click(screen.getByRole("combobox", { name: /^Variable/ }));
    await userEvent.click(await screen.findByRole("option", { name: "Patient (Object)" }));
    expect(edited().variable).toEqual({ id: "v1", name: "Patient", typeName: "Object", isArray: false, value: null });
  });

  it("keeps an input's typeName when its value changes", async () => {
    render("Elsa.Event", { eventName: { typeName: "Custom", expression: { type: "Literal", value: "A" } } });
    await userEvent.type(screen.getByRole("textbox", { name: /Event ?name/i }), "B");
    await waitFor(() => expect(edited().eventName).toEqual({ typeName: "Custom", expression: { type: "Literal", value: "AB" } }));
  });
});
