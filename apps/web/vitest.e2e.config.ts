// Browser tests: the global setup builds and starts the whole storefront stack (catalog + Next) and
// tears it down; the test files drive a real Chromium through playwright-core.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) } },
  test: {
    include: ["e2e/**/*.e2e.ts"],
    environment: "node",
    // Fails a test whose pages logged a console error or threw (hydration errors included).
    setupFiles: ["@emporium/testkit/browser-setup"],
    globalSetup: ["./e2e/stack/global-setup.ts"],
    // One browser at a time: the machine also runs the catalog and the Next server.
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 60_000,
  },
});
