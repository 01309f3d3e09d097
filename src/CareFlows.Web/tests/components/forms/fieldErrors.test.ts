import { describe, expect, it } from "vitest";
import { ApiError } from "../../../src/api/problem";
import { completionErrors } from "../../../src/components/forms/fieldErrors";
import { readForm } from "../../../src/components/forms/formDefinition";

const form = readForm({ fields: [{ key: "reached", type: "boolean", label: "Reached", required: true }, { key: "notes", type: "text" }] });

describe("completionErrors", () => {
  it("maps the server's $.data paths to fields and links each summary line to its input", () => {
    const error = new ApiError(422, {
      title: "One or more validation errors occurred.",
      errors: { "$.data.reached": ["'Reached' is required."], "$.outcome": ["'maybe' is not an outcome of this task."] },
    });

    const { byField, summary } = completionErrors(error, form, "task");

    expect(byField).toEqual({ reached: ["'Reached' is required."] });
    expect(summary).toEqual([{ targetId: "task-reached", message: "'Reached' is required." }, { message: "'maybe' is not an outcome of this task." }]);
  });

  it("says what happened when the refusal names no field", () => {
    const { summary } = completionErrors(new ApiError(409, { detail: "The task was completed by someone else." }), form);

    expect(summary).toEqual([{ message: "The task was completed by someone else." }]);
  });
});
