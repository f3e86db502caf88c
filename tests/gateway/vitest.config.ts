import { defineConfig } from "vitest/config";

// src/: cheap checks of the configuration (`test:unit`). test/: the gateway in front of real catalog and
// storefront processes (`test:gateway`, after the storefront is built); one file at a time.
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
