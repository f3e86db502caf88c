import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./cursor";
import { InvalidInputError } from "@emporium/service-kit/errors";

const id = "3b241101-e2bb-4255-8caf-4136c566a962";

describe("cursors", () => {
  it("round-trip", () => {
    const c = { kind: "key", sort: "price_asc", direction: "after", key: 4999, id } as const;
    expect(decodeCursor(encodeCursor(c), "price_asc")).toEqual(c);
    const o = { kind: "offset", sort: "relevance", offset: 48 } as const;
    expect(decodeCursor(encodeCursor(o), "relevance")).toEqual(o);
  });

  it("refuse garbage, tampering and the wrong sort order", () => {
    expect(() => decodeCursor("not-base64-json", "newest")).toThrow(InvalidInputError);
    expect(() => decodeCursor(Buffer.from('{"kind":"key"}').toString("base64url"), "newest")).toThrow(
      /cursor/,
    );
    const price = encodeCursor({ kind: "key", sort: "price_asc", direction: "after", key: 100, id });
    expect(() => decodeCursor(price, "newest")).toThrow(/belongs to sort order "price_asc"/);
    const bad = encodeCursor({ kind: "key", sort: "newest", direction: "after", key: 100, id });
    expect(() => decodeCursor(bad, "newest")).toThrow(InvalidInputError);
    const sqlish = Buffer.from(
      JSON.stringify({ kind: "key", sort: "newest", direction: "after", key: "1' OR 1=1 --", id }),
    ).toString("base64url");
    expect(() => decodeCursor(sqlish, "newest")).toThrow(InvalidInputError);
    // Well-formed, but beyond anything stored: refused here rather than by the database.
    const ancient = encodeCursor({
      kind: "key",
      sort: "newest",
      direction: "after",
      key: "0000-01-01T00:00:00Z",
      id,
    });
    expect(() => decodeCursor(ancient, "newest")).toThrow(InvalidInputError);
    const huge = encodeCursor({
      kind: "key",
      sort: "price_asc",
      direction: "after",
      key: Number.MAX_SAFE_INTEGER,
      id,
    });
    expect(() => decodeCursor(huge, "price_asc")).toThrow(InvalidInputError);
    const recent = {
      kind: "key",
      sort: "newest",
      direction: "before",
      key: "2026-12-06T10:00:00.000Z",
      id,
    } as const;
    expect(decodeCursor(encodeCursor(recent), "newest")).toEqual(recent);
  });
});
