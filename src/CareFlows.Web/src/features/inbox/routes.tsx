import type { RouteObject } from "react-router";
import { RequireAbility } from "../../auth/RequireAuth";
import { InboxPage } from "./InboxPage";

export const inboxRoutes: RouteObject[] = [
  { path: "inbox", element: <RequireAbility ability="readInbox"><InboxPage /></RequireAbility> },
];
