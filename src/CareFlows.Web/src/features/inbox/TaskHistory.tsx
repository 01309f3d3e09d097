import { Stack, Text, Timeline } from "@mantine/core";
import { DateTime } from "../../components/DateTime";
import { usePersonLabel } from "./people";
import { taskStatusLabel } from "./TaskBadges";
import { humanize, type TaskHistoryEntry } from "./taskTypes";
import { SectionTitle } from "./SectionTitle";

const verbs: Record<string, string> = {
  created: "Created",
  claimed: "Claimed",
  unclaimed: "Unclaimed",
  reassigned: "Reassigned",
  delegated: "Delegated",
  held: "Put on hold",
  released: "Released from hold",
  commented: "Commented",
  attempted: "Contact attempt",
  completed: "Completed",
  cancelled: "Cancelled",
  escalated: "Escalated",
};

/** The parts of an entry's details worth a sentence: who it moved from and to, why, with what result. */
function describe(entry: TaskHistoryEntry, person: (id: string | null | undefined, nobody?: string) => string): string | null {
  const d = entry.details ?? {};
  const str = (key: string) => (typeof d[key] === "string" ? (d[key] as string) : null);
  const parts: string[] = [];
  if (str("fromUser") || str("from")) parts.push(`from ${person(str("fromUser") ?? str("from"))}`);
  if (str("toUser")) parts.push(`to ${person(str("toUser"))}`);
  if (str("toTeam")) parts.push(`to team ${str("toTeam")}`);
  if (str("outcome")) parts.push(`outcome ${humanize(str("outcome")!)}`);
  if (entry.action === "attempted") parts.push([str("channel"), str("result")].filter(Boolean).map((w) => humanize(w!)).join(", "));
  if (str("reason")) parts.push(`reason: ${str("reason")}`);
  if (str("text")) parts.push(`“${str("text")}”`);
  if (str("note")) parts.push(`note: ${str("note")}`);
  const known = new Set(["fromUser", "from", "toUser", "toTeam", "outcome", "channel", "result", "reason", "text", "note", "at"]);
  for (const [key, value] of Object.entries(d)) {
    if (known.has(key) || value === null || value === undefined) continue;
    parts.push(`${humanize(key).toLowerCase()}: ${typeof value === "object" ? JSON.stringify(value) : String(value)}`);
  }
  return parts.length ? parts.join(" · ") : null;
}

/** Everyone an entry names: who made it, and whom it moved the task from and to. */
function namedIn(entry: TaskHistoryEntry): (string | null)[] {
  const d = entry.details ?? {};
  return [entry.actor, ...["fromUser", "from", "toUser"].map((key) => (typeof d[key] === "string" ? (d[key] as string) : null))];
}

/** Every change in the task's life, oldest first, with who made it and when. */
export function TaskHistory({ history }: { history: TaskHistoryEntry[] }) {
  const person = usePersonLabel(history.flatMap(namedIn));
  return (
    <Stack gap="xs" component="section" aria-labelledby="history-title">
      <SectionTitle id="history-title">
        History
      </SectionTitle>
      <Timeline bulletSize={14} lineWidth={2} active={history.length - 1}>
        {history.map((entry) => (
          <Timeline.Item key={entry.id} title={verbs[entry.action] ?? humanize(entry.action)}>
            <Text size="xs" c="dimmed">
              <DateTime value={entry.at} /> · {person(entry.actor, "the pathway")} · {taskStatusLabel(entry.status)}
            </Text>
            {describe(entry, person) && <Text size="sm">{describe(entry, person)}</Text>}
          </Timeline.Item>
        ))}
      </Timeline>
    </Stack>
  );
}
