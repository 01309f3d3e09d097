import type { RouteObject } from "react-router";
import { RequireAbility } from "../../auth/RequireAuth";
import { DefinitionsPage } from "./list/DefinitionsPage";
import { DesignerPage } from "./DesignerPage";

export const designerRoutes: RouteObject[] = [
  { path: "definitions", element: <RequireAbility ability="readDefinitions"><DefinitionsPage /></RequireAbility> },
  { path: "definitions/:definitionId", element: <RequireAbility ability="readDefinitions"><DesignerPage /></RequireAbility> },
];
