import type { RouteObject } from "react-router";
import { RequireAbility } from "../../auth/RequireAuth";
import { DefinitionsPage } from "./DefinitionsPage";

export const designerRoutes: RouteObject[] = [
  { path: "definitions", element: <RequireAbility ability="readDefinitions"><DefinitionsPage /></RequireAbility> },
];
