import { useMutation, useQueryClient } from "@tanstack/react-query";
import { notifications as toasts } from "@mantine/notifications";
import { get, post } from "../../api/client";
import { describeError } from "../../api/problem";

/** Features/Notifications/NotificationsEndpoints.cs. */
export interface UserNotification {
  id: number;
  kind: string;
  taskId: string | null;
  message: string;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage {
  items: UserNotification[];
  unread: number;
  page: number;
  pageSize: number;
}

/** Under `["notifications"]`, which the live stream marks stale when a notification arrives. */
export const notificationKeys = {
  all: ["notifications"] as const,
  page: (query: Record<string, string | number | boolean>) => ["notifications", "page", query] as const,
};

export const fetchNotifications = (query: Record<string, string | number | boolean>) => get<NotificationPage>("/api/notifications", { query });

export const notificationKindLabels: Record<string, string> = {
  assigned: "Assigned to you",
  delegated: "Delegated to you",
  escalated: "Escalated",
  "deadline-missed": "Deadline missed",
};

export function useMarkRead() {
  const queries = useQueryClient();
  const settle = () => queries.invalidateQueries({ queryKey: notificationKeys.all });
  const fail = (error: unknown) => toasts.show({ color: "red", title: "Could not mark as read", message: describeError(error) });
  return {
    one: useMutation({ mutationFn: (id: number) => post(`/api/notifications/${id}/read`), onSettled: settle, onError: fail }),
    all: useMutation({ mutationFn: () => post("/api/notifications/read-all"), onSettled: settle, onError: fail }),
  };
}
