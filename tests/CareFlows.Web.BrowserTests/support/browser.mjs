import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import assert from "node:assert/strict";
import { axe, chromium } from "./modules.mjs";
import { demoPassword, repoRoot } from "./server.mjs";

/** Where the run saves a screenshot of every page it checks. */
export const screenshotFolder = process.env.CAREFLOWS_SCREENSHOTS ?? join(repoRoot, "artifacts", "browser-screenshots");

/**
 * Debian's Chromium, headless, without the background traffic a closed network refuses, and with an empty profile
 * of its own for each launch.
 */
export async function launchBrowser() {
  const profile = mkdtempSync(join(tmpdir(), "careflows-chromium-"));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
  return {
    browser,
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * A fresh browser session (its own cookies) at the app's address, 1280 px wide: the narrowest layout the app supports.
 * `options` are the browser context's own, over these.
 */
export async function newSession(browser, baseURL, options = {}) {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 }, timezoneId: "America/New_York", ...options });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  return { context, page, errors };
}

/** Signs in through the sign-in page as a person would, and waits for the landing page. */
export async function signIn(page, email, password = demoPassword) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("textbox", { name: "Password" }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

/**
 * Runs axe-core on the page against WCAG 2.1 A and AA and fails with every violation named. axe is evaluated through
 * the DevTools protocol, so the page's content security policy stays as strict as in production.
 */
export async function assertAccessible(page, name) {
  await page.evaluate(axe.source);
  const result = await page.evaluate(() =>
    // eslint-disable-next-line no-undef
    window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] }, resultTypes: ["violations"] }),
  );
  const violations = result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")}: ${n.html.slice(0, 160)} — ${(n.failureSummary ?? "").split("\n").slice(1, 2).join(" ").trim()}`).join("\n    ")}`,
  );
  assert.deepEqual(violations, [], `Accessibility violations on ${name}:\n  ${violations.join("\n  ")}`);
}

/** Saves a full-page screenshot named after the page. */
export async function screenshot(page, name) {
  mkdirSync(screenshotFolder, { recursive: true });
  await page.screenshot({ path: join(screenshotFolder, `${name}.png`), fullPage: true });
}

/** Checks a page the way every page is checked: screenshot, then axe. */
export async function checkPage(page, name) {
  await page.waitForLoadState("networkidle").catch(() => {});
  await screenshot(page, name);
  await assertAccessible(page, name);
}
