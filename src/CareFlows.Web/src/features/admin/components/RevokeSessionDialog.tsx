import { Alert, Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { notifySuccess } from "./notifySuccess";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { adminApi, adminKeys, type Session } from "../api";
import { describeUserAgent } from "./userAgent";

/** Asks before ending a session, since its user loses it at their very next request. */
export function RevokeSessionDialog({ session, onClose }: { session: Session | null; onClose: () => void }) {
  const queries = useQueryClient();
  const revoke = useMutation({
    mutationFn: (id: string) => adminApi.revokeSession(id),
    onSuccess: (revoked) => {
      notifySuccess({ title: "Session revoked", message: `${who(revoked)} is signed out of ${describeUserAgent(revoked.userAgent)}.` });
      void queries.invalidateQueries({ queryKey: adminKeys.sessions });
      close();
    },
  });
  const close = () => {
    revoke.reset();
    onClose();
  };

  return (
    <Modal opened={session !== null} onClose={close} title="Revoke this session?" centered closeButtonProps={{ "aria-label": "Close" }}>
      {session && (
        <Stack>
          <Text>
            {who(session)} will be signed out of <strong>{describeUserAgent(session.userAgent)}</strong>
            {session.clientAddress ? ` (${session.clientAddress})` : ""} at their next request. Their other sessions stay signed in.
          </Text>
          {session.current && (
            <Alert color="yellow" styles={{ title: { color: "var(--mantine-color-dark-8)" } }} title="This is your own session">
              You are using this session now: revoking it signs you out of this browser.
            </Alert>
          )}
          {revoke.error && <ErrorAlert error={revoke.error} title="The session was not revoked" />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button color="red.9" loading={revoke.isPending} onClick={() => revoke.mutate(session.id)} data-autofocus>
              Revoke session
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

function who(session: Pick<Session, "displayName" | "email">) {
  return session.displayName ? `${session.displayName} (${session.email})` : session.email;
}
