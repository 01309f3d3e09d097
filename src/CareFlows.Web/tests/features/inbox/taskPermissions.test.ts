import { describe, expect, it } from "vitest";
import { abilities } from "../../../src/auth/roles";
import { taskPermissions } from "../../../src/features/inbox/taskPermissions";
import { aTask } from "./taskFixtures";

const coordinator = { can: abilities({ roles: ["Coordinator"] }), me: "me", myTeams: ["toc"] };
const auditor = { can: abilities({ roles: ["Auditor"] }), me: null, myTeams: [] };
const admin = { can: abilities({ roles: ["Admin"] }), me: "admin", myTeams: [] };

describe("what a user may do to a task", () => {
  it("lets a team member claim an unclaimed task and complete it", () => {
    const allowed = taskPermissions(aTask(), coordinator);
    expect(allowed).toMatchObject({ claim: true, unclaim: false, complete: true, hold: true, delegate: false });
  });

  it("lets the owner unclaim, and nobody else complete, a claimed task", () => {
    expect(taskPermissions(aTask({ status: "in-progress", owner: "me" }), coordinator)).toMatchObject({ claim: false, unclaim: true, complete: true });
    expect(taskPermissions(aTask({ status: "in-progress", owner: "other" }), coordinator)).toMatchObject({ claim: false, unclaim: false, complete: false });
  });

  it("lets a coordinator delegate the task they hold", () => {
    expect(taskPermissions(aTask({ status: "in-progress", owner: "me" }), coordinator)).toMatchObject({ delegate: true });
  });

  it("gives an auditor nothing to press", () => {
    const allowed = taskPermissions(aTask(), auditor);
    expect(Object.entries(allowed).filter(([key, value]) => key !== "completeBlocked" && value)).toEqual([]);
    expect(allowed.completeBlocked).toBe("Your role may read tasks but not work them.");
  });

  it("asks for a release before a held task can be completed", () => {
    expect(taskPermissions(aTask({ status: "on-hold" }), coordinator)).toMatchObject({ release: true, hold: false, claim: false, complete: false });
  });

  it("lets an administrator unclaim anyone's task, and delegate only their own", () => {
    expect(taskPermissions(aTask({ status: "in-progress", owner: "other" }), admin)).toMatchObject({ unclaim: true, complete: true, delegate: false });
    expect(taskPermissions(aTask({ status: "in-progress", owner: "admin" }), admin)).toMatchObject({ delegate: true });
  });

  it("allows nothing on a closed task", () => {
    expect(taskPermissions(aTask({ status: "completed" }), admin)).toMatchObject({ work: false, complete: false, reassign: false });
  });
});
