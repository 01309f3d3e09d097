import { useState } from "react";
import { Anchor, Group, Stack } from "@mantine/core";
import { IconArrowLeft } from "@tabler/icons-react";
import { Link, useParams } from "react-router";
import { ShortcutSheet } from "./ShortcutSheet";
import { TaskView } from "./TaskView";
import { inboxShortcuts, useShortcuts } from "./useShortcuts";

/** `/tasks/:taskId`: one task on its own page, linkable from notifications and other pages. */
export function TaskPage() {
  const { taskId = "" } = useParams();
  const [sheet, setSheet] = useState(false);
  useShortcuts({ "?": () => setSheet(true) });
  return (
    <Stack gap="sm" maw={960}>
      <Group>
        <Anchor component={Link} to="/inbox" size="sm">
          <Group gap={4}>
            <IconArrowLeft size={14} aria-hidden />
            Back to the inbox
          </Group>
        </Anchor>
      </Group>
      <TaskView key={taskId} taskId={taskId} headingOrder={1} />
      <ShortcutSheet opened={sheet} onClose={() => setSheet(false)} shortcuts={inboxShortcuts.filter((s) => !["j", "k", "Enter"].includes(s.keys))} />
    </Stack>
  );
}
