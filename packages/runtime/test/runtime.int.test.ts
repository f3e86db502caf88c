import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { embeddedTestDatabase, type TestDatabase } from "@emporium/db/testing";
import { createLogger, createServiceMetrics } from "@emporium/observability";
import { schemaCheck, startOpsServer, waitForSchema } from "../src";

const log = createLogger({ service: "runtime-test", level: "silent" });

describe("ops endpoints and the schema wait", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await embeddedTestDatabase().create();
  });
  afterAll(() => t?.dispose());

  it("answers /healthz, /readyz (per check) and /metrics", async () => {
    let failing = false;
    let cacheDown = false;
    const server = await startOpsServer({
      host: "127.0.0.1",
      port: 0,
      log,
      metrics: createServiceMetrics("runtime-test"),
      checks: [
        schemaCheck(t.db, "inventory.outbox"),
        {
          name: "broker",
          check: async () => {
            if (failing) throw new Error("down");
          },
        },
        {
          name: "cache",
          optional: true,
          check: async () => {
            if (cacheDown) throw new Error("down");
          },
        },
      ],
    });
    const base = server.origin();
    const CHECKED = ["database", "broker", "cache"];
    try {
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      const ready = await fetch(`${base}/readyz`);
      expect([ready.status, await ready.json()]).toEqual([200, { status: "ready", checked: CHECKED }]);
      // An optional dependency down: still ready (200), and says what is failing.
      cacheDown = true;
      const limping = await fetch(`${base}/readyz`);
      expect(limping.status).toBe(200);
      expect(await limping.json()).toEqual({ status: "degraded", failing: ["cache"], checked: CHECKED });
      cacheDown = false;
      failing = true;
      const degraded = await fetch(`${base}/readyz`);
      expect(degraded.status).toBe(503);
      expect(await degraded.json()).toEqual({ status: "degraded", failing: ["broker"], checked: CHECKED });
      expect(await (await fetch(`${base}/metrics`)).text()).toMatch(/process_cpu_seconds_total/);
      expect((await fetch(`${base}/nope`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it("waits for a schema that exists and gives up on one that never comes", async () => {
    await waitForSchema(t.db, "orders.outbox", log, 1_000);
    await expect(waitForSchema(t.db, "nowhere.outbox", log, 100)).rejects.toThrow(
      /nowhere.outbox still missing/,
    );
    await expect(schemaCheck(t.db, "nowhere.outbox").check()).rejects.toThrow();
  });
});
