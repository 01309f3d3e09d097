import { useEffect, useState } from "react";
import { Button, Select, TextInput, type SelectProps, type TextInputProps } from "@mantine/core";
import { IconFilterOff } from "@tabler/icons-react";

/**
 * A list filter's choice, as the address holds it: null is "any". Compact, because a filter bar holds many, and
 * clearable, because every choice can be taken back.
 */
export function FilterSelect({ value, onChange, ...props }: Omit<SelectProps, "value" | "onChange"> & { value: string | null; onChange: (value: string | null) => void }) {
  // The clear button is otherwise announced only as "button".
  const clearLabel = typeof props.label === "string" ? `Clear ${props.label.toLowerCase()}` : "Clear";
  return <Select value={value} onChange={onChange} clearable clearButtonProps={{ "aria-label": clearLabel }} size="xs" {...props} />;
}

/**
 * A filter typed in full before it applies (an MRN, an id): a query per keystroke would look up every prefix.
 * It applies on Enter or on leaving the field; when the address changes (back, a saved filter), the field follows.
 */
export function FilterTextInput({ value, onCommit, ...props }: Omit<TextInputProps, "value" | "onChange" | "onBlur" | "onKeyDown"> & { value: string; onCommit: (value: string) => void }) {
  const [typed, setTyped] = useState(value);
  useEffect(() => setTyped(value), [value]);
  return (
    <TextInput
      value={typed}
      onChange={(e) => setTyped(e.currentTarget.value)}
      onBlur={() => typed.trim() !== value && onCommit(typed.trim())}
      onKeyDown={(e) => {
        if (e.key === "Enter") onCommit(typed.trim());
      }}
      size="xs"
      {...props}
    />
  );
}

/** A day filter; `title` says which time zone the day is in, since the server counts from its start there. */
export function FilterDateInput({ value, onChange, ...props }: Omit<TextInputProps, "value" | "onChange" | "type"> & { value: string | null; onChange: (value: string) => void }) {
  return <TextInput type="date" value={value ?? ""} onChange={(e) => onChange(e.currentTarget.value)} size="xs" w={140} {...props} />;
}

/** Takes every narrowing filter off at once; shown only while one is on, so it is never a dead button. */
export function ClearFiltersButton({ onClick }: { onClick: () => void }) {
  return (
    <Button variant="subtle" size="xs" leftSection={<IconFilterOff size={14} aria-hidden />} onClick={onClick}>
      Clear filters
    </Button>
  );
}
