/** Instances as the server sends them (Features/Instances/**). */
export interface InstanceSummary {
  id: string;
  definitionId: string;
  version: number;
  name: string | null;
  correlationId: string | null;
  status: string;
  subStatus: string;
  incidents: number;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

export interface InstancePage {
  items: InstanceSummary[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Bookmark {
  id: string;
  kind: string;
  name: string;
  activityId: string;
  createdAt: string;
  dueAt: string | null;
  eventName: string | null;
  correlationKey: string | null;
  taskId: string | null;
}

export interface Incident {
  activityId: string;
  activityType: string;
  message: string;
  exceptionType: string;
  code: string | null;
  timestamp: string;
}

export interface InstanceDetails {
  id: string;
  definitionId: string;
  definitionVersionId: string;
  version: number;
  name: string | null;
  correlationId: string | null;
  status: string;
  subStatus: string;
  input: Record<string, unknown>;
  output: Record<string, unknown>;
  variables: Record<string, unknown>;
  bookmarks: Bookmark[];
  incidents: Incident[];
  log: string[];
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

export interface JournalEntry {
  sequence: number;
  timestamp: string;
  activityId: string;
  activityType: string;
  activityName: string | null;
  eventName: string;
  message: string | null;
}

export interface JournalPage {
  items: JournalEntry[];
  nextAfterSequence: number | null;
}

export const workflowStatuses = ["Running", "Finished"] as const;
export const workflowSubStatuses = ["Pending", "Executing", "Suspended", "Finished", "Cancelled", "Faulted"] as const;
