/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The server serves the built app from its wwwroot; `npm run dev` proxies the API to a running server
// (CAREFLOWS_API, by default the README's http://localhost:5080).
const api = process.env.CAREFLOWS_API ?? "http://localhost:5080";

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "../CareFlows.Server/wwwroot",
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
  },
  server: {
    proxy: {
      "/api": { target: api, changeOrigin: false },
      "/fhir": api,
      "/health": api,
    },
  },
  test: {
    environment: "jsdom",
    setupFiles: ["./tests/setup.ts"],
    include: ["tests/**/*.test.{ts,tsx}"],
    css: false,
  },
});
