import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, existsSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const repoRoot = resolve(new URL("../../..", import.meta.url).pathname);

/** The demo users' password, as the server seeds them (Auth/DemoUsers.cs). */
export const demoPassword = process.env.CAREFLOWS_DEMO_PASSWORD ?? "CareFlows-Demo-1";

function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}

/** The most recently built server: the test command builds the solution in Release first; a Debug build serves as well. */
function serverDll() {
  const built = ["release", "debug"]
    .map((configuration) => join(repoRoot, "artifacts", "bin", "CareFlows.Server", configuration, "CareFlows.Server.dll"))
    .filter((dll) => existsSync(dll))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (built.length === 0) throw new Error("CareFlows.Server is not built: run `dotnet build` first.");
  return built[0];
}

/**
 * Starts the real server on a free loopback port with a fresh embedded SQLite database in a temporary folder, the
 * demo users and the pathways, and waits until it answers /health. `stop()` ends it and removes the folder.
 */
export async function startServer({ seedPathways = false, settings = {} } = {}) {
  const port = await freePort();
  const dataFolder = mkdtempSync(join(tmpdir(), "careflows-browser-"));
  const url = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    ASPNETCORE_ENVIRONMENT: "Development",
    ASPNETCORE_URLS: url,
    Database__Provider: "Sqlite",
    Database__DataFolder: dataFolder,
    Auth__SeedDemoUsers: "true",
    Demo__SeedPathways: String(seedPathways),
    Workflows__Path: join(repoRoot, "workflows"),
    // A browser suite signs in more often than a person does; the limits have their own tests.
    Auth__SignInLimits__PerAddressPermits: "100000",
    Auth__SignInLimits__PerAccountPermits: "100000",
    Logging__LogLevel__Default: "Warning",
    ...settings,
  };
  const child = spawn("dotnet", [serverDll(), "--contentRoot", join(repoRoot, "src", "CareFlows.Server")], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));

  const deadline = Date.now() + 90_000;
  while (true) {
    if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode}:\n${output}`);
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`The server did not answer /health within 90 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }

  return {
    url,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      rmSync(dataFolder, { recursive: true, force: true });
    },
  };
}

/**
 * One server and one browser for a `describe` block: started before its first test, stopped after its last.
 * Returns a holder whose `server` and `chromium` are set once started.
 */
export function useServerAndBrowser({ before, after }, launch, options) {
  const suite = { server: null, chromium: null };
  before(async () => {
    suite.server = await startServer(options);
    suite.chromium = await launch();
  });
  after(async () => {
    await suite.chromium?.close();
    await suite.server?.stop();
  });
  return suite;
}
