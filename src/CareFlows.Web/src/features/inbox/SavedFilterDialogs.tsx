import { useEffect, useState } from "react";
import { Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ApiError } from "../../api/problem";
import { ErrorAlert } from "../../components/ErrorAlert";
import { savedFilterKey, savedFilters } from "./taskApi";
import type { SavedFilter } from "./taskTypes";

export type FilterDialog = { mode: "create"; query: string } | { mode: "rename"; filter: SavedFilter } | { mode: "delete"; filter: SavedFilter } | null;

/**
 * Saves the view under a name, renames a saved filter, or deletes one. The server keeps a filter's name and query
 * and offers no rename, so a rename saves the query under the new name and then deletes the old filter.
 */
export function SavedFilterDialogs({ dialog, onClose, onSaved, onDeleted }: { dialog: FilterDialog; onClose(): void; onSaved(filter: SavedFilter): void; onDeleted(filter: SavedFilter): void }) {
  const queries = useQueryClient();
  const [name, setName] = useState("");
  useEffect(() => setName(dialog?.mode === "rename" ? dialog.filter.name : ""), [dialog]);

  const save = useMutation({
    mutationFn: async () => {
      if (dialog?.mode === "create") return savedFilters.save(name.trim(), dialog.query);
      if (dialog?.mode === "rename") {
        const renamed = await savedFilters.save(name.trim(), dialog.filter.query);
        await savedFilters.remove(dialog.filter.id);
        return renamed;
      }
      throw new Error("Nothing to save.");
    },
    onSuccess: (filter) => {
      void queries.invalidateQueries({ queryKey: savedFilterKey });
      onSaved(filter);
      close();
    },
  });
  const remove = useMutation({
    mutationFn: (filter: SavedFilter) => savedFilters.remove(filter.id),
    onSuccess: (_nothing, filter) => {
      void queries.invalidateQueries({ queryKey: savedFilterKey });
      onDeleted(filter);
      close();
    },
  });
  const close = () => {
    save.reset();
    remove.reset();
    onClose();
  };

  if (dialog?.mode === "delete") {
    return (
      <Modal opened onClose={close} title="Delete saved filter">
        <Stack>
          <Text>
            Delete the filter “{dialog.filter.name}”? The tasks it shows are not changed.
          </Text>
          {remove.error && <ErrorAlert error={remove.error} title="The filter was not deleted" />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Keep it
            </Button>
            <Button color="red.9" onClick={() => remove.mutate(dialog.filter)} loading={remove.isPending}>
              Delete filter
            </Button>
          </Group>
        </Stack>
      </Modal>
    );
  }

  const nameError = save.error instanceof ApiError ? (save.error.fieldErrors().name?.join(" ") ?? (save.error.status === 409 ? save.error.message : undefined)) : undefined;
  return (
    <Modal opened={dialog !== null} onClose={close} title={dialog?.mode === "rename" ? "Rename saved filter" : "Save this view as a filter"}>
      <Stack
        component="form"
        onSubmit={(event: React.FormEvent) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <TextInput label="Name" description="Only you see your saved filters." required value={name} onChange={(e) => setName(e.currentTarget.value)} error={nameError} data-autofocus maxLength={200} />
        {save.error && !nameError && <ErrorAlert error={save.error} title="The filter was not saved" />}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" disabled={!name.trim()} loading={save.isPending}>
            {dialog?.mode === "rename" ? "Rename" : "Save filter"}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
