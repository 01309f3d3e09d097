import { createBrowserRouter, Navigate, RouterProvider } from "react-router";
import { useAuth } from "./auth/AuthContext";
import { RequireAuth } from "./auth/RequireAuth";
import { SignInPage } from "./auth/SignInPage";
import { homePath } from "./auth/roles";
import { NotFound } from "./components/NotFound";
import { adminRoutes } from "./features/admin/routes";
import { auditRoutes } from "./features/audit/routes";
import { designerRoutes } from "./features/designer/routes";
import { inboxRoutes } from "./features/inbox/routes";
import { instanceRoutes } from "./features/instances/routes";
import { metricRoutes } from "./features/metrics/routes";
import { AppLayout } from "./layout/AppLayout";

function Home() {
  const { user } = useAuth();
  return user ? <Navigate to={homePath(user)} replace /> : null;
}

const router = createBrowserRouter([
  { path: "/sign-in", element: <SignInPage /> },
  {
    path: "/",
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <Home /> },
      ...inboxRoutes,
      ...designerRoutes,
      ...instanceRoutes,
      ...metricRoutes,
      ...auditRoutes,
      ...adminRoutes,
      { path: "forbidden", element: <NotFound forbidden /> },
      { path: "*", element: <NotFound /> },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
