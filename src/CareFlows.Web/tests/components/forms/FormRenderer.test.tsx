import { useState } from "react";
import { describe, expect, it } from "vitest";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FormRenderer } from "../../../src/components/forms/FormRenderer";
import { readForm, toSubmission, type FormValues } from "../../../src/components/forms/formDefinition";
import { setOrganisationTimeZone } from "../../../src/components/format";
import { renderWithTheme } from "../../render";

const form = readForm({
  fields: [
    { key: "reached", type: "boolean", label: "Patient reached", required: true },
    { key: "notes", type: "multiline", label: "Call notes", help: "What was discussed" },
    { key: "attempts", type: "number", label: "Attempts", min: 1, max: 3 },
    { key: "channel", type: "choice", label: "Channel", options: ["phone", { value: "sms", label: "Text message" }] },
    { key: "topics", type: "multi-choice", label: "Topics", options: ["meds", "follow-up"] },
    { name: "callback", type: "date-time", label: "Call back at" },
    { key: "visit", type: "date", label: "Visit date" },
    { type: "text", label: "No key, left out" },
    { key: "odd", type: "signature", label: "Unknown type, left out" },
  ],
});

function Harness({ errors }: { errors?: Record<string, string[]> }) {
  const [values, setValues] = useState<FormValues>({});
  return (
    <>
      <FormRenderer form={form} values={values} onChange={setValues} errors={errors} />
      <output data-testid="submission">{JSON.stringify(toSubmission(form, values))}</output>
    </>
  );
}

const submission = () => JSON.parse(screen.getByTestId("submission").textContent ?? "{}");

describe("FormRenderer", () => {
  it("renders a labelled input per readable field, with hints and required marks", () => {
    renderWithTheme(<Harness />);

    expect(form.fields.map((f) => f.key)).toEqual(["reached", "notes", "attempts", "channel", "topics", "callback", "visit"]);
    expect(screen.getByRole("radiogroup", { name: /Patient reached/ })).toBeTruthy();
    expect(screen.getByLabelText("Call notes")).toBeTruthy();
    expect(screen.getByText("What was discussed")).toBeTruthy();
    expect(screen.getByRole("radio", { name: "Text message" })).toBeTruthy();
    expect(screen.getByRole("checkbox", { name: "meds" })).toBeTruthy();
    expect(screen.getByLabelText("Visit date")).toHaveProperty("type", "date");
  });

  it("submits typed values with their JSON types and leaves unanswered fields out", async () => {
    setOrganisationTimeZone("America/New_York");
    renderWithTheme(<Harness />);
    const user = userEvent.setup();

    expect(submission()).toEqual({});
    await user.click(screen.getByRole("radio", { name: "No" }));
    await user.type(screen.getByLabelText("Call notes"), "Left a voicemail");
    await user.type(screen.getByLabelText("Attempts"), "2");
    await user.click(screen.getByRole("radio", { name: "Text message" }));
    await user.click(screen.getByRole("checkbox", { name: "follow-up" }));

    expect(submission()).toEqual({ reached: false, notes: "Left a voicemail", attempts: 2, channel: "sms", topics: ["follow-up"] });
  });

  it("sends a date and time with the organisation's offset", async () => {
    setOrganisationTimeZone("America/New_York");
    renderWithTheme(<Harness />);
    const input = screen.getByLabelText("Call back at") as HTMLInputElement;

    await userEvent.setup().type(input, "2026-12-01T09:30");

    expect(submission().callback).toBe("2026-12-01T09:30:00-05:00");
    expect(screen.getByText(/Time in America\/New_York/)).toBeTruthy();
  });

  it("shows the server's message beside its field and marks it invalid", () => {
    renderWithTheme(<Harness errors={{ reached: ["'Patient reached' is required."], attempts: ["'Attempts' must be between 1 and 3."] }} />);

    expect(screen.getByText("'Patient reached' is required.")).toBeTruthy();
    expect(screen.getByLabelText("Attempts").getAttribute("aria-invalid")).toBe("true");
  });
});
