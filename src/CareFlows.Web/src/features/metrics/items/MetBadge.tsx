import { Badge } from "@mantine/core";
import { IconCheck, IconX } from "@tabler/icons-react";

/** Mantine's greens fail 4.5:1 on white for small text; this darker green passes, as the inbox's badges use. */
const green = "#237032";

/** Whether an item met the metric's clock, in words and with an icon, never by colour alone. */
export function MetBadge({ met, meaning }: { met: boolean | null; meaning: string }) {
  if (met === null) return <span>—</span>;
  return (
    <Badge
      color={met ? green : "red.9"}
      variant="filled"
      size="sm"
      leftSection={met ? <IconCheck size={12} aria-hidden /> : <IconX size={12} aria-hidden />}
      title={met ? `Yes: ${meaning}` : `No: not ${meaning}`}
    >
      {met ? "Met" : "Missed"}
    </Badge>
  );
}
