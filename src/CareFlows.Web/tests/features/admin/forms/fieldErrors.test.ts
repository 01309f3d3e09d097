import { describe, expect, it } from "vitest";
import { ApiError } from "../../../../src/api/problem";
import { errorsByField, formErrors } from "../../../../src/features/admin/forms/fieldErrors";

const fields = ["email", "displayName", "password", "roles", "teams"];

describe("formErrors", () => {
  it("maps JSON paths to the form's fields, an index to its list", () => {
    const error = new ApiError(422, {
      title: "The request is invalid.",
      errors: { "$.email": ["'email' is not a valid email address."], "$.roles[1]": ["'roles[1]' must be one of ClinicalLead, Coordinator, Auditor, Admin."] },
    });

    expect(formErrors(error, fields)).toEqual([
      { field: "email", message: "'email' is not a valid email address." },
      { field: "roles", message: "'roles[1]' must be one of ClinicalLead, Coordinator, Auditor, Admin." },
    ]);
  });

  it("keeps an error about a field the form does not have, without a field", () => {
    const error = new ApiError(422, { title: "Invalid", errors: { "$": ["Something about the whole request."] } });

    expect(formErrors(error, fields)).toEqual([{ field: null, message: "Something about the whole request." }]);
  });

  it("ties a conflict to the field the caller names, and says it in the server's words", () => {
    const error = new ApiError(409, { title: "Conflict", detail: "A user with the email 'a@b.c' exists already." });

    expect(formErrors(error, fields, { conflictField: "email" })).toEqual([{ field: "email", message: "A user with the email 'a@b.c' exists already." }]);
    expect(formErrors(error, fields)).toEqual([{ field: null, message: "A user with the email 'a@b.c' exists already." }]);
  });

  it("leaves failures that are not about the input to an alert", () => {
    expect(formErrors(new ApiError(500, { title: "Server error" }), fields)).toEqual([]);
    expect(formErrors(new ApiError(0, { title: "Network error" }), fields)).toEqual([]);
    expect(formErrors(new Error("boom"), fields)).toEqual([]);
    expect(formErrors(null, fields)).toEqual([]);
  });
});

describe("errorsByField", () => {
  it("shows the first message of each field beside it", () => {
    expect(
      errorsByField([
        { field: "roles", message: "first" },
        { field: "roles", message: "second" },
        { field: null, message: "general" },
      ]),
    ).toEqual({ roles: "first" });
  });
});
