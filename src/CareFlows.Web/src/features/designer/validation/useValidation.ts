import { useEffect, useState } from "react";
import type { ElsaDefinition } from "../../../components/flow/elsa";
import { validateDefinition, type ValidationReport } from "../api/definitionsApi";

export interface ValidationState {
  report: ValidationReport | null;
  /** The document the report is about (its paths are by index into this one). */
  checked: ElsaDefinition | null;
  checking: boolean;
  error: unknown;
}

/** The server validates the draft a moment after each change; only the newest answer counts. */
export function useValidation(document: ElsaDefinition, delay = 600): ValidationState {
  const [state, setState] = useState<ValidationState>({ report: null, checked: null, checking: true, error: null });
  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ ...s, checking: true }));
    const timer = window.setTimeout(() => {
      validateDefinition(document, controller.signal).then(
        (report) => setState({ report, checked: document, checking: false, error: null }),
        (error) => {
          if (controller.signal.aborted) return;
          setState((s) => ({ ...s, checking: false, error }));
        },
      );
    }, delay);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [document, delay]);
  return state;
}
