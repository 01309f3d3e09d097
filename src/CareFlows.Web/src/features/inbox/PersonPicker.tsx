import { useState } from "react";
import { Loader, Select, Stack, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ErrorAlert } from "../../components/ErrorAlert";
import { peopleKeys, personName, searchPeople, usePeople, type Person } from "./people";

const everyone = "*";

interface PersonPickerProps {
  label: string;
  description: string;
  value: string | null;
  onChange(id: string | null): void;
  /** The task's teams, to look among first; the user can widen the search to everyone. */
  teams: { value: string; label: string }[];
  /** Someone who cannot be chosen (the user themself). */
  exclude: string | null;
  error?: string;
  /** False where choosing nobody is a choice, as in a filter: the choice can then be cleared. */
  required?: boolean;
  size?: "xs" | "sm";
  w?: number;
}

/** Finds a colleague by name in the people directory, searched on the server as the user types. */
export function PersonPicker({ label, description, value, onChange, teams, exclude, error, required = true, size, w }: PersonPickerProps) {
  const [search, setSearch] = useState("");
  const [typed] = useDebouncedValue(search.trim(), 250);
  const [scope, setScope] = useState(teams[0]?.value ?? everyone);
  const team = scope === everyone ? null : scope;
  const found = useQuery({
    queryKey: peopleKeys.search(typed, team),
    queryFn: ({ signal }) => searchPeople(typed, team, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const chosen = usePeople([value]).get(value ?? "");
  const people = new Map<string, Person>((found.data?.items ?? []).filter((p) => p.id !== exclude).map((p) => [p.id, p]));
  // The chosen person stays an option while the search shows others, so the field keeps their name.
  if (chosen && !people.has(chosen.id)) people.set(chosen.id, chosen);
  const options = [...people.values()].map((person) => ({ value: person.id, label: personName(person.id, person) }));
  const more = found.data ? found.data.total - found.data.items.length : 0;

  return (
    <Stack gap="xs">
      {teams.length > 0 && (
        <Select
          label="Look in"
          description="People in the task's team, or everyone on the staff."
          data={[...teams, { value: everyone, label: "Everyone" }]}
          value={scope}
          onChange={(next) => setScope(next ?? everyone)}
          allowDeselect={false}
        />
      )}
      <Select
        label={label}
        description={description}
        placeholder="Type a name"
        data={options}
        value={value}
        onChange={onChange}
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        // The server has already matched the name; filtering again here would hide nothing but could hide a match.
        filter={({ options: all }) => all}
        renderOption={({ option }) => (
          <div>
            <Text size="sm">{option.label}</Text>
            <Text size="xs" c="dimmed">
              {people.get(option.value)?.teams.map((t) => t.name).join(", ") || "No team"}
            </Text>
          </div>
        )}
        rightSection={found.isFetching ? <Loader size="xs" aria-label="Looking people up" /> : undefined}
        nothingFoundMessage={found.isPending ? "Looking people up…" : "No one by that name"}
        required={required}
        clearable={!required}
        clearButtonProps={required ? undefined : { "aria-label": `Clear ${label.toLowerCase()}` }}
        size={size}
        w={w}
        error={error}
      />
      {more > 0 && (
        <Text size="xs" c="dimmed">
          {more} more match; type more of the name to narrow the list.
        </Text>
      )}
      {found.isError && <ErrorAlert error={found.error} title="People could not be looked up" />}
    </Stack>
  );
}
