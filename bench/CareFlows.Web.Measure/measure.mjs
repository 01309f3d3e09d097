// Measures the web app in headless Chromium against the real server, as the load harness measures the runtime:
//   node bench/CareFlows.Web.Measure/measure.mjs   (after a build; writes results/latest.md)
// 1. a 300-activity definition opens in the designer: navigation until all 300 nodes are on the canvas;
// 2. dragging a node: the interval between animation frames while the node follows the pointer;
// 3. the inbox's first load: navigation until the task list shows its tasks.
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { launchBrowser, newSession, signIn } from "../../tests/CareFlows.Web.BrowserTests/support/browser.mjs";
import { demoPassword, startServer } from "../../tests/CareFlows.Web.BrowserTests/support/server.mjs";
import { largeDefinition } from "./largeDefinition.mjs";

const runs = Number(process.env.MEASURE_RUNS ?? 5);
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const median = (values) => percentile(values, 50);
const ms = (value) => `${value.toFixed(1)} ms`;

async function bearer(url, email) {
  const response = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email, password: demoPassword }),
  });
  if (!response.ok) throw new Error(`Sign-in failed: ${response.status}`);
  return (await response.json()).accessToken;
}

async function importDefinition(url, definition) {
  const token = await bearer(url, "lead@careflows.local");
  const response = await fetch(`${url}/api/definitions/import`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
    body: JSON.stringify(definition),
  });
  if (!response.ok) throw new Error(`Import failed: ${response.status} ${await response.text()}`);
}

async function measureOpen(browser, url, definitionId) {
  const { page, context } = await newSession(browser, url);
  await signIn(page, "lead@careflows.local");
  const times = [];
  for (let i = 0; i < runs; i++) {
    await page.goto("/definitions");
    const started = Date.now();
    await page.goto(`/definitions/${definitionId}`);
    await page.waitForFunction(() => document.querySelectorAll(".react-flow__node").length >= 300, null, { timeout: 30_000, polling: "raf" });
    times.push(Date.now() - started);
  }
  return { page, context, times };
}

async function measureDrag(page) {
  const node = page.locator('.react-flow__node[data-id="step16"]');
  await node.scrollIntoViewIfNeeded();
  const box = await node.boundingBox();
  if (!box) throw new Error("The node to drag is not on screen.");
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  // The page records the interval between animation frames while the node follows the pointer: a frame that took
  // longer to handle the moves and paint shows as a longer interval.
  await page.evaluate(() => {
    window.__frames = [];
    window.__recording = true;
    let last = performance.now();
    const tick = (now) => {
      window.__frames.push(now - last);
      last = now;
      if (window.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.mouse.down();
  for (let step = 1; step <= 120; step++) {
    await page.mouse.move(x + step * 2, y + (step % 20) * 2);
  }
  await page.mouse.up();
  const frames = await page.evaluate(() => {
    window.__recording = false;
    return window.__frames.slice(1);
  });
  const moved = await node.boundingBox();
  if (!moved || Math.abs(moved.x - box.x) < 100) throw new Error("The node did not follow the pointer.");
  return frames;
}

async function measureInbox(browser, url) {
  const { page, context } = await newSession(browser, url);
  await signIn(page, "coordinator@careflows.local");
  const times = [];
  for (let i = 0; i < runs; i++) {
    await page.goto("about:blank");
    const started = Date.now();
    // The team queue, as a coordinator opens it first thing (a shareable address).
    await page.goto("/inbox?queue=team");
    await page.getByTestId("task-row").first().waitFor({ timeout: 30_000 });
    times.push(Date.now() - started);
  }
  await context.close();
  return times;
}

const server = await startServer({ seedPathways: true });
const chromium = await launchBrowser();
try {
  const definitionId = "large-pathway-300";
  await importDefinition(server.url, largeDefinition(definitionId, 300));
  const open = await measureOpen(chromium.browser, server.url, definitionId);
  const frames = await measureDrag(open.page);
  await open.context.close();
  const inbox = await measureInbox(chromium.browser, server.url);

  const rows = [
    ["300-activity definition opens (navigation → 300 nodes drawn)", median(open.times), Math.max(...open.times), "< 2000 ms", median(open.times) < 2000],
    [`Dragging a node, time per frame while it follows 120 pointer moves (p95 / max of ${frames.length} frames)`, percentile(frames, 95), Math.max(...frames), "< 50 ms", Math.max(...frames) < 50],
    ["Inbox first load (navigation to the team queue → tasks listed)", median(inbox), Math.max(...inbox), "< 1500 ms", median(inbox) < 1500],
  ];
  const report = [
    `# Web app measurements`,
    ``,
    `Measured ${new Date().toISOString()} on ${cpus().length} cores (${cpus()[0]?.model ?? "unknown CPU"}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB,`,
    `headless Debian Chromium at 1280×800 against the Release server on localhost (embedded SQLite, demo pathways seeded);`,
    `${runs} runs of each navigation, the first included.`,
    ``,
    `| What | median (p95 for frames) | worst | target | met |`,
    `|---|---|---|---|---|`,
    ...rows.map(([what, typical, worst, target, met]) => `| ${what} | ${ms(typical)} | ${ms(worst)} | ${target} | ${met ? "yes" : "no"} |`),
    ``,
    `Runs: open ${open.times.map((t) => `${t} ms`).join(", ")}; inbox ${inbox.map((t) => `${t} ms`).join(", ")};`,
    `frames p50 ${ms(median(frames))}, p95 ${ms(percentile(frames, 95))}, max ${ms(Math.max(...frames))}; ${frames.filter((f) => f >= 50).length} of ${frames.length} frames at 50 ms or more.`,
    ``,
  ].join("\n");
  const folder = join(new URL(".", import.meta.url).pathname, "results");
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, "latest.md"), report);
  console.log(report);
} finally {
  await chromium.close();
  await server.stop();
}
