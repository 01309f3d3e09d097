/** The server's roles (Auth/Roles.cs). */
export const Roles = {
  ClinicalLead: "ClinicalLead",
  Coordinator: "Coordinator",
  Auditor: "Auditor",
  Admin: "Admin",
} as const;
export type Role = (typeof Roles)[keyof typeof Roles];

export interface TeamSummary {
  id: string;
  name: string;
}

export interface CurrentUser {
  /** The name the user signs in with. */
  name: string;
  roles: string[];
  teams: TeamSummary[];
  userId: string;
  displayName: string | null;
  email: string | null;
  /** The organisation's IANA time zone, in which every date is shown. */
  timeZone: string;
}

/** What each role may see and do; pages ask these, never the role names, so one rule lives in one place. */
export function abilities(user: Pick<CurrentUser, "roles"> | null | undefined) {
  const has = (role: Role) => !!user?.roles.includes(role);
  const lead = has(Roles.ClinicalLead);
  const coordinator = has(Roles.Coordinator);
  const auditor = has(Roles.Auditor);
  const admin = has(Roles.Admin);
  return {
    /** Definitions: read by leads, auditors and admins; written only by leads and admins. */
    readDefinitions: lead || auditor || admin,
    editDefinitions: lead || admin,
    /** Patient data (tasks, instances) — never for a clinical lead alone; leads see patients only in test runs. */
    readInbox: coordinator || auditor || admin,
    workTasks: coordinator || admin,
    readInstances: auditor || admin || coordinator,
    cancelInstances: admin,
    /** Metrics: for those who oversee the pathways, not for the coordinators they measure. */
    readMetrics: lead || auditor || admin,
    /** The patients' discharges, requests, referrals and tasks behind a metric's figures: patient data, so not for leads. */
    drillIntoMetrics: auditor || admin,
    administer: admin,
    /** The audit log, its exports, timelines and chain check: for those who review what was done. */
    readAudit: auditor || admin,
    /** Emergency read access to another team's patient, with a stated reason, recorded and reviewed. */
    breakGlass: coordinator,
  };
}
export type Abilities = ReturnType<typeof abilities>;

/** The page a user lands on at `/`: coordinators their inbox, leads the definitions, auditors the instances. */
export function homePath(user: CurrentUser): string {
  const can = abilities(user);
  if (user.roles.includes(Roles.Coordinator)) return "/inbox";
  if (user.roles.includes(Roles.ClinicalLead)) return "/definitions";
  if (user.roles.includes(Roles.Auditor)) return "/instances";
  if (can.administer) return "/admin/users";
  return "/inbox";
}
