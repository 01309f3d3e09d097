// Measures the web app in headless Chromium against the real server, as the load harness measures the runtime:
//   node bench/CareFlows.Web.Measure/measure.mjs   (after a build; writes results/latest.md)
// 1. a 300-activity definition opens in the designer: navigation until the activities in view are on the canvas and
//    all 300 are in its overview map;
// 2. dragging a node: the interval between animation frames from the press that selects it until the drop is drawn,
//    over five nodes;
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
    // The canvas draws only the activities in view (React Flow's onlyRenderVisibleElements, on above 150); the
    // overview map draws all of them.
    await page.waitForFunction(
      () => document.querySelectorAll(".react-flow__minimap-node").length >= 300 && document.querySelectorAll(".react-flow__node").length > 0,
      null,
      { timeout: 30_000, polling: "raf" },
    );
    times.push(Date.now() - started);
  }
  return { page, context, times };
}

const drags = Number(process.env.MEASURE_DRAGS ?? 5);

/** Five nodes drawn inside the canvas, none of them selected, so each drag starts by selecting its node. */
async function nodesToDrag(page) {
  const canvas = await page.getByTestId("designer-canvas").boundingBox();
  const nodes = page.locator(".react-flow__node:not(.selected)");
  const found = [];
  for (let i = 0; i < (await nodes.count()) && found.length < drags; i++) {
    const box = await nodes.nth(i).boundingBox();
    const inside = box && box.x > canvas.x + 20 && box.y > canvas.y + 20 && box.x + box.width < canvas.x + canvas.width - 20 && box.y + box.height < canvas.y + canvas.height - 60;
    // Each moves 240 px towards the middle of the canvas, so it stays in view.
    if (inside) found.push({ id: await nodes.nth(i).getAttribute("data-id"), direction: box.x + box.width / 2 < canvas.x + canvas.width / 2 ? 1 : -1 });
  }
  if (found.length < drags) throw new Error(`Only ${found.length} nodes to drag are on screen.`);
  return found;
}

/** Drags one node: pressing selects it, then it follows 120 pointer moves, then it is dropped. */
async function dragOnce(page, { id, direction }) {
  const node = page.locator(`.react-flow__node[data-id="${id}"]`);
  const box = await node.boundingBox();
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  // The page records the interval between animation frames from the press until the drop has been drawn: a frame
  // that took longer to handle the moves and paint shows as a longer interval.
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
    await page.mouse.move(x + direction * step * 2, y + (step % 20) * 2);
  }
  await page.mouse.up();
  // The frames after the drop count too: that is when the document and the property panel catch up.
  await page.waitForTimeout(500);
  const frames = await page.evaluate(() => {
    window.__recording = false;
    return window.__frames.slice(1);
  });
  const moved = await node.boundingBox();
  if (!moved || Math.abs(moved.x - box.x) < 100) throw new Error("The node did not follow the pointer.");
  return frames;
}

async function measureDrag(page) {
  await page.waitForTimeout(1000);
  const runs = [];
  for (const id of await nodesToDrag(page)) runs.push(await dragOnce(page, id));
  return runs;
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
  const dragRuns = await measureDrag(open.page);
  const frames = dragRuns.flat();
  await open.context.close();
  const inbox = await measureInbox(chromium.browser, server.url);

  const rows = [
    ["300-activity definition opens (navigation → the activities in view drawn, all 300 in the overview map)", median(open.times), Math.max(...open.times), "< 2000 ms", median(open.times) < 2000],
    [`Dragging a node, time per frame from the press that selects it, through 120 pointer moves, until the drop is drawn (p95 / max of ${frames.length} frames over ${dragRuns.length} drags)`, percentile(frames, 95), Math.max(...frames), "< 50 ms", Math.max(...frames) < 50],
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
    `frames p50 ${ms(median(frames))}, p95 ${ms(percentile(frames, 95))}, max ${ms(Math.max(...frames))}; ${frames.filter((f) => f >= 50).length} of ${frames.length} frames at 50 ms or more;`,
    `worst frame of each drag: ${dragRuns.map((run) => ms(Math.max(...run))).join(", ")}.`,
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
