import type { ReactNode } from "react";
import { Center, Loader, Text } from "@mantine/core";
import { ErrorAlert } from "../ErrorAlert";

export interface ListQuery<T> {
  data?: { items: T[] };
  error: unknown;
  isFetching: boolean;
  refetch: () => unknown;
}

export interface ListResultsProps<T> {
  query: ListQuery<T>;
  /** What the list holds, in the plural ("users"): says what is loading. */
  noun: string;
  errorTitle: string;
  /** What to say when nothing matches. */
  empty: ReactNode;
  /** Draws the rows, usually as a DataTable. */
  children: (items: T[]) => ReactNode;
}

/**
 * A list's states in one place: the failure with a retry, a loader while the first answer comes, what to say when
 * nothing matches, then the rows. While another page loads the shown one stays, marked busy.
 */
export function ListResults<T>({ query, noun, errorTitle, empty, children }: ListResultsProps<T>) {
  if (query.error) return <ErrorAlert error={query.error} title={errorTitle} onRetry={() => void query.refetch()} />;
  if (!query.data)
    return (
      <Center p="xl">
        <Loader aria-label={`Loading ${noun}`} />
      </Center>
    );
  if (query.data.items.length === 0)
    return (
      <Text c="dimmed" p="md">
        {empty}
      </Text>
    );
  return <div aria-busy={query.isFetching}>{children(query.data.items)}</div>;
}
