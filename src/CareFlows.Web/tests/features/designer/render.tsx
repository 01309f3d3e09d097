import type { ReactElement } from "react";
import { render } from "@testing-library/react";
import { MantineProvider } from "@mantine/core";
import { theme } from "../../../src/theme";

/** The app's theme with Mantine's test environment: no transitions, dropdowns in place, so options can be chosen. */
export function renderInTheme(ui: ReactElement) {
  return render(
    <MantineProvider theme={theme} env="test">
      {ui}
    </MantineProvider>,
  );
}
