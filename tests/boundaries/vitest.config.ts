// Linting loads the whole ESLint config (typescript-eslint, the Next and React plugins) once per file.
import { defineConfig } from "vitest/config";

export default defineConfig({ test: { include: ["test/**/*.test.ts"], testTimeout: 60_000 } });
