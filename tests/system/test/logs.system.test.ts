// Centralized logs over the whole platform (issue 16, item 5): every process of the stack ships its log
// lines to the real OpenSearch at TEST_OPENSEARCH_URL (LOG_SHIP_URL, under an index prefix of this run's
// own). An order placed through the API and delivered can then be followed by its trace id alone: the
// store holds lines of orders, inventory, payment and fulfillment that carry it. And no line in the store
// holds a secret: not the card number, the payment token, the cart token or the services' secrets.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "@emporium/db";
import { luhnValid } from "@emporium/observability/log-scrub";
import { openSearchApi, realServer, waitFor } from "@emporium/testkit";
import { afterAll, expect, it } from "vitest";
import { buy, CARDS, describeSystem, stockedVariants, tokenize, waitTerminal } from "../src";
import type { ServiceName } from "../src/stack";

const SUITE = "logs in a real OpenSearch";
const opensearch = realServer("TEST_OPENSEARCH_URL", `system: ${SUITE}`);
const storeUrl = (opensearch.url ?? "").replace(/\/$/, "");
const prefix = `system-logs-${randomBytes(4).toString("hex")}`;

const SHIPPING: readonly ServiceName[] = ["psp", "catalog", "orders", "inventory", "payment", "fulfillment"];
const CROSSED = ["fulfillment", "inventory", "orders", "payment"];
const shippingEnv = {
  LOG_SHIP_URL: storeUrl,
  LOG_SHIP_INDEX_PREFIX: prefix,
  LOG_SHIP_RETENTION_DAYS: "0",
  LOG_LEVEL: "info",
};

interface Hit {
  _source: Record<string, unknown>;
}

/**
 * A saved search's query from the Dashboards saved objects in git (Lucene syntax, so the store runs it
 * as it is through query_string: the test searches with what an operator opens).
 */
function savedSearch(title: string): string {
  const file = path.join(REPO_ROOT, "infra", "observability", "opensearch", "saved-objects.ndjson");
  for (const line of readFileSync(file, "utf8").split("\n").filter(Boolean)) {
    const object = JSON.parse(line) as {
      type: string;
      attributes: { title?: string; kibanaSavedObjectMeta?: { searchSourceJSON?: string } };
    };
    if (object.type !== "search" || object.attributes.title !== title) continue;
    const source = JSON.parse(object.attributes.kibanaSavedObjectMeta?.searchSourceJSON ?? "{}") as {
      query?: { query?: string; language?: string };
    };
    if (source.query?.language !== "lucene" || !source.query.query)
      throw new Error(`${title}: no Lucene query`);
    return source.query.query;
  }
  throw new Error(`no saved search "${title}" in ${file}`);
}

/** The store's REST API (plain fetch: the shipper under test uses the official client). */
const store = openSearchApi(storeUrl);

/** A run of 13–19 digits that passes the Luhn check: a card number, however it got there. */
const cardNumbersIn = (text: string): string[] => (text.match(/\d{13,19}/g) ?? []).filter(luhnValid);

describeSystem(
  SUITE,
  { products: 30, carrierStepMs: 100, env: Object.fromEntries(SHIPPING.map((name) => [name, shippingEnv])) },
  (platform) => {
    afterAll(async () => {
      // This hook runs before the stack's own stop: the processes go first (no shutdown, so no late
      // line brings an index back without its template), then this run's indices and template.
      const stack = (() => {
        try {
          return platform();
        } catch {
          return undefined;
        }
      })();
      for (const name of SHIPPING) await stack?.kill(name);
      await store("DELETE", `${prefix}-*`).catch(() => undefined);
      await store("DELETE", `_index_template/${prefix}-template`).catch(() => undefined);
    });

    async function search(query: object, size = 1000): Promise<Record<string, unknown>[]> {
      await store("POST", `${prefix}-*/_refresh`);
      const found = (await store("POST", `${prefix}-*/_search`, {
        query,
        size,
        sort: [{ "@timestamp": "asc" }],
      })) as { hits: { hits: Hit[] } };
      return found.hits.hits.map((h) => h._source);
    }

    it("follows one order by its trace id through every service it crossed, and holds no secret", async () => {
      const stack = platform();
      const [variant] = await stockedVariants(stack, 1);
      const token = await tokenize(stack.pspUrl, CARDS.approve);
      const placed = await buy(stack, [{ variantId: variant!.id, quantity: 1 }], token);
      expect(await waitTerminal(stack, [placed.orderId])).toEqual({ DELIVERED: 1 });

      // The order's trace: the one its first outbox row (order.placed, written by placeOrder) carries.
      const [row] = await stack.db.sql.query<{ traceparent: string | null }>(
        `SELECT payload->>'traceparent' AS traceparent FROM orders.outbox
          WHERE aggregate_id = $1 ORDER BY seq LIMIT 1`,
        [placed.orderId],
      );
      const traceId = /^00-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/.exec(row?.traceparent ?? "")?.[1];
      expect(traceId, `the order's outbox row holds a traceparent (${row?.traceparent})`).toBeDefined();

      // The saved search, its example trace id swapped for this order's.
      const journeyQuery = savedSearch("One order's journey by trace id").replace(
        /[0-9a-f]{32}/,
        traceId ?? "",
      );
      expect(journeyQuery).toContain(traceId);
      // Lines reach the store within a second or so of being written (each process's flush interval).
      let journey: Record<string, unknown>[] = [];
      const services = () => [...new Set(journey.map((l) => String(l.service)))].sort();
      await waitFor(
        async () => {
          journey = await search({ query_string: { query: journeyQuery } });
          return CROSSED.every((s) => services().includes(s));
        },
        {
          timeoutMs: 60_000,
          intervalMs: 1_000,
          what: `log lines of ${CROSSED.join(", ")} with the order's trace id`,
        },
      ).catch((err: unknown) => {
        throw new Error(
          `${String(err)}; services with lines of the trace: ${services().join(", ") || "none"}`,
        );
      });
      expect(services()).toEqual(expect.arrayContaining(CROSSED));
      // The workers' lines name the messages of this order's saga.
      const handled = journey.filter((l) => l.msg === "message handled");
      expect(new Set(handled.map((l) => l.aggregateId))).toContain(placed.orderId);
      expect(handled.map((l) => l.level)).toEqual(handled.map(() => "info"));

      // Everything every process shipped during the run, not only the order's lines.
      const all = await search({ match_all: {} }, 10_000);
      const text = JSON.stringify(all);
      expect(all.length).toBeGreaterThan(journey.length);
      // The other saved search, run on the store, finds exactly the error and fatal lines of the run.
      const errors = await search({ query_string: { query: savedSearch("Errors by service") } }, 10_000);
      const key = (l: Record<string, unknown>) =>
        `${String(l["@timestamp"])} ${String(l.service)} ${String(l.msg)}`;
      expect(errors.map(key).sort()).toEqual(
        all
          .filter((l) => l.level === "error" || l.level === "fatal")
          .map(key)
          .sort(),
      );
      expect(cardNumbersIn(text)).toEqual([]);
      const secrets = [
        CARDS.approve,
        token,
        placed.accessToken,
        stack.procs.get("orders")?.env.ORDERS_SECRET,
        stack.procs.get("orders")?.env.SERVICE_TOKEN_SECRET,
      ].filter((s): s is string => typeof s === "string" && s.length > 0);
      for (const secret of secrets)
        expect(text.includes(secret), `a shipped line holds ${secret.slice(0, 6)}…`).toBe(false);
    });
  },
  [opensearch],
);
