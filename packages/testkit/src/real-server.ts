// Real-server suites run when their server's URL is in the environment and are skipped otherwise —
// loudly, with a line CI looks for. With REQUIRE_REAL_SERVERS=1 a missing URL fails the run instead.

export const SKIP_MARKER = "SKIPPED real-server suite";

export interface RealServer {
  /** The URL from the environment, or undefined when the suite must be skipped. */
  url: string | undefined;
  available: boolean;
}

export function requireRealServers(): boolean {
  return process.env.REQUIRE_REAL_SERVERS === "1" || process.env.REQUIRE_REAL_SERVERS === "true";
}

/**
 * Looks up a real server for a suite. Call it at module level of a test file (during collection) so
 * a missing server fails the run under REQUIRE_REAL_SERVERS instead of passing silently.
 */
export function realServer(envVar: string, suite: string): RealServer {
  const url = process.env[envVar];
  if (url) return { url, available: true };
  if (requireRealServers())
    throw new Error(`${envVar} is not set but REQUIRE_REAL_SERVERS=1: the suite "${suite}" needs it`);
  console.warn(`${SKIP_MARKER}: "${suite}" (set ${envVar} to run it)`);
  return { url: undefined, available: false };
}
