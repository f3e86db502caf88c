// Live order updates on real PostgreSQL survive the loss of their LISTEN connection: the open streams
// are told to re-read (what changed meanwhile was never notified to anyone) and notifications flow
// again on the new connection.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listeningBackends, testDatabaseTargets, type TestDatabase } from "@emporium/db/testing";
import { waitFor } from "@emporium/testkit";
import { ORDER_CHANGED_CHANNEL, OrderChanges } from "../src/adapters/sql/order-changes";

// PostgreSQL only: empty without TEST_DATABASE_URL, so the outer block keeps the file from being empty.
const postgres = testDatabaseTargets("live order changes").filter((t) => t.name === "postgres");

describe.runIf(postgres.length > 0)("live order changes", () => {
  describe.each(postgres)("on $name", (target) => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await target.create();
    });
    afterAll(() => t?.dispose());

    it("tells every open stream to re-read after its LISTEN connection is lost", async () => {
      const changes = new OrderChanges(t.db);
      await changes.start();
      const seen = { a: 0, b: 0 };
      const stopA = changes.subscribe("order-a", () => seen.a++);
      changes.subscribe("order-b", () => seen.b++);
      const notify = (orderId: string) =>
        t.db.sql.query("SELECT pg_notify($1, $2)", [ORDER_CHANGED_CHANNEL, orderId]);
      const listeners = () => listeningBackends(t.db, ORDER_CHANGED_CHANNEL);

      await notify("order-a");
      await waitFor(() => seen.a === 1, { what: "the first change" });
      expect(seen.b).toBe(0);

      const [before] = await listeners();
      await t.db.sql.query("SELECT pg_terminate_backend($1)", [before]);
      await waitFor(() => seen.a === 2 && seen.b === 1, { what: "both streams told to re-read" });

      stopA();
      await notify("order-b");
      await waitFor(() => seen.b === 2, { what: "a change after the reconnect" });
      expect(seen.a).toBe(2);
      const after = await listeners();
      expect(after).toHaveLength(1);
      expect(after[0]).not.toBe(before);

      // Stopped, it listens no more and does not come back.
      await changes.stop();
      await waitFor(async () => (await listeners()).length === 0, { what: "the LISTEN gone" });
    });
  });
});
