import { useState } from "react";
import { Alert, Button, Group, Modal, Stack, Text } from "@mantine/core";
import type { ElsaDefinition } from "../../../components/flow/elsa";
import { CodeField } from "../properties/CodeField";
import { checkDefinitionShape } from "./definitionShape";

interface JsonCodeViewProps {
  opened: boolean;
  onClose(): void;
  document: ElsaDefinition;
  onApply(definition: ElsaDefinition): void;
  readOnly?: boolean;
}

/**
 * The definition as Elsa 3 JSON. Apply replaces the designer's document (one undo step); text that does not parse
 * or is not a flowchart definition is refused with the reason, and stays here to be fixed.
 */
export function JsonCodeView({ opened, onClose, document, onApply, readOnly }: JsonCodeViewProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="JSON code view" size="xl" data-testid="json-code-view">
      {opened && <Editor document={document} onApply={onApply} onClose={onClose} readOnly={readOnly} />}
    </Modal>
  );
}

function Editor({ document, onApply, onClose, readOnly }: { document: ElsaDefinition; onApply(d: ElsaDefinition): void; onClose(): void; readOnly?: boolean }) {
  const [text, setText] = useState(() => JSON.stringify(document, null, 2));
  const [errors, setErrors] = useState<string[]>([]);
  const apply = () => {
    const result = checkDefinitionShape(text);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors([]);
    onApply(result.definition);
    onClose();
  };
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        Edit the Elsa 3 JSON directly. Apply replaces the canvas with it; Ctrl+Z in the designer brings the previous version back.
      </Text>
      {errors.length > 0 && (
        <Alert color="red" title="The JSON was not applied" role="alert">
          {errors.map((e) => (
            <Text key={e} size="sm">
              {e}
            </Text>
          ))}
        </Alert>
      )}
      <CodeField id="json-code" label="Definition JSON" language="json" value={text} onChange={setText} minHeight="420px" maxHeight="60vh" readOnly={readOnly} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Close
        </Button>
        {!readOnly && <Button onClick={apply}>Apply</Button>}
      </Group>
    </Stack>
  );
}
