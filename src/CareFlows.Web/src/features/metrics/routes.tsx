import type { RouteObject } from "react-router";
import { RequireAbility } from "../../auth/RequireAuth";
import { MetricsPage } from "./MetricsPage";

export const metricRoutes: RouteObject[] = [
  { path: "metrics", element: <RequireAbility ability="readMetrics"><MetricsPage /></RequireAbility> },
];
