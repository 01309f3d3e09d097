import { ActionIcon, Indicator } from "@mantine/core";
import { IconBell } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { get } from "../../api/client";

interface NotificationPage {
  unread?: number;
}

/** The bell in the header: how many notifications are unread; opens the inbox's notifications. */
export function NotificationsBell() {
  const navigate = useNavigate();
  const notifications = useQuery({ queryKey: ["notifications", "count"], queryFn: () => get<NotificationPage>("/api/notifications") });
  const unread = notifications.data?.unread ?? 0;
  return (
    <Indicator label={unread} size={16} disabled={unread === 0} color="red.8">
      <ActionIcon variant="subtle" color="gray.8" aria-label={`Notifications, ${unread} unread`} onClick={() => navigate("/inbox?view=notifications")}>
        <IconBell size={20} aria-hidden />
      </ActionIcon>
    </Indicator>
  );
}
