import { useState } from "react";
import { Button, Group, Modal, SegmentedControl, Select, Stack, Text, Textarea } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { get } from "../../api/client";
import { ApiError } from "../../api/problem";
import { useAuth } from "../../auth/AuthContext";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useMyUserId } from "./people";
import { PersonPicker } from "./PersonPicker";
import type { InboxTask } from "./taskTypes";
import type { TaskCommands } from "./useTaskCommands";

/** The teams a task can be passed to: every team for an administrator, the user's own teams otherwise. */
function useTeamChoices() {
  const { user, can } = useAuth();
  const all = useQuery({
    queryKey: ["admin-teams"],
    queryFn: () => get<{ id: string; name: string }[]>("/api/admin/teams"),
    enabled: can.administer,
    staleTime: 5 * 60_000,
  });
  const teams = can.administer ? (all.data ?? []) : (user?.teams ?? []);
  return teams.map((team) => ({ value: team.id, label: team.name }));
}

function fieldError(error: unknown, path: string) {
  return error instanceof ApiError ? error.fieldErrors()[path]?.join(" ") : undefined;
}

/** Reassign to a team's queue or a person, or delegate to a colleague, found by name among the task's team first. */
export function PassOnDialog({ task, mode, opened, onClose, commands }: { task: InboxTask; mode: "reassign" | "delegate"; opened: boolean; onClose(): void; commands: TaskCommands }) {
  const teams = useTeamChoices();
  const me = useMyUserId();
  const [chosenTarget, setTarget] = useState<"team" | "person">("team");
  // Teams load after the dialog opens; with none to offer, a person is the only target.
  const target = mode === "delegate" || teams.length === 0 ? "person" : chosenTarget;
  const teamName = (id: string) => teams.find((team) => team.value === id)?.label ?? id;
  const taskTeams = task.teams.map((id) => ({ value: id, label: teamName(id) }));
  const [team, setTeam] = useState<string | null>(null);
  const [person, setPerson] = useState<string | null>(null);
  const mutation = mode === "delegate" ? commands.delegate : commands.reassign;
  const close = () => {
    mutation.reset();
    onClose();
  };
  const submit = () => {
    const done = { onSuccess: close };
    if (mode === "delegate") commands.delegate.mutate(person ?? "", done);
    else commands.reassign.mutate(target === "team" ? { team: team ?? undefined } : { user: person ?? undefined }, done);
  };
  const chosen = target === "team" ? !!team : !!person;
  const error = mutation.error;
  return (
    <Modal opened={opened} onClose={close} title={mode === "delegate" ? "Delegate the task" : "Reassign the task"}>
      <Stack>
        {mode === "delegate" ? (
          <Text size="sm">A colleague takes over the task as its owner; it is recorded as your delegation.</Text>
        ) : (
          teams.length > 0 && (
            <SegmentedControl
              value={target}
              onChange={(value) => setTarget(value as "team" | "person")}
              data={[
                { value: "team", label: "To a team queue" },
                { value: "person", label: "To a person" },
              ]}
              aria-label="Reassign to"
            />
          )
        )}
        {target === "team" && mode === "reassign" ? (
          <Select label="Team" description="The task waits, unclaimed, in this team's queue." data={teams} value={team} onChange={setTeam} required error={fieldError(error, "team")} searchable />
        ) : (
          <PersonPicker
            label="Person"
            description={mode === "delegate" ? "They are told by a notification." : "The task waits in their inbox, ready for them to start."}
            value={person}
            onChange={setPerson}
            teams={taskTeams}
            exclude={me}
            error={fieldError(error, "user")}
          />
        )}
        {error && !(error instanceof ApiError && error.status === 422) && <ErrorAlert error={error} title="The task was not passed on" />}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button onClick={submit} disabled={!chosen} loading={mutation.isPending}>
            {mode === "delegate" ? "Delegate" : "Reassign"}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function HoldDialog({ opened, onClose, commands }: { opened: boolean; onClose(): void; commands: TaskCommands }) {
  const [reason, setReason] = useState("");
  const close = () => {
    commands.hold.reset();
    onClose();
  };
  const error = commands.hold.error;
  return (
    <Modal opened={opened} onClose={close} title="Put the task on hold">
      <Stack>
        <Textarea
          label="Reason"
          description="What the task waits for, for whoever looks at it next. Optional."
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          autosize
          minRows={2}
          error={fieldError(error, "reason")}
        />
        {error && !(error instanceof ApiError && error.status === 422) && <ErrorAlert error={error} title="The task was not put on hold" />}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button
            onClick={() =>
              commands.hold.mutate(reason.trim() || null, {
                onSuccess: () => {
                  setReason("");
                  close();
                },
              })
            }
            loading={commands.hold.isPending}
          >
            Put on hold
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
