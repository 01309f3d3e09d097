import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { checkPage, launchBrowser, newSession, signIn } from "./support/browser.mjs";
import { useServerAndBrowser } from "./support/server.mjs";

describe("sign-in and navigation by role", () => {
  const suite = useServerAndBrowser({ before, after }, launchBrowser);


  it("sends a visitor to sign in and refuses a wrong password in plain words", async () => {
    const { page, context } = await newSession(suite.chromium.browser, suite.server.url);
    await page.goto("/inbox");
    await page.waitForURL(/\/sign-in\?returnTo=%2Finbox/);
    await checkPage(page, "sign-in");

    await page.getByLabel("Email").fill("coordinator@careflows.local");
    await page.getByRole("textbox", { name: "Password" }).fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("alert").filter({ hasText: "Could not sign in" }).waitFor();
    await context.close();
  });

  const landings = [
    { email: "coordinator@careflows.local", path: "/inbox", shows: ["Inbox", "Instances"], hides: ["Pathways", "Users", "Metrics"] },
    { email: "lead@careflows.local", path: "/definitions", shows: ["Pathways", "Metrics"], hides: ["Inbox", "Instances", "Users"] },
    { email: "auditor@careflows.local", path: "/instances", shows: ["Instances", "Inbox", "Pathways"], hides: ["Users"] },
    { email: "admin@careflows.local", path: "/admin/users", shows: ["Users", "Teams", "Inbox", "Pathways"], hides: [] },
  ];

  for (const { email, path, shows, hides } of landings) {
    it(`lands ${email} on ${path} with only the navigation its role allows`, async () => {
      const { page, context, errors } = await newSession(suite.chromium.browser, suite.server.url);
      await signIn(page, email);
      await page.waitForURL((url) => url.pathname === path);
      const nav = page.getByRole("navigation", { name: "Main navigation" });
      await nav.getByRole("link", { name: shows[0] }).waitFor();
      for (const label of shows) assert.equal(await nav.getByRole("link", { name: label }).count(), 1, `${email} should see ${label}`);
      for (const label of hides) assert.equal(await nav.getByRole("link", { name: label }).count(), 0, `${email} should not see ${label}`);
      await checkPage(page, `landing-${email.split("@")[0]}`);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});
