import { useMemo } from "react";
import CodeMirror, { EditorView } from "@uiw/react-codemirror";
import { javascript } from "@codemirror/lang-javascript";
import { StreamLanguage } from "@codemirror/language";
import { jinja2 } from "@codemirror/legacy-modes/mode/jinja2";
import { Input } from "@mantine/core";

export type CodeLanguage = "javascript" | "liquid" | "json";

const liquid = StreamLanguage.define(jinja2);

export interface CodeFieldProps {
  id: string;
  /** The accessible name of the editor (its visible label is the field's). */
  label: string;
  value: string;
  onChange(value: string): void;
  language: CodeLanguage;
  error?: string;
  minHeight?: string;
  maxHeight?: string;
  readOnly?: boolean;
  /** Receives the editor once it exists, to insert text at the cursor. */
  onEditor?: (view: EditorView) => void;
}

/** A CodeMirror editor for scripts, Liquid templates and JSON, labelled for screen readers and focusable by id. */
export function CodeField({ id, label, value, onChange, language, error, minHeight = "60px", maxHeight = "320px", readOnly, onEditor }: CodeFieldProps) {
  const extensions = useMemo(
    () => [
      language === "liquid" ? liquid : javascript(),
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ id, "aria-label": label, ...(error ? { "aria-invalid": "true" } : {}) }),
    ],
    [language, id, label, error],
  );
  return (
    <div data-testid={`code-${id}`} style={{ border: `1px solid var(--mantine-color-${error ? "red-8" : "gray-4"})`, borderRadius: 4, overflow: "hidden" }}>
      <CodeMirror
        value={value}
        onChange={onChange}
        extensions={extensions}
        minHeight={minHeight}
        maxHeight={maxHeight}
        readOnly={readOnly}
        basicSetup={{ lineNumbers: language !== "liquid", foldGutter: false, highlightActiveLine: false, autocompletion: language === "javascript" }}
        onCreateEditor={onEditor}
      />
      {error && (
        <Input.Error px={6} py={2}>
          {error}
        </Input.Error>
      )}
    </div>
  );
}
