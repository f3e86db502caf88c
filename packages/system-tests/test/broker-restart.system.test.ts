// RabbitMQ restarted, and separately Kafka restarted, in the middle of a run: no event or command is
// lost, consumers resume on their own, every order reaches a terminal state.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { realServer, waitFor } from "@emporium/testkit";
import { buy, CARDS, pool, stockedVariants, systemServers, tokenize, waitTerminal, useStack } from "../src";

const run = promisify(execFile);
const servers = systemServers("system: broker restarts");
const ctl = realServer("TEST_BROKER_CTL", "system: broker restarts (broker control script)");

async function broker(name: "kafka" | "rabbitmq", action: "restart"): Promise<number> {
  const started = Date.now();
  await run(ctl.url ?? "", [name, action], { timeout: 180_000 });
  return Date.now() - started;
}

describe.runIf(servers.available && ctl.available)("broker restarts mid-run", () => {
  const platform = useStack(servers, { products: 80, carrierStepMs: 150 });

  for (const name of ["rabbitmq", "kafka"] as const) {
    it(`loses nothing when ${name} restarts during a run`, async () => {
      const stack = platform();
      const variants = await stockedVariants(stack, 20);
      let done = 0;
      const orders = pool(120, 8, async (i) => {
        const placed = await buy(
          stack,
          [{ variantId: variants[i % variants.length]?.id ?? "", quantity: 1 }],
          await tokenize(stack.pspUrl, CARDS.approve),
        );
        done++;
        return placed;
      });
      await waitFor(() => done >= 40, { timeoutMs: 120_000, what: "the run to get going" });
      const tookMs = await broker(name, "restart");
      const results = await orders;
      expect(results.filter((r): r is Error => r instanceof Error).map((e) => e.message)).toEqual([]);
      const ids = results
        .filter((r): r is Exclude<typeof r, Error> => !(r instanceof Error))
        .map((p) => p.orderId);
      const counts = await waitTerminal(stack, ids, 300_000);
      expect(counts).toEqual({ DELIVERED: 120 });
      console.log(`${name} restart took ${(tookMs / 1000).toFixed(1)} s; all 120 orders delivered`);
    });
  }
});
