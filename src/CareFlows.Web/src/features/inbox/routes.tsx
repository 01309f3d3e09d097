import type { RouteObject } from "react-router";
import { RequireAbility } from "../../auth/RequireAuth";
import { InboxPage } from "./InboxPage";
import { NotificationsPage } from "./NotificationsPage";
import { TaskPage } from "./TaskPage";

export const inboxRoutes: RouteObject[] = [
  { path: "inbox", element: <RequireAbility ability="readInbox"><InboxPage /></RequireAbility> },
  { path: "tasks/:taskId", element: <RequireAbility ability="readInbox"><TaskPage /></RequireAbility> },
  { path: "notifications", element: <RequireAbility ability="readInbox"><NotificationsPage /></RequireAbility> },
];
