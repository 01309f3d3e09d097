import type { BannerPatient } from "../inbox/PatientBanner";
import type { Bookmark, JournalEntry } from "./instanceTypes";

const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === "object" && !Array.isArray(value);
const text = (value: unknown) => (typeof value === "string" && value ? value : null);

/**
 * The patient an instance is about, from its variables: the first object under a `patient` key (at any depth up to
 * four) that names a patient by name, MRN or date of birth — as the pathways store it (`Discharge.patient`).
 */
export function findPatient(variables: Record<string, unknown>, depth = 4): BannerPatient | null {
  const queue: { value: unknown; depth: number }[] = [{ value: variables, depth: 0 }];
  while (queue.length > 0) {
    const { value, depth: level } = queue.shift()!;
    if (!isObject(value)) continue;
    for (const [key, child] of Object.entries(value)) {
      if (key.toLowerCase() === "patient" && isObject(child) && (text(child.name) || text(child.mrn) || text(child.birthDate))) {
        return { name: text(child.name), mrn: text(child.mrn), id: text(child.id), birthDate: text(child.birthDate), sex: text(child.sex) ?? text(child.gender) };
      }
      if (level < depth) queue.push({ value: child, depth: level + 1 });
    }
  }
  return null;
}

/**
 * The tasks an instance has made: each task bookmark in the journal names its task (`… task <id>`), and the open
 * bookmarks name those still waiting. First made first.
 */
export function taskIdsOf(journal: JournalEntry[], bookmarks: Pick<Bookmark, "taskId">[]): string[] {
  const ids: string[] = [];
  for (const entry of [...journal].sort((a, b) => a.sequence - b.sequence)) {
    if (entry.eventName !== "BookmarkCreated" || !entry.message) continue;
    const match = /\btask ([A-Za-z0-9_-]+)/.exec(entry.message);
    if (match && !ids.includes(match[1])) ids.push(match[1]);
  }
  for (const bookmark of bookmarks) if (bookmark.taskId && !ids.includes(bookmark.taskId)) ids.push(bookmark.taskId);
  return ids;
}
