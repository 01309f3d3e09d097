import { notifications } from "@mantine/notifications";

/** Says that a change was made, readably (the default description grey is below AA) and with a named close button. */
export function notifySuccess({ title, message }: { title: string; message: string }) {
  notifications.show({
    color: "teal",
    title,
    message,
    closeButtonProps: { "aria-label": "Close notification" },
    styles: { description: { color: "var(--mantine-color-gray-8)" } },
  });
}
