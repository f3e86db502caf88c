import { describe, expect, it } from "vitest";
import { requestIdsFrom, traceparentOf } from "./request-context";

describe("requestIdsFrom", () => {
  it("continues the caller's trace and request id", () => {
    const ids = requestIdsFrom({
      traceparent: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
      "x-request-id": "req-123",
    });
    expect(ids.traceId).toBe("0af7651916cd43dd8448eb211c80319c");
    expect(ids.requestId).toBe("req-123");
    expect(traceparentOf(ids)).toMatch(/^00-0af7651916cd43dd8448eb211c80319c-[0-9a-f]{16}-01$/);
  });

  it("starts a new trace when the headers are missing or malformed", () => {
    const ids = requestIdsFrom({ traceparent: "garbage", "x-request-id": "bad id with spaces" });
    expect(ids.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(ids.requestId).not.toBe("bad id with spaces");
  });
});
