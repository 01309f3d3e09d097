import { useRef, useState, type ReactNode } from "react";
import { Group, Input, Menu, Select, Stack, Button } from "@mantine/core";
import { IconVariable } from "@tabler/icons-react";
import type { EditorView } from "@uiw/react-codemirror";
import type { ElsaVariable } from "../../../components/flow/elsa";
import type { ExpressionValue } from "../../../components/flow/inputValues";
import { CodeField } from "./CodeField";

const syntaxLabels: Record<string, string> = {
  Literal: "Literal",
  JavaScript: "JavaScript",
  Liquid: "Liquid",
  Object: "Object (JSON)",
  Variable: "Variable",
};

export interface ExpressionFieldProps {
  id: string;
  label: string;
  description?: string;
  required?: boolean;
  error?: string;
  stored: ExpressionValue | undefined;
  defaultSyntax: string;
  syntaxes?: string[];
  variables: ElsaVariable[];
  /** The editor for a Literal value; it must carry `id` so the label names it. */
  literal(value: unknown, onChange: (value: unknown) => void): ReactNode;
  onWrite(syntax: string, value: unknown): void;
}

/** Variable references as JSON text, the way Elsa Studio's variable picker writes them. */
function variableReference(variable: ElsaVariable) {
  return JSON.stringify({ id: variable.id, name: variable.name, typeName: variable.typeName });
}

function referencedVariable(value: unknown): string | null {
  if (typeof value !== "string") return null;
  try {
    const parsed = JSON.parse(value) as { id?: string; name?: string };
    return parsed.id ?? parsed.name ?? null;
  } catch {
    return value || null;
  }
}

/**
 * One input with its syntax: Literal (an editor that fits the input), JavaScript or Liquid (CodeMirror, with a picker
 * that inserts a variable), Object (JSON text) or Variable. Values are written in Elsa's shape by `onWrite`.
 */
export function ExpressionField(props: ExpressionFieldProps) {
  const { id, label, description, required, error, stored, defaultSyntax, variables, literal, onWrite } = props;
  // An empty value is not stored, so the syntax chosen for it is remembered here until something is typed.
  const [pendingSyntax, setPendingSyntax] = useState<string | null>(null);
  const syntax = stored?.syntax ?? pendingSyntax ?? defaultSyntax;
  const available = props.syntaxes ?? ["Literal", "JavaScript", "Liquid", "Object", "Variable"];
  const options = [...new Set([...available, syntax])].map((value) => ({ value, label: syntaxLabels[value] ?? value }));
  const editor = useRef<EditorView | null>(null);

  const changeSyntax = (next: string | null) => {
    if (!next || next === syntax) return;
    setPendingSyntax(next);
    const value = stored?.value;
    if (value === undefined || value === null || value === "") return;
    if (next === "Variable") onWrite(next, undefined);
    else onWrite(next, typeof value === "string" ? value : JSON.stringify(value));
  };

  const insertVariable = (variable: ElsaVariable) => {
    const text = syntax === "Liquid" ? `{{ Variables.${variable.name} }}` : `variables.${variable.name}`;
    const view = editor.current;
    if (view) {
      const { from, to } = view.state.selection.main;
      view.dispatch({ changes: { from, to, insert: text }, selection: { anchor: from + text.length } });
      view.focus();
    } else {
      onWrite(syntax, `${typeof stored?.value === "string" ? stored.value : ""}${text}`);
    }
  };

  let control: ReactNode;
  if (syntax === "Literal") {
    control = literal(stored?.value, (value) => onWrite("Literal", value));
  } else if (syntax === "Variable") {
    control = (
      <Select
        id={id}
        data={variables.map((v) => ({ value: v.id, label: `${v.name} (${v.typeName})` }))}
        value={referencedVariable(stored?.value)}
        placeholder={variables.length ? "Choose a variable" : "Declare a variable in the workflow's properties first"}
        onChange={(variableId) => {
          const variable = variables.find((v) => v.id === variableId);
          onWrite("Variable", variable ? variableReference(variable) : undefined);
        }}
        error={!!error}
        searchable
      />
    );
  } else {
    control = (
      <CodeField
        id={id}
        label={`${label} (${syntaxLabels[syntax] ?? syntax})`}
        language={syntax === "Liquid" ? "liquid" : "javascript"}
        value={typeof stored?.value === "string" ? stored.value : stored?.value === undefined ? "" : JSON.stringify(stored.value)}
        onChange={(value) => onWrite(syntax, value)}
        onEditor={(view) => (editor.current = view)}
      />
    );
  }

  return (
    <Stack gap={4} data-testid={`field-${id}`}>
      <Group justify="space-between" wrap="nowrap" align="flex-end" gap="xs">
        <Input.Label htmlFor={id} id={`${id}-label`} required={required}>
          {label}
        </Input.Label>
        <Group gap={4} wrap="nowrap">
          {(syntax === "JavaScript" || syntax === "Liquid") && variables.length > 0 && (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button size="compact-xs" variant="subtle" leftSection={<IconVariable size={14} aria-hidden />} aria-label={`Insert a variable into ${label}`}>
                  Variable
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {variables.map((v) => (
                  <Menu.Item key={v.id} onClick={() => insertVariable(v)}>
                    {v.name}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
          )}
          <Select size="xs" w={128} aria-label={`Syntax for ${label}`} data={options} value={syntax} onChange={changeSyntax} allowDeselect={false} comboboxProps={{ withinPortal: true }} />
        </Group>
      </Group>
      {description && <Input.Description>{description}</Input.Description>}
      {control}
      {error && <Input.Error>{error}</Input.Error>}
    </Stack>
  );
}
