import { useEffect, useRef, useState } from "react";

/**
 * Work in progress kept in the tab's session storage, keyed by user and place, so that an expired session — which
 * sends the user to sign in — never loses what was being typed or drawn. Cleared when the work is saved.
 */
const prefix = "careflows.draft.";

export function draftKey(user: string, place: string) {
  return `${prefix}${user}:${place}`;
}

export function readDraft<T>(key: string): T | undefined {
  try {
    const text = sessionStorage.getItem(key);
    return text === null ? undefined : (JSON.parse(text) as T);
  } catch {
    return undefined;
  }
}

export function writeDraft(key: string, value: unknown) {
  try {
    sessionStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or unavailable: the draft stays in memory only.
  }
}

export function clearDraft(key: string) {
  sessionStorage.removeItem(key);
}

/**
 * Forgets every draft in this tab. Signing out on purpose ends the work: what was typed (patients' details among it)
 * must not stay behind on a shared workstation. An expired session keeps them, for the same person to carry on.
 */
export function clearAllDrafts() {
  for (let i = sessionStorage.length - 1; i >= 0; i--) {
    const key = sessionStorage.key(i);
    if (key?.startsWith(prefix)) sessionStorage.removeItem(key);
  }
}

/** State that survives a trip to the sign-in page; `clear` forgets it once the work is saved. */
export function useDraft<T>(key: string, initial: T | (() => T)) {
  const [value, setValue] = useState<T>(() => readDraft<T>(key) ?? (typeof initial === "function" ? (initial as () => T)() : initial));
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    writeDraft(key, value);
  }, [key, value]);
  const clear = () => clearDraft(key);
  return [value, setValue, clear] as const;
}
