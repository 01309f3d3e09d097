import { Badge } from "@mantine/core";
import type { Session } from "../api";

const reasons: Record<string, string> = {
  SignedOut: "signed out",
  Revoked: "revoked",
  PasswordChanged: "password changed",
  RolesChanged: "roles changed",
  SecurityStampChanged: "security reset",
  Deactivated: "user deactivated",
  RefreshTokenReused: "token reused",
};

/** Why a session ended, in words. */
export function endReasonText(reason: string | null): string {
  return reason ? (reasons[reason] ?? reason) : "ended";
}

/** Where a session stands, in colour and words (never colour alone). */
export function SessionStateBadge({ session }: { session: Pick<Session, "state" | "endReason"> }) {
  switch (session.state) {
    case "Active":
      return <Badge color="teal.9" variant="outline">Active</Badge>;
    case "Ended":
      return <Badge color={session.endReason === "Revoked" ? "red.9" : "gray.8"} variant="outline">Ended: {endReasonText(session.endReason)}</Badge>;
    case "Expired":
      return <Badge color="gray.9" variant="outline">Expired</Badge>;
    case "Idle":
      return <Badge color="gray.9" variant="outline">Timed out (idle)</Badge>;
  }
}
