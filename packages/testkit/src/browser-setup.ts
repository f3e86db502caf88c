// Vitest setup file for browser tests (`setupFiles` of each app's vitest.e2e.config.ts): a test fails if
// a page of the launched browser reported a console error or an uncaught exception while it ran; what a
// beforeAll or afterAll provoked fails the file.
import { afterAll, afterEach } from "vitest";
import { assertNoPageProblems } from "./browser-errors";

afterEach(() => assertNoPageProblems());
afterAll(() => assertNoPageProblems());
