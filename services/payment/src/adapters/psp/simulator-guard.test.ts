// The simulator guard against the real simulator (services/psp, in process), a stand-in for a real
// provider (a bare /healthz), an address nobody listens on, and the payment worker's own main.ts: in
// production it exits before touching the database when PSP_URL is the simulator.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "@emporium/observability";
import { startPsp, type RunningPsp } from "@emporium/psp/testing";
import { simulatorAllowed } from "../../env";
import { identifyProvider, refuseSimulator, SimulatorRefusedError } from "./simulator-guard";

const log = createLogger({ service: "payment-test", level: "silent" });
let psp: RunningPsp;
let provider: Server;
let providerUrl: string;
let nobodyUrl: string;

beforeAll(async () => {
  psp = await startPsp({ log });
  provider = createServer((_req, res) =>
    res.writeHead(200, { "content-type": "application/json" }).end("{}"),
  );
  provider.listen(0, "127.0.0.1");
  await once(provider, "listening");
  providerUrl = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
  // a port that was free a moment ago: connections are refused
  const probe = createServer().listen(0, "127.0.0.1");
  await once(probe, "listening");
  nobodyUrl = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
  probe.close();
});

afterAll(async () => {
  await psp?.close();
  provider?.close();
});

describe("identifyProvider", () => {
  it("tells the simulator from a provider and from nothing at all", async () => {
    expect(await identifyProvider(psp.url, 2_000)).toBe("simulator");
    expect(await identifyProvider(providerUrl, 2_000)).toBe("provider");
    expect(await identifyProvider(nobodyUrl, 2_000)).toBe("unreachable");
  });
});

describe("refuseSimulator", () => {
  it("refuses the simulator unless it is allowed", async () => {
    const options = { pspUrl: psp.url, timeoutMs: 2_000, log };
    await expect(refuseSimulator({ ...options, allowSimulator: false })).rejects.toBeInstanceOf(
      SimulatorRefusedError,
    );
    await expect(refuseSimulator({ ...options, allowSimulator: true })).resolves.toBe("simulator");
  });

  it("lets a real provider through, and an unreachable one (the breaker's business)", async () => {
    await expect(
      refuseSimulator({ pspUrl: providerUrl, allowSimulator: false, timeoutMs: 2_000, log }),
    ).resolves.toBe("provider");
    await expect(
      refuseSimulator({ pspUrl: nobodyUrl, allowSimulator: false, timeoutMs: 2_000, log }),
    ).resolves.toBe("unreachable");
  });
});

describe("simulatorAllowed", () => {
  it("is off in production unless PAYMENT_ALLOW_SIMULATOR says so, on elsewhere unless it says no", () => {
    expect(simulatorAllowed({ NODE_ENV: "production", PAYMENT_ALLOW_SIMULATOR: undefined })).toBe(false);
    expect(simulatorAllowed({ NODE_ENV: "production", PAYMENT_ALLOW_SIMULATOR: "true" })).toBe(true);
    expect(simulatorAllowed({ NODE_ENV: undefined, PAYMENT_ALLOW_SIMULATOR: undefined })).toBe(true);
    expect(simulatorAllowed({ NODE_ENV: "development", PAYMENT_ALLOW_SIMULATOR: "0" })).toBe(false);
  });
});

describe("the payment worker's main", () => {
  const serviceDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

  /** Runs main.ts until it exits, or until its output shows `until` (then stops it). */
  async function start(
    env: Record<string, string>,
    until?: string,
  ): Promise<{ code: number | null; output: string }> {
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: serviceDir,
      env: {
        PATH: process.env.PATH ?? "",
        // never reached: the guard runs before the database and the brokers are opened
        DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none",
        KAFKA_BROKERS: "127.0.0.1:1",
        AMQP_URL: "amqp://nobody@127.0.0.1:1",
        PSP_URL: psp.url,
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (until && output.includes(until)) child.kill("SIGKILL");
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    const [code] = (await once(child, "exit")) as [number | null];
    clearTimeout(timer);
    return { code, output };
  }

  it("exits in production when PSP_URL is the simulator, naming the way out", async () => {
    const { code, output } = await start({ NODE_ENV: "production" });
    expect(code).toBe(1);
    expect(output).toContain("PAYMENT_ALLOW_SIMULATOR=true");
  });

  it("goes on past the guard when the simulator is allowed", async () => {
    const { output } = await start(
      { NODE_ENV: "production", PAYMENT_ALLOW_SIMULATOR: "true" },
      "payments go to the simulator",
    );
    expect(output).toContain("payments go to the simulator");
    expect(output).not.toContain("PAYMENT_ALLOW_SIMULATOR=true");
  });
});
