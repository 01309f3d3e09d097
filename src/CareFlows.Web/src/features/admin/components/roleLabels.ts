import { Roles, type Role } from "../../../auth/roles";

export const roleLabels: Record<Role, string> = {
  [Roles.ClinicalLead]: "Clinical lead",
  [Roles.Coordinator]: "Coordinator",
  [Roles.Auditor]: "Auditor",
  [Roles.Admin]: "Admin",
};

/** What each role is for, as the hint beside its checkbox. */
export const roleHints: Record<Role, string> = {
  [Roles.ClinicalLead]: "Designs and publishes pathways; sees metrics, not patients' tasks.",
  [Roles.Coordinator]: "Works tasks in the inbox for their teams.",
  [Roles.Auditor]: "Reads instances, tasks and metrics; changes nothing.",
  [Roles.Admin]: "Manages users, teams and sessions; may cancel instances.",
};

export const roleOptions = (Object.keys(roleLabels) as Role[]).map((value) => ({ value, label: roleLabels[value] }));

export function roleLabel(role: string): string {
  return roleLabels[role as Role] ?? role;
}
