/** The audit log as the server sends it (Features/Audit/SearchRecords/AuditRecordResponses.cs, Timeline, AuditVerifier). */
export type ActorType = "user" | "client" | "system" | "anonymous";
export type AuditAction = "C" | "R" | "U" | "D" | "E";
export type AuditOutcome = "success" | "denied";

export interface AuditRecordSummary {
  sequence: number;
  occurredAt: string;
  actorType: ActorType;
  actorId: string | null;
  actorName: string | null;
  operation: string;
  action: AuditAction;
  entityType: string;
  entityId: string | null;
  patientId: string | null;
  outcome: AuditOutcome;
  clientAddress: string | null;
  /** An HL7 PurposeOfUse code: TREAT, ETREAT (break-the-glass), HOPERAT, HSYSADMIN. */
  purposeOfUse: string | null;
  /** The reason the actor stated (break-the-glass access). */
  reason: string | null;
  correlationId: string | null;
  definitionId: string | null;
  definitionVersion: number | null;
  instanceId: string | null;
}

export interface AuditRecordDetails {
  record: AuditRecordSummary;
  userAgent: string | null;
  reason: string | null;
  before: unknown;
  after: unknown;
  previousHash: string;
  hash: string;
}

export interface AuditRecordPage {
  items: AuditRecordSummary[];
  total: number;
  page: number;
  pageSize: number;
}

export interface TimelineEntry {
  at: string;
  source: "journal" | "task" | "audit";
  what: string;
  instanceId: string | null;
  taskId: string | null;
  actorId: string | null;
  actorName: string | null;
  outcome: string | null;
  sequence: number | null;
  details: unknown;
  /** Audit entries: why, when the actor said (`ETREAT` with its reason for break-the-glass reads). */
  purposeOfUse?: string | null;
  reason?: string | null;
}

export interface TimelineResponse {
  subject: string;
  items: TimelineEntry[];
  /** More happened than the server returns; the newest entries are shown. */
  truncated: boolean;
}

export interface AuditVerification {
  intact: boolean;
  checked: number;
  lastSequence: number;
  brokenAt: number | null;
  problem: string | null;
}

export const actorTypes: ActorType[] = ["user", "client", "system", "anonymous"];

export const actionNames: Record<AuditAction, string> = { C: "Create", R: "Read", U: "Update", D: "Delete", E: "Execute" };

/** The purpose of use a break-the-glass read is recorded with. */
export const emergencyPurpose = "ETREAT";
