import { Badge, Group } from "@mantine/core";
import { formatDateTime } from "../../../components/format";
import type { User } from "../api";

/** Whether the user can sign in: active, deactivated, or locked out for now after failed sign-ins. */
export function UserStatusBadge({ user }: { user: Pick<User, "active" | "lockedOutUntil"> }) {
  return (
    <Group gap={4}>
      {user.active ? <Badge color="teal.9" variant="outline">Active</Badge> : <Badge color="gray.9" variant="outline">Deactivated</Badge>}
      {user.lockedOutUntil && (
        <Badge color="orange.9" variant="outline" title={`Locked until ${formatDateTime(user.lockedOutUntil)}`}>
          Locked out
        </Badge>
      )}
    </Group>
  );
}
