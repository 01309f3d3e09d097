import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { apiClient } from "./support/api.mjs";
import { assertAccessible, checkPage, launchBrowser, newSession, signIn } from "./support/browser.mjs";
import { demoPassword, useServerAndBrowser } from "./support/server.mjs";

// A session can end under someone mid-task (an admin revokes it, it times out). What they typed must be there when
// they sign in again; only signing out on purpose forgets it.
describe("a session that ends mid-work keeps what was typed", { concurrency: false }, () => {
  const suite = useServerAndBrowser({ before, after }, launchBrowser, { seedPathways: true });
  const reroute = { specialist: "Dr. Okafor, Dermatology at St Mary's", reason: "The first clinic declined: no capacity until March." };
  let taskPath;

  /** Ends every active session of the user, as an admin does from the Sessions page. */
  async function revokeSessionsOf(email) {
    const admin = await apiClient(suite.server.url, "admin@careflows.local");
    const user = (await admin.get(`/api/admin/users?q=${encodeURIComponent(email)}`)).items.find((u) => u.email === email);
    const sessions = await admin.get(`/api/admin/users/${user.id}/sessions?active=true&pageSize=50`);
    assert.ok(sessions.items.length > 0, `${email} has a session to revoke`);
    for (const session of sessions.items) await admin.post(`/api/admin/sessions/${session.id}/revoke`);
  }

  /** Signs in on the sign-in page the app sent the user to, keeping the page it means to return to. */
  async function signInAgain(page, email) {
    await page.getByLabel("Email").fill(email);
    await page.getByRole("textbox", { name: "Password" }).fill(demoPassword);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  }

  const fields = (page) => {
    const view = page.getByTestId("task-view");
    return { specialist: view.getByLabel("New specialist", { exact: true }), reason: view.getByLabel("Why", { exact: true }) };
  };

  it("a coordinator's typed task form is there again after her revoked session signs her back in", async () => {
    const { page, context, errors } = await newSession(suite.chromium.browser, suite.server.url);
    await signIn(page, "coordinator@careflows.local");
    await page.getByTestId("queue-team:referrals").click();
    const row = page.getByTestId("task-row").filter({ hasText: "Reroute the referral" });
    await row.first().waitFor();
    // The task opens beside the queue; its address, queue and task both, is where the app must bring her back to.
    taskPath = await row.first().getByTestId("task-link").getAttribute("href");
    await page.goto(taskPath);
    await page.getByTestId("task-view").waitFor();
    const claim = page.getByTestId("claim-button");
    if (await claim.count()) await claim.click();
    await page.getByTestId("complete-button").first().waitFor();

    const { specialist, reason } = fields(page);
    await specialist.fill(reroute.specialist);
    await reason.fill(reroute.reason);
    await checkPage(page, "session-expiry-task-typed");

    await revokeSessionsOf("coordinator@careflows.local");
    await page.getByTestId("complete-button").first().click();
    await page.waitForURL(/\/sign-in\?returnTo=/);
    await page.getByRole("button", { name: "Sign in" }).waitFor();
    await assertAccessible(page, "session-expiry-sign-in");

    await signInAgain(page, "coordinator@careflows.local");
    await page.waitForURL((url) => url.pathname + url.search === taskPath);
    await page.getByTestId("task-view").waitFor();
    const again = fields(page);
    await again.specialist.waitFor();
    assert.equal(await again.specialist.inputValue(), reroute.specialist);
    assert.equal(await again.reason.inputValue(), reroute.reason);
    await checkPage(page, "session-expiry-task-restored");
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("signing out on purpose forgets the typed form: signed in again, it is empty", async () => {
    const { page, context, errors } = await newSession(suite.chromium.browser, suite.server.url);
    await signIn(page, "coordinator@careflows.local");
    await page.goto(taskPath);
    const { specialist, reason } = fields(page);
    await specialist.waitFor();
    await specialist.fill(reroute.specialist);
    await reason.fill(reroute.reason);

    await page.getByRole("button", { name: /^Account menu for/ }).click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await page.waitForURL(/\/sign-in/);
    await signIn(page, "coordinator@careflows.local");
    await page.goto(taskPath);
    const again = fields(page);
    await again.specialist.waitFor();
    assert.equal(await again.specialist.inputValue(), "");
    assert.equal(await again.reason.inputValue(), "");
    await checkPage(page, "session-expiry-task-after-sign-out");
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("a clinical lead's unsaved designer change is there again after her revoked session signs her back in", async () => {
    const renamed = "Reroute, renamed before the session ended";
    const { page, context, errors } = await newSession(suite.chromium.browser, suite.server.url);
    await signIn(page, "lead@careflows.local");
    await page.goto("/definitions/specialist-referral");
    const node = page.getByTestId("node-reroute");
    await node.waitFor();
    // The pathway opens on its first activities; this one is further down, outside the canvas until the view fits all.
    await page.locator(".react-flow__controls-fitview").click();
    await node.click();
    await page.locator('.react-flow__node.selected[data-id="reroute"]').waitFor();
    await page.getByRole("tab", { name: "Common" }).click();
    const displayText = page.getByLabel("Display text", { exact: true });
    await displayText.fill(renamed);
    await node.getByText(renamed).waitFor();
    await checkPage(page, "session-expiry-designer-changed");

    await revokeSessionsOf("lead@careflows.local");
    await page.getByTestId("save").click();
    await page.waitForURL(/\/sign-in\?returnTo=/);
    await page.getByRole("button", { name: "Sign in" }).waitFor();

    await signInAgain(page, "lead@careflows.local");
    await page.waitForURL((url) => url.pathname === "/definitions/specialist-referral");
    await page.getByTestId("node-reroute").getByText(renamed).waitFor();
    await page.getByText("Your unsaved changes from earlier in this session were restored.", { exact: false }).waitFor();
    await checkPage(page, "session-expiry-designer-restored");
    assert.deepEqual(errors, []);
    await context.close();
  });
});
