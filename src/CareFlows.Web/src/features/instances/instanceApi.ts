import { get, post } from "../../api/client";
import type { InstanceDetails, InstancePage, JournalPage } from "./instanceTypes";

export const instanceKeys = {
  all: ["instances"] as const,
  list: (query: Record<string, string>) => ["instances", "list", query] as const,
  detail: (id: string) => ["instances", "detail", id] as const,
  journal: (id: string) => ["instances", "journal", id] as const,
  fullJournal: (id: string) => ["instances", "journal-all", id] as const,
};

const path = (id: string) => `/api/instances/${encodeURIComponent(id)}`;

export const fetchInstances = (query: Record<string, string>, signal?: AbortSignal) => get<InstancePage>("/api/instances", { query, signal });
export const fetchInstance = (id: string) => get<InstanceDetails>(path(id));
export const fetchJournalPage = (id: string, afterSequence: number, pageSize: number) =>
  get<JournalPage>(`${path(id)}/journal`, { query: { afterSequence, pageSize } });
export const cancelInstance = (id: string, reason: string | null) => post(`${path(id)}/cancel`, { reason });

/** Journals this long are summarised for the diagram from their first entries only. */
export const fullJournalLimit = 5000;

/** The whole journal, page after page, for what needs all of it at once (the diagram's activity states, the task list). */
export async function fetchFullJournal(id: string) {
  const entries: JournalPage["items"] = [];
  let after = 0;
  for (;;) {
    const page = await fetchJournalPage(id, after, 200);
    entries.push(...page.items);
    if (page.nextAfterSequence === null || entries.length >= fullJournalLimit) return { entries, complete: page.nextAfterSequence === null };
    after = page.nextAfterSequence;
  }
}
