import { useCallback, useReducer, useRef } from "react";
import { useDraft } from "../../../auth/drafts";
import type { ElsaDefinition } from "../../../components/flow/elsa";
import type { Change } from "./document";

/** The designer's working copy, kept as a draft so that an expired session loses nothing. */
export interface DesignerDraft {
  definitionId: string;
  document: ElsaDefinition;
  /** The etag of the stored version this copy started from (sent as If-Match on save). */
  etag: string | null;
  version: number | null;
  dirty: boolean;
}

const historyLimit = 200;
const coalesceMs = 1500;

/**
 * The document with undo and redo. Each change is a function of the current document; typing into one field is one
 * step (changes with the same `coalesce` key within a moment are merged). History lives in memory only: the draft in
 * session storage holds just the current document.
 */
export function useDesignerDocument(key: string, initial: () => DesignerDraft) {
  const [draft, setDraft] = useDraft<DesignerDraft>(key, initial);
  const current = useRef(draft);
  current.current = draft;
  const past = useRef<ElsaDefinition[]>([]);
  const future = useRef<ElsaDefinition[]>([]);
  const last = useRef<{ key?: string; at: number }>({ at: 0 });
  const [, rerender] = useReducer((n: number) => n + 1, 0);

  const commit = useCallback(
    (next: DesignerDraft) => {
      current.current = next;
      setDraft(next);
    },
    [setDraft],
  );

  const apply = useCallback(
    (change: Change, coalesce?: string) => {
      const before = current.current.document;
      const after = change(before);
      if (after === before) return;
      const now = Date.now();
      if (!(coalesce && last.current.key === coalesce && now - last.current.at < coalesceMs)) {
        past.current.push(before);
        if (past.current.length > historyLimit) past.current.shift();
      }
      last.current = { key: coalesce, at: now };
      future.current = [];
      commit({ ...current.current, document: after, dirty: true });
    },
    [commit],
  );

  const undo = useCallback(() => {
    const previous = past.current.pop();
    if (!previous) return;
    future.current.push(current.current.document);
    last.current = { at: 0 };
    commit({ ...current.current, document: previous, dirty: true });
  }, [commit]);

  const redo = useCallback(() => {
    const next = future.current.pop();
    if (!next) return;
    past.current.push(current.current.document);
    last.current = { at: 0 };
    commit({ ...current.current, document: next, dirty: true });
  }, [commit]);

  /**
   * The server stored `sent`: its answer becomes the document, unless the lead changed something while the request
   * was on its way, in which case that work stays and only the etag moves on.
   */
  const saved = useCallback(
    (sent: ElsaDefinition, stored: { definition: ElsaDefinition; etag: string; version: number }) => {
      const unchanged = current.current.document === sent;
      commit({
        ...current.current,
        document: unchanged ? stored.definition : current.current.document,
        etag: stored.etag,
        version: stored.version,
        dirty: !unchanged,
      });
    },
    [commit],
  );

  /** Replaces the document with the server's (reload); the replaced one stays one undo away. */
  const replace = useCallback(
    (stored: { definition: ElsaDefinition; etag: string; version: number }, dirty = false) => {
      past.current.push(current.current.document);
      future.current = [];
      last.current = { at: 0 };
      commit({ ...current.current, document: stored.definition, etag: stored.etag, version: stored.version, dirty });
    },
    [commit],
  );

  return {
    draft,
    document: draft.document,
    apply,
    undo,
    redo,
    saved,
    replace,
    canUndo: past.current.length > 0,
    canRedo: future.current.length > 0,
    rerender,
    current,
  };
}
