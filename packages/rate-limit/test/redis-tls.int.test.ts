// Rate limits counted in a Redis reached over TLS only: a redis-server of this test's own serving TLS
// with a certificate from a CA made here, reached at rediss://localhost:<port> the way a service is
// configured (REDIS_URL), trusting the CA through NODE_EXTRA_CA_CERTS as the README says. A client
// that has not been told about the CA must be refused by certificate verification, and count nothing.
// Runs where the real-server suites run (TEST_REDIS_URL set); it needs redis-server (built with TLS,
// as Debian's is) and the openssl CLI.
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { realServer, waitFor } from "@emporium/testkit";
import {
  dedicatedRedis,
  testCertificates,
  type DedicatedServer,
  type TestCertificates,
} from "@emporium/testkit/processes";
import { unique } from "./helpers";

const guard = realServer("TEST_REDIS_URL", "Rate limits in a Redis over TLS");

interface ClientRun {
  /** The client's stdout lines, parsed. */
  lines: Record<string, unknown>[];
  exited: Promise<number | null>;
  kill(): void;
}

/** Starts test/tls-client.ts with `env` on top of this process's environment (minus NODE_EXTRA_CA_CERTS). */
function runClient(env: Record<string, string>): ClientRun {
  const { NODE_EXTRA_CA_CERTS: _inherited, ...inherited } = process.env;
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(import.meta.dirname, "tls-client.ts")],
    {
      cwd: path.join(import.meta.dirname, ".."),
      env: { ...inherited, ...env },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const lines: Record<string, unknown>[] = [];
  let rest = "";
  child.stdout.on("data", (chunk: Buffer) => {
    const parts = (rest + chunk.toString("utf8")).split("\n");
    rest = parts.pop() ?? "";
    for (const line of parts) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { lines, exited, kill: () => child.kill("SIGKILL") };
}

describe.runIf(guard.available)("RedisRateLimiter over TLS (rediss://, CA from NODE_EXTRA_CA_CERTS)", () => {
  let certs: TestCertificates;
  let server: DedicatedServer;
  /** The test's own view of the server, trusting the CA explicitly. */
  let observer: Redis;
  const keyPrefix = unique("tls");

  beforeAll(async () => {
    certs = await testCertificates();
    server = await dedicatedRedis({ tls: certs });
    observer = new Redis(`rediss://localhost:${server.port}`, { tls: { ca: await readFile(certs.caFile) } });
  });
  afterAll(async () => {
    observer?.disconnect();
    await server?.stop();
    await certs?.remove();
  });

  it("counts attempts in Redis when the client trusts the server's CA", async () => {
    const run = runClient({
      REDIS_URL: `rediss://localhost:${server.port}`,
      NODE_EXTRA_CA_CERTS: certs.caFile,
      KEY_PREFIX: keyPrefix,
      KEY: "trusted",
    });
    expect(await run.exited).toBe(0);
    expect(run.lines.filter((l) => "level" in l)).toEqual([]);
    expect(run.lines.at(-1)).toEqual({
      result: {
        shared: true,
        decisions: [
          { allowed: true, remaining: 4 },
          { allowed: true, remaining: 3 },
        ],
      },
    });
    // The counts are in the TLS server itself, not in the process's fallback.
    expect(await observer.get(`${keyPrefix}:trusted`)).toBe("2");
  });

  it("refuses a server whose certificate it cannot verify, and counts nothing there", async () => {
    const run = runClient({
      REDIS_URL: `rediss://localhost:${server.port}`,
      KEY_PREFIX: keyPrefix,
      KEY: "untrusted",
    });
    try {
      const warning = await waitFor(() => run.lines.find((l) => l.level === 40), {
        timeoutMs: 20_000,
        what: "the client's warning that Redis is unreachable",
      });
      expect(warning).toMatchObject({ err: { message: "self-signed certificate in certificate chain" } });
      expect(run.lines.some((l) => "result" in l)).toBe(false);
    } finally {
      run.kill();
      await run.exited;
    }
    expect(await observer.exists(`${keyPrefix}:untrusted`)).toBe(0);
  });
});
