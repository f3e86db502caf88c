// The log shipper against a real OpenSearch (TEST_OPENSEARCH_URL; CI starts 2.19 from Maven Central's
// jars): lines a logger writes land in the day's index under the template's mapping, retention deletes
// only this prefix's daily indices older than N days, and with the store away the application's logging
// carries on while the lost lines are counted.
import { randomBytes } from "node:crypto";
import { Client } from "@opensearch-project/opensearch";
import { realServer, waitFor } from "@emporium/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../src/logger";
import { createServiceMetrics } from "../src/metrics";
import { dailyIndex, LogShipper, pruneLogIndices } from "../src/log-shipping";

const server = realServer("TEST_OPENSEARCH_URL", "log shipping against OpenSearch");
// Not under emporium-logs: two templates of one priority may not claim overlapping names.
const prefix = `ci-logs-${randomBytes(4).toString("hex")}`;
const DAY_MS = 24 * 60 * 60 * 1000;

interface Hit {
  _source: Record<string, unknown>;
}

describe.runIf(server.available)("log shipping against OpenSearch", () => {
  let client: Client;
  beforeAll(() => {
    client = new Client({ node: server.url });
  });
  afterAll(async () => {
    await client.indices.delete({ index: `${prefix}-*`, expand_wildcards: "all" });
    await client.indices.deleteIndexTemplate({ name: `${prefix}-template` }).catch(() => undefined);
    await client.close();
  });

  /** log_lines_dropped_total by reason, as a process's /metrics shows it. */
  async function droppedMetric(): Promise<Record<string, number>> {
    const { registry } = createServiceMetrics("orders");
    const metric = await registry.getSingleMetric("log_lines_dropped_total")?.get();
    return Object.fromEntries((metric?.values ?? []).map((v) => [String(v.labels.reason), v.value]));
  }

  async function linesOf(traceId: string): Promise<Record<string, unknown>[]> {
    await client.indices.refresh({ index: `${prefix}-*` });
    const { body } = await client.search({
      index: `${prefix}-*`,
      body: { query: { term: { traceId } }, sort: [{ "@timestamp": "asc" }], size: 100 },
    });
    return (body.hits.hits as Hit[]).map((h) => h._source);
  }

  it("ships what the logger writes, scrubbed, into the day's index with the template's mapping", async () => {
    const shipper = new LogShipper({ url: server.url ?? "", indexPrefix: prefix, retentionDays: 0 });
    const log = createLogger({ service: "payment", ship: shipper });
    const traceId = randomBytes(16).toString("hex");
    const request = log.child({ traceId, requestId: "req-1" });
    request.info({ orderId: "o-42" }, "authorizing order");
    request.warn({ token: "tok_0123456789abcdef0123", orderId: "o-42" }, "card 4242 4242 4242 4242 declined");
    request.error({ err: new Error("provider timed out") }, "authorization failed");
    await shipper.close();
    expect(shipper.stats()).toEqual({ shipped: 3, dropped: 0, buffered: 0 });

    const lines = await linesOf(traceId);
    expect(lines.map((l) => [l.level, l.service, l.requestId, l.msg])).toEqual([
      ["info", "payment", "req-1", "authorizing order"],
      ["warn", "payment", "req-1", "card [card redacted] declined"],
      ["error", "payment", "req-1", "authorization failed"],
    ]);
    expect(lines[1]?.token).toBe("[redacted]");
    expect(JSON.stringify(lines)).not.toMatch(/4242|tok_0123/);
    expect(lines[2]?.err).toMatchObject({ type: "Error", message: "provider timed out" });

    const index = dailyIndex(prefix, new Date(String(lines[0]?.["@timestamp"])));
    const { body } = await client.indices.getMapping({ index });
    const fields = body[index]?.mappings.properties ?? {};
    expect(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.type]))).toMatchObject({
      "@timestamp": "date",
      level: "keyword",
      service: "keyword",
      msg: "text",
      traceId: "keyword",
      requestId: "keyword",
      orderId: "keyword",
    });
    // A keyword field finds the order's lines by its exact id.
    await client.indices.refresh({ index });
    const { body: byOrder } = await client.count({ index, body: { query: { term: { orderId: "o-42" } } } });
    expect(byOrder.count).toBe(2);
  });

  it("retention deletes this prefix's daily indices older than N days, and nothing else", async () => {
    const now = new Date();
    // Its own prefix, so the other tests' indices of today play no part.
    const own = `${prefix}-retention`;
    const day = (daysAgo: number) => dailyIndex(own, new Date(now.getTime() - daysAgo * DAY_MS));
    const other = `ci-other-${randomBytes(4).toString("hex")}`;
    const names = [day(0), day(3), day(4), day(30), `${own}-notes`, `${other}-2020.01.01`];
    for (const index of names) await client.indices.create({ index });
    try {
      const deleted = await pruneLogIndices(client, own, 3, now);
      expect(deleted.sort()).toEqual([day(30), day(4)].sort());
      const { body } = await client.cat.indices({ index: [`${own}-*`, `${other}-*`], format: "json" });
      const left = (body as { index?: string }[]).map((r) => r.index).sort();
      expect(left).toEqual(expect.arrayContaining([day(0), day(3), `${own}-notes`, `${other}-2020.01.01`]));
      expect(left).not.toContain(day(4));
      expect(left).not.toContain(day(30));
    } finally {
      await client.indices.delete({ index: `${other}-*` });
    }
  });

  it("with the store away, logging goes on and every lost line is counted, in the metric too", async () => {
    const before = await droppedMetric();
    const reports: string[] = [];
    // Nothing listens on the discard port here: every request is refused at once.
    const shipper = new LogShipper({
      url: "http://127.0.0.1:9",
      indexPrefix: prefix,
      maxBuffered: 20,
      retentionDays: 0,
      report: (m) => reports.push(m),
    });
    const stdout: string[] = [];
    const log = createLogger({ service: "orders", ship: shipper });
    // The application's own output still gets every line: the shipper's sits beside it.
    const console = createLogger({
      service: "orders",
      ship: { write: (l: string) => stdout.push(l) },
    });
    for (let i = 0; i < 50; i++) {
      log.info({ i }, "order placed");
      console.info({ i }, "order placed");
    }
    expect(stdout).toHaveLength(50);
    expect(shipper.stats()).toEqual({ shipped: 0, dropped: 30, buffered: 20 });
    await shipper.flush();
    expect(shipper.stats()).toEqual({ shipped: 0, dropped: 50, buffered: 0 });
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatch(/not reachable/);
    await shipper.close();
    // The 30 lines the full buffer turned away and the 20 of the failed batch, each under its reason.
    expect(await droppedMetric()).toEqual({
      buffer_full: (before.buffer_full ?? 0) + 30,
      send_failed: (before.send_failed ?? 0) + 20,
      rejected: before.rejected ?? 0,
      shutdown: before.shutdown ?? 0,
    });
  });

  it("after the store comes back, new lines are shipped again", async () => {
    const reports: string[] = [];
    const shipper = new LogShipper({
      url: server.url ?? "",
      indexPrefix: prefix,
      retentionDays: 0,
      report: (m) => reports.push(m),
    });
    const traceId = randomBytes(16).toString("hex");
    shipper.write(
      JSON.stringify({ level: 30, time: new Date().toISOString(), service: "orders", traceId, msg: "first" }),
    );
    await shipper.flush();
    expect(
      await waitFor(async () => (await linesOf(traceId)).length === 1, { what: "the shipped line" }),
    ).toBe(true);
    expect(reports).toEqual([]);
    await shipper.close();
  });
});
