import { ErrorSummary as Summary } from "../../../components/forms/ErrorSummary";
import type { FormError } from "./fieldErrors";

/** The shared error summary for the admin forms, whose errors name fields: `fieldId` turns a name into its input's id. */
export function ErrorSummary({ errors, fieldId, title }: { errors: readonly FormError[]; fieldId: (field: string) => string; title?: string }) {
  return <Summary title={title} errors={errors.map((error) => ({ message: error.message, targetId: error.field ? fieldId(error.field) : undefined }))} />;
}
