import { createRequire } from "node:module";

// The browser tests use the web app's own installed tools (playwright-core, axe-core), so there is one lock file.
const require = createRequire(new URL("../../../src/CareFlows.Web/package.json", import.meta.url));

export const { chromium } = require("playwright-core");
export const axe = require("axe-core");
