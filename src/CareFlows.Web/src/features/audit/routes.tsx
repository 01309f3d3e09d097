import type { RouteObject } from "react-router";
import { RequireAbility } from "../../auth/RequireAuth";
import { AuditPage } from "./AuditPage";
import { AuditRecordPage } from "./record/AuditRecordPage";
import { InstanceTimelinePage } from "./timeline/InstanceTimelinePage";
import { PatientTimelinePage } from "./timeline/PatientTimelinePage";

const auditor = (page: React.ReactNode) => <RequireAbility ability="readAudit">{page}</RequireAbility>;

export const auditRoutes: RouteObject[] = [
  { path: "audit", element: auditor(<AuditPage />) },
  { path: "audit/records/:sequence", element: auditor(<AuditRecordPage />) },
  { path: "audit/instances/:instanceId", element: auditor(<InstanceTimelinePage />) },
  { path: "audit/patients", element: auditor(<PatientTimelinePage />) },
];
