// Unit tests beside the code; the seed's real-database suite under test/ (PGlite, and PostgreSQL when
// TEST_DATABASE_URL is set). Seeding with images takes a while on a shared machine.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
