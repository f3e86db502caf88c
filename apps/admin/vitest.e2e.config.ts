// Browser tests for the admin: the global setup starts the development host (catalog, identity and
// the workers on embedded defaults) and a production build of the admin; the tests drive Chromium.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) } },
  test: {
    include: ["e2e/**/*.e2e.ts"],
    environment: "node",
    // Fails a test whose pages logged a console error or threw (hydration errors included).
    setupFiles: ["@emporium/testkit/browser-setup"],
    globalSetup: ["./e2e/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 60_000,
  },
});
