import type { RouteObject } from "react-router";
import { RequireAbility } from "../../auth/RequireAuth";
import { InstancePage } from "./InstancePage";
import { InstancesPage } from "./InstancesPage";

export const instanceRoutes: RouteObject[] = [
  { path: "instances", element: <RequireAbility ability="readInstances"><InstancesPage /></RequireAbility> },
  { path: "instances/:instanceId", element: <RequireAbility ability="readInstances"><InstancePage /></RequireAbility> },
];
