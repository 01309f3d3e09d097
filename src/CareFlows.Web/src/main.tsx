import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { QueryClientProvider } from "@tanstack/react-query";
import "@mantine/core/styles.css";
import "@mantine/notifications/styles.css";
import "@mantine/charts/styles.css";
import "@xyflow/react/dist/style.css";
import "./styles.css";
import { createQueryClient } from "./api/queryClient";
import { App } from "./App";
import { AuthProvider } from "./auth/AuthContext";
import { LiveUpdatesProvider } from "./live/LiveUpdates";
import { theme } from "./theme";

const queryClient = createQueryClient();

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <AuthProvider>
          <LiveUpdatesProvider>
            <App />
          </LiveUpdatesProvider>
        </AuthProvider>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
