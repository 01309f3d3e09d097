import { useCallback, useEffect, useState } from "react";
import { useDebouncedValue } from "@mantine/hooks";
import { useSearchParams } from "react-router";

/**
 * A list's filters, sort and page kept in the address, so a list can be shared, bookmarked and returned to. Changing
 * a filter goes back to page 1; the history gets one entry per change, replaced rather than pushed while typing.
 */
export function useListParams() {
  const [params, setParams] = useSearchParams();

  const text = useCallback((name: string) => params.get(name) ?? "", [params]);
  const flag = useCallback((name: string): boolean | undefined => {
    const value = params.get(name);
    return value === "true" ? true : value === "false" ? false : undefined;
  }, [params]);
  const page = Math.max(1, Number.parseInt(params.get("page") ?? "1", 10) || 1);

  const set = useCallback(
    (changes: Record<string, string | boolean | number | null | undefined>, options: { replace?: boolean } = {}) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [name, value] of Object.entries(changes)) {
            if (value === null || value === undefined || value === "") next.delete(name);
            else next.set(name, String(value));
          }
          if (!("page" in changes)) next.delete("page");
          if (next.get("page") === "1") next.delete("page");
          return next;
        },
        { replace: options.replace },
      );
    },
    [setParams],
  );

  return { params, text, flag, page, set };
}

/**
 * A search box whose text reaches the address (and so the query) once typing pauses. Back and forward change the
 * address under the box; the box follows, unless the change is the box's own, so typing is never undone.
 */
export function useSearchText(list: ReturnType<typeof useListParams>, name = "q") {
  const [text, setText] = useState(list.text(name));
  const [debounced] = useDebouncedValue(text, 300);
  const inAddress = list.text(name);
  const { set } = list;

  useEffect(() => {
    if (inAddress !== debounced.trim()) setText(inAddress);
    // Only a change of the address is followed here; `debounced` is read, not watched.
  }, [inAddress]);

  useEffect(() => {
    if (debounced.trim() !== inAddress) set({ [name]: debounced.trim() }, { replace: true });
  }, [debounced]);

  return [text, setText] as const;
}
