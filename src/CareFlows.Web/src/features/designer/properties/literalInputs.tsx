import { Group, NumberInput, TagsInput, Text, TextInput } from "@mantine/core";
import { dayjs, organisationTimeZone } from "../../../components/format";

/** `d.hh:mm:ss` (a .NET TimeSpan) split into days, hours and minutes; null when it cannot be read. */
export function parseTimeSpan(text: unknown): { days: number; hours: number; minutes: number; seconds: number } | null {
  if (typeof text !== "string") return null;
  const match = /^(?:(\d+)\.)?(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/.exec(text.trim());
  if (!match) return null;
  return { days: Number(match[1] ?? 0), hours: Number(match[2]), minutes: Number(match[3]), seconds: Number(match[4] ?? 0) };
}

export function formatTimeSpan(parts: { days: number; hours: number; minutes: number; seconds?: number }): string {
  const pad = (n: number) => String(Math.max(0, Math.floor(n))).padStart(2, "0");
  const prefix = parts.days > 0 ? `${Math.floor(parts.days)}.` : "";
  return `${prefix}${pad(parts.hours)}:${pad(parts.minutes)}:${pad(parts.seconds ?? 0)}`;
}

/** A duration in words, for hints: `2 days 4 hours`. */
export function describeTimeSpan(text: unknown): string {
  const parts = parseTimeSpan(text);
  if (!parts) return "";
  const words = [
    parts.days && `${parts.days} ${parts.days === 1 ? "day" : "days"}`,
    parts.hours && `${parts.hours} ${parts.hours === 1 ? "hour" : "hours"}`,
    parts.minutes && `${parts.minutes} ${parts.minutes === 1 ? "minute" : "minutes"}`,
    parts.seconds && `${parts.seconds} s`,
  ].filter(Boolean);
  return words.length ? words.join(" ") : "no time";
}

interface TimeSpanInputProps {
  id: string;
  label: string;
  description?: string;
  value: unknown;
  onChange(value: string | null): void;
  error?: string;
  required?: boolean;
}

/** A TimeSpan as days, hours and minutes; an unreadable stored value is shown as text so nothing is lost. */
export function TimeSpanInput({ id, label, description, value, onChange, error, required }: TimeSpanInputProps) {
  const parts = parseTimeSpan(value);
  if (value !== undefined && value !== null && value !== "" && !parts) {
    return <TextInput id={id} label={label} description={`${description ?? ""} Format d.hh:mm:ss.`.trim()} value={String(value)} error={error} onChange={(e) => onChange(e.currentTarget.value || null)} />;
  }
  const current = parts ?? { days: 0, hours: 0, minutes: 0, seconds: 0 };
  const set = (patch: Partial<typeof current>) => {
    const next = { ...current, ...patch };
    onChange(next.days || next.hours || next.minutes || next.seconds ? formatTimeSpan(next) : null);
  };
  return (
    <div role="group" aria-labelledby={`${id}-label`}>
      <Text id={`${id}-label`} size="sm" fw={500}>
        {label}
        {required && <span aria-hidden style={{ color: "var(--mantine-color-red-8)" }}> *</span>}
      </Text>
      {description && (
        <Text size="xs" c="dimmed">
          {description}
        </Text>
      )}
      <Group gap="xs" grow mt={4}>
        <NumberInput id={id} size="xs" label="Days" min={0} value={current.days} onChange={(v) => set({ days: Number(v) || 0 })} error={!!error} />
        <NumberInput size="xs" label="Hours" min={0} max={23} value={current.hours} onChange={(v) => set({ hours: Number(v) || 0 })} />
        <NumberInput size="xs" label="Minutes" min={0} max={59} value={current.minutes} onChange={(v) => set({ minutes: Number(v) || 0 })} />
      </Group>
      {error && (
        <Text size="xs" c="red.8" mt={2}>
          {error}
        </Text>
      )}
    </div>
  );
}

/** `2026-11-24T15:30:00-05:00` for a date and time typed in the organisation's zone. */
export function toOffset(local: string): string | null {
  return local ? dayjs.tz(local, organisationTimeZone()).format("YYYY-MM-DDTHH:mm:ssZ") : null;
}

export function toLocal(value: unknown): string {
  if (typeof value !== "string" || !value) return "";
  const parsed = dayjs(value);
  return parsed.isValid() ? parsed.tz(organisationTimeZone()).format("YYYY-MM-DDTHH:mm") : "";
}

interface DateTimeInputProps {
  id: string;
  label: string;
  description?: string;
  value: unknown;
  onChange(value: string | null): void;
  error?: string;
  required?: boolean;
}

/** A moment typed in the organisation's zone (named), stored with its offset. */
export function DateTimeOffsetInput({ id, label, description, value, onChange, error, required }: DateTimeInputProps) {
  return (
    <TextInput
      id={id}
      type="datetime-local"
      label={label}
      required={required}
      description={[description, `Time in ${organisationTimeZone()}.`].filter(Boolean).join(" ")}
      value={toLocal(value)}
      error={error}
      onChange={(e) => onChange(toOffset(e.currentTarget.value))}
    />
  );
}

interface StringListInputProps {
  id: string;
  label: string;
  description?: string;
  value: string[];
  onChange(value: string[]): void;
  error?: string;
  placeholder?: string;
  required?: boolean;
}

/** A list of names (teams, branches): type one and press Enter. */
export function StringListInput({ id, label, description, value, onChange, error, placeholder, required }: StringListInputProps) {
  return (
    <TagsInput
      id={id}
      label={label}
      description={description}
      value={value}
      onChange={onChange}
      error={error}
      required={required}
      placeholder={placeholder ?? "Type and press Enter"}
      splitChars={[","]}
      clearable
    />
  );
}
