import { useQueries } from "@tanstack/react-query";
import { get } from "../../api/client";
import { useAuth } from "../../auth/AuthContext";

/**
 * Who is who. The server names owners, actors and authors by user id; the people directory (`/api/people`, readable by
 * every role) turns them into names. A page naming many people looks them all up in one request: lookups asked for in
 * the same moment are sent together, and each answer is cached by id.
 */
export interface Person {
  id: string;
  displayName: string | null;
  active: boolean;
  teams: { id: string; name: string }[];
}

export interface PersonPage {
  items: Person[];
  total: number;
  page: number;
  pageSize: number;
}

export const peopleKeys = {
  all: ["people"] as const,
  person: (id: string) => ["people", "person", id] as const,
  search: (search: string, team: string | null) => ["people", "search", search, team] as const,
};

/** The actor CareFlows records for what it does itself (importing the workflow files at start-up). */
export const systemActor = "system";

/** Stands for the signed-in user as owner while a claim is on its way. */
export const pendingMe = "(you, claiming)";

/** The most ids the server takes in one lookup. */
const batchSize = 200;

type Waiting = { resolve(person: Person | null): void; reject(error: unknown): void };
let waiting = new Map<string, Waiting[]>();
let scheduled = false;

async function sendBatch(batch: Map<string, Waiting[]>) {
  const ids = [...batch.keys()];
  for (let start = 0; start < ids.length; start += batchSize) {
    const chunk = ids.slice(start, start + batchSize);
    try {
      const page = await get<PersonPage>("/api/people", { query: { id: chunk, pageSize: batchSize } });
      const found = new Map(page.items.map((person) => [person.id, person]));
      chunk.forEach((id) => batch.get(id)?.forEach((w) => w.resolve(found.get(id) ?? null)));
    } catch (error) {
      chunk.forEach((id) => batch.get(id)?.forEach((w) => w.reject(error)));
    }
  }
}

/** One person by id, or null for an id nobody has; asked together with every other lookup made in the same tick. */
export function lookUpPerson(id: string): Promise<Person | null> {
  return new Promise((resolve, reject) => {
    waiting.set(id, [...(waiting.get(id) ?? []), { resolve, reject }]);
    if (scheduled) return;
    scheduled = true;
    setTimeout(() => {
      const batch = waiting;
      waiting = new Map();
      scheduled = false;
      void sendBatch(batch);
    }, 0);
  });
}

/** Active people whose name contains `search`, optionally in one team: who a task can be handed to. */
export function searchPeople(search: string, team: string | null, signal?: AbortSignal) {
  return get<PersonPage>("/api/people", { query: { search, team, pageSize: 20 }, signal });
}

export function useMyUserId(): string | null {
  return useAuth().user?.userId ?? null;
}

export function isMe(owner: string | null | undefined, me: string | null) {
  return !!owner && (owner === pendingMe || (me !== null && owner === me));
}

/** The people named by `ids` (repeats, blanks and the claiming placeholder ignored), by id, as they load. */
export function usePeople(ids: readonly (string | null | undefined)[]): ReadonlyMap<string, Person> {
  const unique = [...new Set(ids.filter((id): id is string => !!id && id !== pendingMe && id !== systemActor))];
  return useQueries({
    queries: unique.map((id) => ({ queryKey: peopleKeys.person(id), queryFn: () => lookUpPerson(id), staleTime: 10 * 60_000 })),
    combine: (results) => new Map(results.flatMap((result) => (result.data ? [[result.data.id, result.data] as const] : []))),
  });
}

/**
 * How a person reads: their name, marked when they no longer work here; a short id when nothing better is known.
 * Records made before people were named by id hold the name they signed in with, which is shown as it is.
 */
export function personName(id: string, person: Person | undefined): string {
  if (!person) return id.includes("@") ? id : `User ${id.slice(0, 8)}`;
  const name = person.displayName ?? `User ${id.slice(0, 8)}`;
  return person.active ? name : `${name} (deactivated)`;
}

/**
 * How the user ids in `ids` read on the page: "You", their name, or a short id while the name loads or when there
 * is none. Pass every id the component shows, so that they are looked up together.
 */
export function usePersonLabel(ids: readonly (string | null | undefined)[]) {
  const me = useMyUserId();
  const people = usePeople(ids);
  return (id: string | null | undefined, nobody = "Nobody"): string => {
    if (!id) return nobody;
    if (isMe(id, me)) return "You";
    if (id === systemActor) return "CareFlows";
    return personName(id, people.get(id));
  };
}
