import { describe, expect, it } from "vitest";
import { InvalidInputError } from "@emporium/service-kit/errors";
import { decodeCursor, encodeCursor } from "./cursor";

const id = "3b241101-e2bb-4255-8caf-4136c566a962";

describe("activity cursors", () => {
  it("round-trip the position of a page's last entry", () => {
    const cursor = { at: "2026-03-01T09:30:00.123Z", id };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it("refuse garbage, forged fields and impossible dates, naming the cursor", () => {
    const forge = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
    for (const raw of [
      "",
      "not a cursor",
      forge(null),
      forge({ at: "2026-03-01T09:30:00.123Z" }),
      forge({ at: "2026-03-01T09:30:00.123Z", id: "1; drop" }),
      forge({ at: "2026-02-30T00:00:00.000Z", id }),
      forge({ at: "2026-03-01T09:30:00Z", id }),
      forge({ at: { $gt: "" }, id }),
      forge({ at: "2026-03-01T09:30:00.123Z", id, extra: 1 }),
    ]) {
      let err: unknown;
      try {
        decodeCursor(raw);
      } catch (e) {
        err = e;
      }
      expect(err, raw).toBeInstanceOf(InvalidInputError);
      expect((err as InvalidInputError).field).toBe("cursor");
    }
  });
});
