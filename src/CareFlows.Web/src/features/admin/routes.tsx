import type { RouteObject } from "react-router";
import { RequireAbility } from "../../auth/RequireAuth";
import { SessionsPage } from "./sessions/SessionsPage";
import { TeamPage } from "./teams/TeamPage";
import { TeamsPage } from "./teams/TeamsPage";
import { UserPage } from "./users/UserPage";
import { UsersPage } from "./users/UsersPage";

const admin = (page: React.ReactNode) => <RequireAbility ability="administer">{page}</RequireAbility>;

export const adminRoutes: RouteObject[] = [
  { path: "admin/users", element: admin(<UsersPage />) },
  { path: "admin/users/:id", element: admin(<UserPage />) },
  { path: "admin/teams", element: admin(<TeamsPage />) },
  { path: "admin/teams/:id", element: admin(<TeamPage />) },
  { path: "admin/sessions", element: admin(<SessionsPage />) },
];
