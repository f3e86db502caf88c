// RabbitMQ restarted, and separately Kafka restarted, in the middle of a run: no event or command is
// lost, consumers resume on their own, every order reaches a terminal state.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, it } from "vitest";
import { realServer, waitFor } from "@emporium/testkit";
import { describeSystem, startOrders, stockedVariants, waitTerminal } from "../src";

const run = promisify(execFile);
const ctl = realServer("TEST_BROKER_CTL", "system: broker restarts (broker control script)");

async function broker(name: "kafka" | "rabbitmq", action: "restart"): Promise<number> {
  const started = Date.now();
  await run(ctl.url ?? "", [name, action], { timeout: 180_000 });
  return Date.now() - started;
}

describeSystem(
  "broker restarts mid-run",
  { products: 80, carrierStepMs: 150 },
  (platform) => {
    for (const name of ["rabbitmq", "kafka"] as const) {
      it(`loses nothing when ${name} restarts during a run`, async () => {
        const stack = platform();
        const variants = await stockedVariants(stack, 20);
        const orders = startOrders(stack, { count: 120, concurrency: 8, variants });
        await waitFor(() => orders.placed() >= 40, { timeoutMs: 120_000, what: "the run to get going" });
        const tookMs = await broker(name, "restart");
        const ids = await orders.finished;
        const counts = await waitTerminal(stack, ids, 300_000);
        expect(counts).toEqual({ DELIVERED: 120 });
        console.log(`${name} restart took ${(tookMs / 1000).toFixed(1)} s; all 120 orders delivered`);
      });
    }
  },
  [ctl],
);
