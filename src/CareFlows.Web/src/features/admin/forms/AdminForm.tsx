import type { ReactNode } from "react";
import { Stack } from "@mantine/core";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { ErrorSummary } from "./ErrorSummary";
import { errorsByField, formErrors } from "./fieldErrors";
import { isFormError } from "./isFormError";

export interface AdminFormProps {
  onSubmit: () => void;
  /** The last failed submit, if any: refusals of what was typed go beside their fields, anything else in an alert. */
  error: unknown;
  /** The form's own names for its fields, and the id of each one's input, so the summary can link to it. */
  fieldNames: readonly string[];
  fieldId: (field: string) => string;
  /** The field a conflict without a field name is about (an email, a team name that is taken). */
  conflictField?: string;
  /** What the alert says when the failure is not about a field. */
  failureTitle: string;
}

/**
 * Every admin form's submit and error wiring: the summary at the top links to each refused field, the message
 * beside it, and nothing typed is cleared.
 */
export function AdminForm({ onSubmit, error, fieldNames, fieldId, conflictField, failureTitle, heading, children, actions }: AdminFormProps & {
  heading?: ReactNode;
  /** The fields, given the message for each by name. */
  children: (errors: Record<string, string>) => ReactNode;
  actions: ReactNode;
}) {
  const errors = formErrors(error, fieldNames, { conflictField });
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <Stack>
        {heading}
        <ErrorSummary errors={errors} fieldId={fieldId} />
        {!!error && !isFormError(error) && <ErrorAlert error={error} title={failureTitle} />}
        {children(errorsByField(errors))}
        {actions}
      </Stack>
    </form>
  );
}
