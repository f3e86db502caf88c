import { describe, expect, it } from "vitest";
import { healthOf, signalsOf, watchedProcesses, type WatchedProcess } from "./watch";

const ORIGINS = {
  CATALOG_URL: "http://catalog:4001/trpc",
  ORDERS_URL: "http://orders:4002/trpc",
  IDENTITY_URL: "http://identity:4003/trpc",
  INVENTORY_URL: "http://inventory:4021/trpc",
  REVIEWS_URL: "http://reviews:4024/trpc",
  AUDIT_URL: "http://audit:4025/trpc",
  PAYMENT_OPS_URL: "http://payment:4022",
  FULFILLMENT_OPS_URL: undefined,
  PSP_URL: "http://psp:4010",
  STOREFRONT_OPS_URL: undefined,
};

const catalog: WatchedProcess = {
  name: "catalog",
  origin: "http://catalog:4001",
  variable: "CATALOG_URL",
  probe: "/readyz",
  metrics: true,
};

describe("the processes the console watches", () => {
  it("lists every backend, the provider and the storefront, by origin, saying which are not configured", () => {
    const watched = watchedProcesses(ORIGINS);
    expect(watched.map((p) => p.name)).toEqual([
      "catalog",
      "orders",
      "identity",
      "inventory",
      "payment",
      "fulfillment",
      "reviews",
      "audit",
      "psp",
      "web",
    ]);
    expect(watched[0]).toEqual(catalog);
    expect(watched.find((p) => p.name === "fulfillment")).toMatchObject({
      origin: null,
      variable: "FULFILLMENT_OPS_URL",
    });
    expect(watched.find((p) => p.name === "psp")).toMatchObject({ probe: "/healthz", metrics: false });
  });
});

describe("a process's health", () => {
  it("is ready with what it checked", () => {
    expect(
      healthOf(catalog, { status: 200, body: { status: "ready", checked: ["database", "kafka"] } }),
    ).toEqual({
      name: "catalog",
      state: "ready",
      detail: "Checked database, kafka",
      checked: ["database", "kafka"],
      failing: [],
    });
  });

  it("is degraded while serving without an optional dependency, down without a required one", () => {
    const limping = { status: "degraded", failing: ["cache"], checked: ["database", "cache"] };
    expect(healthOf(catalog, { status: 200, body: limping })).toMatchObject({
      state: "degraded",
      detail: "cache is failing (it still serves)",
    });
    const broken = { status: "degraded", failing: ["database", "kafka"], checked: ["database", "kafka"] };
    expect(healthOf(catalog, { status: 503, body: broken })).toMatchObject({
      state: "down",
      detail: "database, kafka are failing",
    });
  });

  it("is down when it does not answer, starting or draining as it says, and not watched without an address", () => {
    expect(healthOf(catalog, { error: "nothing within 2 s" })).toMatchObject({
      state: "down",
      detail: "No answer: nothing within 2 s",
    });
    expect(
      healthOf(catalog, { status: 503, body: { status: "starting", detail: "seeding: 40%" } }),
    ).toMatchObject({
      state: "starting",
      detail: "Starting: seeding: 40%",
    });
    expect(healthOf(catalog, { status: 503, body: { status: "draining" } })).toMatchObject({
      state: "draining",
    });
    expect(healthOf(catalog, { status: 502, body: null })).toMatchObject({
      state: "down",
      detail: "Answered 502",
    });
    expect(healthOf({ ...catalog, origin: null }, null)).toMatchObject({
      state: "not watched",
      detail: "Not watched here: set CATALOG_URL",
    });
  });

  it("reads what an odd body says and passes over the rest", () => {
    const odd = { status: 200, body: { status: 7, checked: ["database", 3], failing: "kafka" } };
    expect(healthOf(catalog, odd)).toMatchObject({
      state: "ready",
      detail: "Answering",
      checked: [],
      failing: [],
    });
    expect(healthOf(catalog, { status: 200, body: "ok" })).toMatchObject({
      state: "ready",
      detail: "Answering",
    });
    expect(
      healthOf(catalog, { status: 503, body: { status: "starting", checked: ["database"] } }),
    ).toMatchObject({ state: "starting", detail: "Starting: starting", checked: ["database"] });
  });
});

describe("the signals", () => {
  it("sums consumer lag per group and topic, counting a series seen twice once", () => {
    const lag = (partition: string, value: number, service: string) => ({
      name: "event_consumer_lag_messages",
      labels: { group: "orders-saga", topic: "payments", partition, service },
      value,
    });
    const signals = signalsOf([lag("0", 3, "orders"), lag("1", 4, "orders"), lag("0", 3, "catalog")]);
    expect(signals.lag).toEqual([{ group: "orders-saga", topic: "payments", lag: 7, partitions: 2 }]);
  });

  it("reads each outbox's backlog and each breaker's state", () => {
    const signals = signalsOf([
      { name: "outbox_waiting_messages", labels: { outbox: "payments", service: "payment" }, value: 5 },
      {
        name: "outbox_oldest_waiting_age_seconds",
        labels: { outbox: "payments", service: "payment" },
        value: 42,
      },
      { name: "circuit_breaker_state", labels: { dependency: "psp", service: "payment" }, value: 2 },
      { name: "circuit_breaker_state", labels: { dependency: "catalog", service: "orders" }, value: 0 },
    ]);
    expect(signals.outboxes).toEqual([{ outbox: "payments", waiting: 5, oldestAgeSeconds: 42 }]);
    expect(signals.breakers).toEqual([
      { service: "orders", dependency: "catalog", state: "closed" },
      { service: "payment", dependency: "psp", state: "open" },
    ]);
  });
});
