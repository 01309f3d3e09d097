import { get } from "../../api/client";
import type { AuditRecordDetails, AuditRecordPage, AuditVerification, TimelineResponse } from "./auditTypes";

export const auditKeys = {
  all: ["audit"] as const,
  list: (query: Record<string, string>) => ["audit", "list", query] as const,
  record: (sequence: string) => ["audit", "record", sequence] as const,
  instanceTimeline: (id: string) => ["audit", "timeline", "instance", id] as const,
  patientTimeline: (patient: string) => ["audit", "timeline", "patient", patient] as const,
};

export const fetchAuditRecords = (query: Record<string, string>, signal?: AbortSignal) => get<AuditRecordPage>("/api/audit/records", { query, signal });
export const fetchAuditRecord = (sequence: string) => get<AuditRecordDetails>(`/api/audit/records/${encodeURIComponent(sequence)}`);
export const fetchInstanceTimeline = (id: string) => get<TimelineResponse>(`/api/audit/instances/${encodeURIComponent(id)}/timeline`);
export const fetchPatientTimeline = (patient: string) => get<TimelineResponse>("/api/audit/patients/timeline", { query: { patient } });
export const verifyAuditLog = () => get<AuditVerification>("/api/audit/verify");

/** The most AuditEvent resources the server puts in one FHIR export page; the bundle links to the next. */
export const fhirExportPageSize = 1000;

/** Where the CSV of every record matching `filters` downloads from (the server streams them all, oldest first). */
export function csvExportUrl(filters: Record<string, string>): string {
  return withQuery("/api/audit/export.csv", filters);
}

/** The first page of the matching records as a FHIR R4 Bundle of AuditEvent. */
export function fhirExportUrl(filters: Record<string, string>): string {
  return withQuery("/api/audit/export.fhir", { ...filters, page: "1", pageSize: String(fhirExportPageSize) });
}

function withQuery(path: string, query: Record<string, string>): string {
  const search = new URLSearchParams(query).toString();
  return search ? `${path}?${search}` : path;
}
