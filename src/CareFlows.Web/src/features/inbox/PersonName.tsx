import { usePersonLabel } from "./people";

/** One person's name where a single id is shown; lookups made together by many of these still go as one request. */
export function PersonName({ id, nobody }: { id: string | null | undefined; nobody?: string }) {
  const label = usePersonLabel([id]);
  return <>{label(id, nobody)}</>;
}
