import { useEffect, useRef } from "react";

export interface Shortcut {
  keys: string;
  description: string;
}

/** Every key the inbox answers to, for the shortcut sheet. */
export const inboxShortcuts: Shortcut[] = [
  { keys: "j", description: "Next task in the list" },
  { keys: "k", description: "Previous task in the list" },
  { keys: "Enter", description: "Open the highlighted task" },
  { keys: "c", description: "Claim the open task" },
  { keys: "e", description: "Complete the open task: moves to its form" },
  { keys: "?", description: "Show these shortcuts" },
];

/** Typing in a field, or working in a dialog, must never trigger a shortcut. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName)) return true;
  const role = target.getAttribute("role");
  return role === "textbox" || role === "combobox" || role === "searchbox" || role === "spinbutton";
}

function inDialog(target: EventTarget | null) {
  return target instanceof Element && !!target.closest("[role='dialog'], [aria-modal='true']");
}

/** Single-key shortcuts on the whole page (no modifier), ignored while typing or in a dialog. */
export function useShortcuts(bindings: Record<string, () => void>, enabled = true) {
  const latest = useRef(bindings);
  latest.current = bindings;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTypingTarget(event.target) || inDialog(event.target)) return;
      // Enter on a button or link already does its own thing.
      if (event.key === "Enter" && event.target instanceof HTMLElement && event.target.closest("button, a")) return;
      const action = latest.current[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [enabled]);
}
