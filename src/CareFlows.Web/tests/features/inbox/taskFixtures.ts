import type { InboxTask } from "../../../src/features/inbox/taskTypes";

export function aTask(overrides: Partial<InboxTask> = {}): InboxTask {
  return {
    id: "t1",
    kind: "HumanTask",
    title: "Review discharge summary: Ruth Adler",
    instructions: "Obtain the discharge summary and review it.",
    patient: { id: "MRN-40101", name: "Ruth Adler", mrn: "MRN-40101", birthDate: "1963-12-20" },
    pathway: "Discharge follow-up (TCM)",
    definitionId: "discharge-follow-up",
    definitionVersion: 1,
    instanceId: "i1",
    businessStatus: "Discharge summary",
    status: "ready",
    priority: "urgent",
    owner: null,
    teams: ["toc"],
    dueAt: "2026-11-25T22:00:00Z",
    followUpAt: null,
    overdue: true,
    form: {
      fields: [
        { key: "receivedOn", type: "date", label: "Received on", required: true },
        { key: "contacts", type: "number", label: "Contacts made", min: 0, max: 10 },
        { key: "notes", type: "multiline", label: "Findings to act on" },
      ],
    },
    outcomes: ["Reviewed"],
    input: null,
    outcome: null,
    result: null,
    createdAt: "2026-11-24T10:00:00Z",
    updatedAt: "2026-11-24T10:00:00Z",
    startedAt: null,
    endedAt: null,
    access: null,
    ...overrides,
  };
}

export const emptyPage = { items: [], total: 0, page: 1, pageSize: 1 };
export const antiforgery = { body: { headerName: "X-CSRF-TOKEN", token: "t" } };
