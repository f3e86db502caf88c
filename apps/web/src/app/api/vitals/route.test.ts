// The web-vitals endpoint as a browser's beacon reaches it: a good report is recorded in its histogram
// under a kind of page (never the path), anything else is refused with nothing recorded.
import { processMetrics } from "@emporium/observability/metrics";
import { describe, expect, it } from "vitest";
import { vitalsPageOf } from "@/vitals/pages";
import { POST } from "./route";

const post = (body: BodyInit, headers: Record<string, string> = { "content-type": "application/json" }) =>
  POST(new Request("http://shop.test/api/vitals", { method: "POST", body, headers }));

/** Observations of one histogram per page, and the text /metrics serves. */
async function counts(name: string): Promise<Record<string, number>> {
  const metric = await processMetrics("web").registry.getSingleMetric(name)?.get();
  return Object.fromEntries(
    (metric?.values ?? [])
      .filter((v) => "metricName" in v && v.metricName === `${name}_count`)
      .map((v) => [String(v.labels.page), v.value]),
  );
}

describe("POST /api/vitals", () => {
  it("records a report in its histogram, in seconds, under the kind of page", async () => {
    const before = (await counts("web_vitals_lcp_seconds")).product ?? 0;
    const res = await post(JSON.stringify({ name: "LCP", value: 1834.5, path: "/p/linen-shirt-a1b2c3" }));
    expect(res.status).toBe(204);
    expect((await counts("web_vitals_lcp_seconds")).product).toBe(before + 1);
    await post(JSON.stringify({ name: "INP", value: 120, path: "/checkout" }));
    await post(JSON.stringify({ name: "CLS", value: 0.04, path: "/" }));
    const text = await processMetrics("web").registry.metrics();
    expect(text).toMatch(/web_vitals_lcp_seconds_bucket\{le="2",service="web",page="product"\} [1-9]/);
    expect(text).toMatch(/web_vitals_inp_seconds_sum\{service="web",page="checkout"\} 0\.12/);
    expect(text).toMatch(/web_vitals_cls_count\{service="web",page="home"\} [1-9]/);
    expect(text).not.toMatch(/linen-shirt/);
  });

  it("refuses a malformed or oversized beacon with a 4xx and records nothing", async () => {
    const vitals = async () =>
      (await processMetrics("web").registry.metrics()).split("\n").filter((l) => l.startsWith("web_vitals_"));
    const before = await vitals();
    const cases: [BodyInit, number][] = [
      ["not json", 400],
      [JSON.stringify({ name: "FID", value: 12, path: "/" }), 400],
      [JSON.stringify({ name: "LCP", value: -1, path: "/" }), 400],
      [JSON.stringify({ name: "LCP", value: 1e12, path: "/" }), 400],
      [JSON.stringify({ name: "LCP", value: 900, path: "https://evil.test/" }), 400],
      [JSON.stringify({ name: "LCP", value: 900, path: "/", extra: "x" }), 400],
      [JSON.stringify([{ name: "LCP", value: 900, path: "/" }]), 400],
      ["", 400],
      [JSON.stringify({ name: "LCP", value: 900, path: `/${"a".repeat(1024 * 1024)}` }), 413],
    ];
    for (const [body, status] of cases) {
      const res = await post(body);
      expect(res.status, String(body).slice(0, 80)).toBe(status);
    }
    // A 1 MB body sent without a Content-Length is cut off after 1 kB as well.
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 1024; i++) controller.enqueue(new Uint8Array(1024));
        controller.close();
      },
    });
    const streamed = await POST(
      new Request("http://shop.test/api/vitals", {
        method: "POST",
        body: stream,
        duplex: "half",
      } as RequestInit),
    );
    expect(streamed.status).toBe(413);
    expect(await vitals()).toEqual(before);
  });
});

describe("vitalsPageOf", () => {
  it("reduces a path to a fixed kind of page", () => {
    expect(vitalsPageOf("/")).toBe("home");
    expect(vitalsPageOf("/c/women/dresses")).toBe("category");
    expect(vitalsPageOf("/p/linen-shirt-a1b2c3")).toBe("product");
    expect(vitalsPageOf("/p/linen-shirt-a1b2c3/review")).toBe("product");
    expect(vitalsPageOf("/search")).toBe("search");
    expect(vitalsPageOf("/cart")).toBe("cart");
    expect(vitalsPageOf("/checkout")).toBe("checkout");
    expect(vitalsPageOf("/account/orders/EMP-12345")).toBe("account");
    expect(vitalsPageOf("/orders/6f1c2f9e-1d1b-4c52-9a8e-3f1c8a1c0d11")).toBe("account");
    expect(vitalsPageOf("/cartography")).toBe("other");
    expect(vitalsPageOf("/constructor")).toBe("other");
    expect(vitalsPageOf("/anything/else")).toBe("other");
  });
});
