import { createTheme, Loader } from "@mantine/core";

/**
 * One theme for the whole app. Shades are chosen for WCAG 2.1 AA: filled buttons and links use shade 8 of their
 * colour, whose contrast with white is above 4.5:1.
 */
export const theme = createTheme({
  primaryColor: "blue",
  primaryShade: 8,
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  defaultRadius: "sm",
  focusRing: "auto",
  components: {
    // A loader is named for what it waits on; as a status, its name is announced (a bare span may not carry one).
    Loader: Loader.extend({ defaultProps: { role: "status" } }),
  },
});
