import { get, post } from "../../api/client";

/** A break-the-glass grant (Features/Access/AccessEndpoints.cs): read access to one patient's tasks for a while. */
export interface AccessGrant {
  id: string;
  /** The patient's id as tasks name it. */
  patient: string;
  reason: string;
  grantedAt: string;
  expiresAt: string;
}

/** What breaking the glass grants, as the server states it before anyone asks (GET /api/access/break-glass). */
export interface BreakGlassTerms {
  /** How long a grant lasts, as a .NET time span ("01:00:00"). */
  duration: string;
  /** The same in whole minutes, rounded up. */
  durationMinutes: number;
  /** The fewest characters the server takes as a reason, once trimmed. */
  minimumReasonLength: number;
  maximumReasonLength: number;
}

export const accessKeys = {
  terms: ["access", "break-glass", "terms"] as const,
};

export const fetchBreakGlassTerms = () => get<BreakGlassTerms>("/api/access/break-glass");

/** Breaks the glass for the patient of a task the user was refused: they need not know who the patient is first. */
export const breakGlassForTask = (task: string, reason: string) => post<AccessGrant>("/api/access/break-glass", { task, reason });

/** A duration in minutes as a person says it: "1 hour", "90 minutes" reads as "1 hour 30 minutes", "1 minute". */
export function describeMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const parts = [hours > 0 ? `${hours} ${hours === 1 ? "hour" : "hours"}` : null, rest > 0 || hours === 0 ? `${rest} ${rest === 1 ? "minute" : "minutes"}` : null];
  return parts.filter(Boolean).join(" ");
}
