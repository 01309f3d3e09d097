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

/** The fewest characters the server takes as a reason: a sentence, not a shrug. */
export const minReasonLength = 10;
export const maxReasonLength = 1024;

export const accessKeys = {
  grants: ["access", "grants"] as const,
};

export const fetchGrants = () => get<AccessGrant[]>("/api/access/grants");

/** Breaks the glass for the patient of a task the user was refused: they need not know who the patient is first. */
export const breakGlassForTask = (task: string, reason: string) => post<AccessGrant>("/api/access/break-glass", { task, reason });
