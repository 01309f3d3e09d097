import { describe, expect, it } from "vitest";
import { abilities } from "../../src/auth/roles";

describe("who reads the audit log and who breaks the glass", () => {
  it("gives the audit log to auditors and admins, and break-the-glass to coordinators only", () => {
    const of = (...roles: string[]) => abilities({ roles });
    expect([of("Auditor").readAudit, of("Admin").readAudit, of("Coordinator").readAudit, of("ClinicalLead").readAudit]).toEqual([true, true, false, false]);
    expect([of("Coordinator").breakGlass, of("Auditor").breakGlass, of("Admin").breakGlass, of("ClinicalLead").breakGlass]).toEqual([true, false, false, false]);
  });
});
