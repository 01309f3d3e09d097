import { useCallback, useLayoutEffect, useRef } from "react";

/**
 * A function whose identity never changes and that calls the latest `callback`. Handed to a memoized child, it lets
 * the child re-render only when what it shows changes, not whenever its parent makes a new closure.
 */
export function useStableCallback<A extends unknown[], R>(callback: (...args: A) => R): (...args: A) => R {
  const latest = useRef(callback);
  useLayoutEffect(() => {
    latest.current = callback;
  });
  return useCallback((...args: A) => latest.current(...args), []);
}
