import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { apiClient } from "./support/api.mjs";
import { launchBrowser, newSession, screenshot, signIn } from "./support/browser.mjs";
import { hostile, storeHostileText } from "./support/hostileScene.mjs";
import { useServerAndBrowser } from "./support/server.mjs";

// Text that one person types and others read — names, titles, comments, reasons, form answers, even the headers
// another system sends — is shown as text on every page, never run. The pages are read with the content security
// policy bypassed: the policy would stop an injected handler from running, and so hide the rendering fault that let
// it in. The policy is checked on its own at the end.
describe("stored text is shown as text, never run", { concurrency: false }, () => {
  const suite = useServerAndBrowser({ before, after }, launchBrowser);
  let scene;

  before(async () => {
    scene = await storeHostileText(suite.server.url);
  });

  /** A session signed in as `email` that keeps every dialog the page opens (and dismisses it). */
  async function readerAs(email, password) {
    const session = await newSession(suite.chromium.browser, suite.server.url, { bypassCSP: true });
    session.dialogs = [];
    session.page.on("dialog", (dialog) => {
      session.dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await signIn(session.page, email, password);
    return session;
  }

  /** Waits until each text shows on the page as typed, as text or in a field; fails naming those that never did. */
  async function expectLiteral(page, name, texts) {
    const missing = [];
    for (const text of texts) {
      const shown = await page
        .waitForFunction(
          (t) => document.body.innerText.includes(t) || [...document.querySelectorAll("input, textarea")].some((field) => field.value.includes(t)),
          text,
          { timeout: 10_000 },
        )
        .then(() => true, () => false);
      if (!shown) missing.push(text);
    }
    if (missing.length > 0) await screenshot(page, `stored-xss-${name.replaceAll(" ", "-")}-missing`);
    assert.deepEqual(missing, [], `${name} does not show these as typed`);
  }

  /** Nothing ran and nothing was injected: no flag, no dialog, no event-handler attribute, no inline script, no script address. */
  async function expectNothingRan(session, name) {
    const { page, dialogs, errors } = session;
    await page.waitForLoadState("networkidle").catch(() => {});
    const found = await page.evaluate(() => {
      const elements = [...document.querySelectorAll("*")];
      const describe = (el) => el.outerHTML.slice(0, 120);
      return {
        flag: typeof window.__xss === "undefined" ? "unset" : String(window.__xss),
        handlers: elements.filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).map(describe),
        inlineScripts: [...document.querySelectorAll("script:not([src])")].map(describe),
        scriptAddresses: elements
          .filter((el) => [...el.attributes].some((a) => /^(href|src|action|formaction|xlink:href)$/i.test(a.name) && /^\s*(javascript|vbscript|data:text\/html)/i.test(a.value)))
          .map(describe),
      };
    });
    await screenshot(page, `stored-xss-${name}`);
    assert.deepEqual(found, { flag: "unset", handlers: [], inlineScripts: [], scriptAddresses: [] }, `${name}: something was injected`);
    assert.deepEqual(dialogs, [], `${name}: a dialog opened`);
    assert.deepEqual(errors, [], `${name}: the page failed`);
  }

  async function visit(session, path, name, texts, also) {
    await session.page.goto(path);
    await expectLiteral(session.page, name, texts);
    if (also) await also(session.page);
    await expectNothingRan(session, name);
  }

  it("a coordinator's inbox, task pages with comments, attempts and history, and notifications", async () => {
    const session = await readerAs(scene.nurse.email, scene.nurse.password);
    const { page } = session;
    await visit(session, "/inbox?queue=all", "inbox", [hostile.taskTitle, hostile.patientName, hostile.teamName, hostile.filterName]);

    await visit(session, `/tasks/${scene.open.taskId}`, "task", [hostile.taskTitle, hostile.instructions, hostile.patientName, hostile.patientMrn, hostile.fieldLabel, hostile.choice, hostile.attemptNote]);
    await page.getByRole("tab", { name: /^Comments/ }).click();
    await expectLiteral(page, "task comments", [hostile.comment]);
    await page.getByRole("tab", { name: /^History/ }).click();
    await expectLiteral(page, "task history", [hostile.holdReason, hostile.comment]);
    await expectNothingRan(session, "task-history");

    await visit(session, `/tasks/${scene.done.taskId}`, "completed-task", [hostile.taskTitle, hostile.formValue, hostile.choice]);
    await page.getByRole("tab", { name: /^History/ }).click();
    await expectNothingRan(session, "completed-task-history");

    await visit(session, "/notifications", "notifications", [hostile.taskTitle]);
    await page.getByTestId("notifications-bell").click();
    await expectLiteral(page, "notifications bell", [`'${hostile.taskTitle}' was assigned to you.`]);
    await expectNothingRan(session, "notifications-bell");
    await session.context.close();
  });

  it("another team's coordinator reading the task through break-the-glass access, with her reason", async () => {
    const session = await readerAs("coordinator@careflows.local");
    await visit(session, "/inbox?queue=all", "inbox-through-grant", [hostile.taskTitle, hostile.patientName], (page) => page.getByTestId("emergency-badge").waitFor());
    await visit(session, `/tasks/${scene.open.taskId}`, "task-through-grant", [hostile.taskTitle, hostile.breakGlassReason, hostile.patientName]);
    await session.context.close();
  });

  it("an auditor's instances, audit search, records with before and after, and timelines", async () => {
    const auditor = await apiClient(suite.server.url, "auditor@careflows.local");
    const record = async (query) => (await auditor.get(`/api/audit/records?${new URLSearchParams({ pageSize: "1", ...query })}`)).items[0].sequence;
    const withHeaders = await record({ correlationId: hostile.correlationId, operation: "task.comment" }).catch(() => record({ correlationId: hostile.correlationId }));
    const breakGlass = await record({ entityType: "access-grant" });
    const team = await record({ entityType: "team", entityId: scene.team.id });
    const user = await record({ entityType: "user", entityId: scene.nurse.id });
    const cancelled = await record({ instance: scene.cancelled.instanceId, operation: "instance.cancel" }).catch(() => record({ instance: scene.cancelled.instanceId }));

    const session = await readerAs("auditor@careflows.local");
    await visit(session, "/instances?definitionId=hostile-text", "instances", [hostile.definitionName]);
    await visit(session, `/instances/${scene.open.instanceId}`, "instance", [hostile.definitionName, hostile.instanceName]);
    await session.page.getByRole("tab", { name: "Variables" }).click();
    await expectLiteral(session.page, "instance variables", [hostile.taskTitle, hostile.patientName]);
    await session.page.getByRole("tab", { name: /^Tasks/ }).click();
    await expectLiteral(session.page, "instance tasks", [hostile.taskTitle]);
    await expectNothingRan(session, "instance-tabs");
    await visit(session, `/instances/${scene.cancelled.instanceId}`, "cancelled-instance", [hostile.cancelReason]);
    await visit(session, `/audit?${new URLSearchParams({ correlationId: hostile.correlationId })}`, "audit-search", [hostile.displayName]);
    // The list shows a break-the-glass reason on its badge's tooltip.
    await visit(session, "/audit?entityType=access-grant", "audit-search-break-glass", [], async (page) => {
      await page.locator('[data-flag="emergency"]').first().hover();
      await expectLiteral(page, "audit search reason", [hostile.breakGlassReason]);
    });
    await visit(session, `/audit/records/${withHeaders}`, "audit-record-headers", [hostile.userAgent, hostile.correlationId, hostile.displayName]);
    await visit(session, `/audit/records/${breakGlass}`, "audit-record-break-glass", [hostile.breakGlassReason]);
    // Before and after show each field's value as JSON, quotes and all.
    const json = (text) => JSON.stringify(text);
    await visit(session, `/audit/records/${team}`, "audit-record-team", [json(hostile.teamName), json(hostile.teamDescription)]);
    await visit(session, `/audit/records/${user}`, "audit-record-user", [json(hostile.displayName)]);
    await visit(session, `/audit/records/${cancelled}`, "audit-record-cancel", [hostile.cancelReason]);
    await visit(session, `/audit/instances/${scene.open.instanceId}`, "instance-timeline", [hostile.definitionName, hostile.comment, hostile.attemptNote, hostile.holdReason, hostile.displayName]);
    await visit(session, `/audit/patients?${new URLSearchParams({ patient: hostile.patientId })}`, "patient-timeline", [hostile.patientId, hostile.definitionName, hostile.comment, hostile.displayName]);
    await session.context.close();
  });

  it("an admin's users and teams pages, the names offered when passing a task on, and metrics", async () => {
    const session = await readerAs("admin@careflows.local");
    await visit(session, "/admin/users", "admin-users", [hostile.displayName]);
    await visit(session, `/admin/users/${encodeURIComponent(scene.nurse.id)}`, "admin-user", [hostile.displayName, hostile.teamName]);
    await visit(session, "/admin/teams", "admin-teams", [hostile.teamName]);
    await visit(session, `/admin/teams/${encodeURIComponent(scene.team.id)}`, "admin-team", [hostile.teamName, hostile.displayName]);
    // Names offered to pick from: the teams and the people a task can be passed to.
    await visit(session, `/tasks/${scene.open.taskId}`, "task-reassign", [hostile.taskTitle], async (page) => {
      await page.getByRole("button", { name: /^Reassign/ }).click();
      const dialog = page.getByRole("dialog", { name: "Reassign the task" });
      await dialog.getByText("To a team queue").click();
      await dialog.getByLabel(/^Team/).click();
      await expectLiteral(page, "reassign teams", [hostile.teamName]);
      await page.keyboard.press("Escape");
      await dialog.getByText("To a person").click();
      await dialog.getByLabel(/^Person/).fill("Nurse");
      await expectLiteral(page, "reassign people", [hostile.displayName]);
    });
    await visit(session, "/metrics", "metrics", []);
    await session.context.close();
  });

  it("a clinical lead's pathways list and designer", async () => {
    const session = await readerAs("lead@careflows.local");
    await visit(session, "/definitions", "definitions", [hostile.definitionName, hostile.definitionDescription]);
    await visit(session, `/definitions/${scene.definitionId}`, "designer", [hostile.definitionName], async (page) => {
      await page.getByTestId("node-call").click();
      await expectLiteral(page, "designer activity", [hostile.instructions]);
    });
    await session.context.close();
  });

  it("the pages' content security policy runs only the app's own script files, and the app runs under it without breaking it", async () => {
    const { url } = suite.server;
    const page = await fetch(`${url}/inbox`);
    const html = await page.text();
    const policy = Object.fromEntries(
      (page.headers.get("content-security-policy") ?? "").split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]),
    );
    assert.match(page.headers.get("content-type") ?? "", /^text\/html/);
    assert.deepEqual(policy["script-src"], ["'self'"]);
    assert.deepEqual(policy["object-src"], ["'none'"]);
    assert.deepEqual(policy["base-uri"], ["'self'"]);
    // The built page itself needs no inline script: every script is a file of the app's own.
    const scripts = [...html.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0]);
    assert.ok(scripts.length > 0, "the page loads the app");
    assert.deepEqual(scripts.filter((tag) => !/\ssrc="\/assets\//.test(tag)), [], "inline or foreign scripts in index.html");
    assert.doesNotMatch(html, /\son[a-z]+\s*=/i, "event-handler attributes in index.html");
    const asset = scripts[0].match(/src="([^"]+)"/)[1];
    for (const address of ["/inbox", asset, "/api/auth/me", "/api/no-such-route", "/health"]) {
      assert.equal((await fetch(`${url}${address}`)).headers.get("x-content-type-options"), "nosniff", `${address} is sniffable`);
    }

    // With the policy in force, as in production: the app's own pages raise no violation (the component library's
    // inline styles are allowed), and markup that slipped in could not run.
    const session = await newSession(suite.chromium.browser, url);
    await session.context.addInitScript(() => {
      window.__violations = [];
      document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective}: ${e.blockedURI}`));
    });
    await signIn(session.page, scene.nurse.email, scene.nurse.password);
    for (const path of ["/inbox?queue=all", `/tasks/${scene.open.taskId}`, "/notifications"]) {
      await session.page.goto(path);
      await session.page.waitForLoadState("networkidle").catch(() => {});
      assert.deepEqual(await session.page.evaluate(() => window.__violations), [], `${path} broke the policy`);
    }
    const errors = await session.page.evaluate(async () => {
      const img = document.createElement("img");
      img.setAttribute("onerror", "window.__xss = 1");
      const failed = new Promise((resolve) => img.addEventListener("error", resolve));
      img.src = "x";
      document.body.append(img);
      const script = document.createElement("script");
      script.textContent = "window.__xss = 2";
      document.body.append(script);
      await failed;
      await new Promise((resolve) => setTimeout(resolve, 100));
      return { flag: typeof window.__xss === "undefined" ? "unset" : String(window.__xss), violations: window.__violations };
    });
    assert.equal(errors.flag, "unset", "an injected handler or inline script ran");
    assert.ok(errors.violations.some((v) => v.startsWith("script-src")), `the policy refused the injected script: ${errors.violations.join(", ")}`);
    assert.deepEqual(session.errors, []);
    await session.context.close();
  });
});
