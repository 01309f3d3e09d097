import type { AuditRecordSummary } from "../../../src/features/audit/auditTypes";

export const auditor = { name: "auditor@careflows.local", userId: "u-aud", roles: ["Auditor"], teams: [] };

export function aRecord(overrides: Partial<AuditRecordSummary> = {}): AuditRecordSummary {
  return {
    sequence: 42,
    occurredAt: "2026-11-24T10:00:00Z",
    actorType: "user",
    actorId: "u-aisha",
    actorName: "Aisha Bello",
    operation: "task.claim",
    action: "U",
    entityType: "task",
    entityId: "t1",
    patientId: "Patient/p-100",
    outcome: "success",
    clientAddress: "10.0.0.7",
    purposeOfUse: "TREAT",
    reason: null,
    correlationId: "MRN-40101",
    definitionId: "discharge-follow-up",
    definitionVersion: 1,
    instanceId: "i1",
    ...overrides,
  };
}

export const page = (items: AuditRecordSummary[], total = items.length, pageNumber = 1, pageSize = 50) => ({ items, total, page: pageNumber, pageSize });

/** The people directory, answering every search and lookup with the same colleagues. */
export const people = {
  items: [
    { id: "u-aisha", displayName: "Aisha Bello", active: true, teams: [{ id: "toc", name: "Transitions of care" }] },
    { id: "u-ben", displayName: "Ben Okafor", active: true, teams: [] },
  ],
  total: 2,
  page: 1,
  pageSize: 20,
};
