import { useRef, useState } from "react";
import { Link } from "react-router";
import { Anchor, Button, Checkbox, Group, List, Modal, Stack, Text } from "@mantine/core";
import { IconUpload } from "@tabler/icons-react";
import { ApiError } from "../../../api/problem";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { importFiles, useInvalidateDefinitions, type ImportedDefinition } from "../api/definitionsApi";

/** `$[1].root…` names the second file when several were sent; this puts the file's name in front of the path. */
function located(path: string, files: File[]): string {
  if (files.length === 1) return `${files[0].name}: ${path}`;
  const match = /^\$\[(\d+)\](.*)$/.exec(path);
  const file = match ? files[Number(match[1])] : undefined;
  return file ? `${file.name}: $${match![2]}` : path;
}

/** Imports Elsa 3 JSON files as drafts (or published), all or nothing; errors are listed by file and JSON path. */
export function ImportDefinitions() {
  const input = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [publish, setPublish] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<ImportedDefinition[] | null>(null);
  const invalidate = useInvalidateDefinitions();
  const problems = error instanceof ApiError ? Object.entries(error.problem.errors ?? {}) : [];

  const run = async () => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const answer = await importFiles(files, publish);
      setResult(answer.definitions);
      void invalidate();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const close = () => {
    setFiles([]);
    setError(null);
    setResult(null);
  };

  return (
    <>
      <Button variant="default" leftSection={<IconUpload size={16} aria-hidden />} onClick={() => input.current?.click()} data-testid="import-pathways">
        Import
      </Button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        multiple
        hidden
        aria-label="Elsa JSON files to import"
        data-testid="import-input"
        onChange={(e) => {
          setFiles(Array.from(e.currentTarget.files ?? []));
          e.currentTarget.value = "";
        }}
      />
      <Modal opened={files.length > 0} onClose={close} title="Import Elsa JSON">
        <Stack gap="sm">
          <Text size="sm">{files.map((f) => f.name).join(", ")}</Text>
          {!result && <Checkbox label="Publish them (each must be valid)" checked={publish} onChange={(e) => setPublish(e.currentTarget.checked)} />}
          {problems.length > 0 ? (
            <div role="alert" data-testid="import-errors">
              <Text size="sm" fw={600} c="red.9">
                Nothing was imported:
              </Text>
              <List size="sm">
                {problems.flatMap(([path, messages]) =>
                  messages.map((m) => (
                    <List.Item key={`${path}${m}`}>
                      <Text span ff="monospace" size="xs">
                        {located(path, files)}
                      </Text>{" "}
                      {m}
                    </List.Item>
                  )),
                )}
              </List>
            </div>
          ) : error ? (
            <ErrorAlert error={error} title="Nothing was imported" />
          ) : null}
          {result && (
            <List size="sm" data-testid="import-result">
              {result.map((d) => (
                <List.Item key={d.id}>
                  <Anchor component={Link} to={`/definitions/${encodeURIComponent(d.definitionId)}`}>
                    {d.definitionId}
                  </Anchor>{" "}
                  {d.created ? `imported as version ${d.version}` : `already stored as version ${d.version}`}
                  {d.isPublished ? ", published" : ""}
                </List.Item>
              ))}
            </List>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {result ? "Done" : "Cancel"}
            </Button>
            {!result && (
              <Button onClick={() => void run()} loading={busy}>
                Import
              </Button>
            )}
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
