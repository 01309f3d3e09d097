import type { RouteObject } from "react-router";
import { RequireAbility } from "../../auth/RequireAuth";
import { MetricPage } from "./MetricPage";
import { MetricsPage } from "./MetricsPage";

export const metricRoutes: RouteObject[] = [
  { path: "metrics", element: <RequireAbility ability="readMetrics"><MetricsPage /></RequireAbility> },
  { path: "metrics/:id", element: <RequireAbility ability="readMetrics"><MetricPage /></RequireAbility> },
];
