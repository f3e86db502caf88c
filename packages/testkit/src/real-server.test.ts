import { afterEach, describe, expect, it, vi } from "vitest";
import { realServer, SKIP_MARKER } from "./real-server";

describe("realServer", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("uses the URL from the environment", () => {
    vi.stubEnv("EMPORIUM_TEST_URL", "redis://127.0.0.1:6379");
    expect(realServer("EMPORIUM_TEST_URL", "cache")).toEqual({
      url: "redis://127.0.0.1:6379",
      available: true,
    });
  });

  it("skips loudly without it", () => {
    vi.stubEnv("EMPORIUM_TEST_URL", "");
    vi.stubEnv("REQUIRE_REAL_SERVERS", "");
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    expect(realServer("EMPORIUM_TEST_URL", "cache").available).toBe(false);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining(SKIP_MARKER));
  });

  it("fails instead when real servers are required", () => {
    vi.stubEnv("EMPORIUM_TEST_URL", "");
    vi.stubEnv("REQUIRE_REAL_SERVERS", "1");
    expect(() => realServer("EMPORIUM_TEST_URL", "cache")).toThrow(/EMPORIUM_TEST_URL is not set/);
  });
});
