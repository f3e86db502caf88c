// Testing Library unmounts between tests on its own only when the runner exposes global hooks; vitest
// runs without globals here, so the cleanup is registered explicitly.
import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";

afterEach(() => cleanup());
