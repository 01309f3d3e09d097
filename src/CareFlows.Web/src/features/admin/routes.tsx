import type { RouteObject } from "react-router";
import { RequireAbility } from "../../auth/RequireAuth";
import { UsersPage } from "./UsersPage";

export const adminRoutes: RouteObject[] = [
  { path: "admin/users", element: <RequireAbility ability="administer"><UsersPage /></RequireAbility> },
];
