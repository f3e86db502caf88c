// The simulator's memory rules without HTTP: a bounded table forgets its oldest keys first, and an
// idempotency key replays its answer for the same request, refuses another one and forgets 5xx answers.
import { describe, expect, it } from "vitest";
import { BoundedMap } from "./bounded-map";
import { firstDifference, IdempotencyStore } from "./idempotency";

describe("BoundedMap", () => {
  it("forgets the oldest key beyond its capacity, and an update keeps a key's place", () => {
    const map = new BoundedMap<string, number>(2);
    map.set("a", 1);
    map.set("b", 2);
    map.set("a", 10);
    map.set("c", 3);
    expect([...map]).toEqual([
      ["b", 2],
      ["c", 3],
    ]);
    expect(map.has("a")).toBe(false);
    expect(() => new BoundedMap(0)).toThrow(/positive integer/);
  });
});

describe("IdempotencyStore", () => {
  const request = { amount: 500, token: "tok_1" };

  it("replays the answer to the same request and refuses a different one, naming the field", () => {
    const store = new IdempotencyStore(10);
    expect(store.lookup("authorizations", "k", request)).toEqual({ kind: "new" });
    store.remember("authorizations", "k", request, { status: 201, body: { id: "auth_1" } });
    expect(store.lookup("authorizations", "k", { ...request })).toEqual({
      kind: "replay",
      response: { status: 201, body: { id: "auth_1" } },
    });
    const changed = store.lookup("authorizations", "k", { ...request, amount: 600 });
    expect(changed).toMatchObject({ kind: "mismatch", field: "amount" });
    expect(changed.kind === "mismatch" && changed.message).toContain("amount was 500, now 600");
    // the same key on another endpoint is another key
    expect(store.lookup("capture", "k", request)).toEqual({ kind: "new" });
  });

  it("never echoes a token back, and forgets server errors so a retry runs again", () => {
    const store = new IdempotencyStore(10);
    store.remember("authorizations", "k", request, { status: 201, body: {} });
    const changed = store.lookup("authorizations", "k", { ...request, token: "tok_2" });
    expect(changed.kind === "mismatch" && changed.message).toContain("token differs");
    expect(changed.kind === "mismatch" && changed.message).not.toContain("tok_");
    store.remember("authorizations", "e", request, { status: 503, body: {} });
    expect(store.lookup("authorizations", "e", request)).toEqual({ kind: "new" });
  });

  it("compares requests field by field", () => {
    expect(firstDifference({ a: 1, b: 2 }, { b: 2, a: 1 })).toBeNull();
    expect(firstDifference({ a: 1 }, { a: 1, b: undefined })).toBeNull();
    expect(firstDifference({ a: 1, c: 1 }, { a: 1, b: 2, c: 2 })).toBe("b");
  });
});
