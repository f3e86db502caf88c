import type { IncomingHttpHeaders } from "node:http";
import { describe, expect, it } from "vitest";
import { forwardedClientIp, parseIp, rateKeyOfIp } from "./client-ip";
import { clientIpOf } from "./server";

describe("parseIp", () => {
  it("takes IPv4 and IPv6 in the forms proxies write them, canonically", () => {
    expect(parseIp(" 203.0.113.7 ")).toBe("203.0.113.7");
    expect(parseIp("203.0.113.7:51234")).toBe("203.0.113.7");
    expect(parseIp("2001:DB8:0:0:1:0:0:1")).toBe("2001:db8::1:0:0:1");
    expect(parseIp("[2001:db8::1]:443")).toBe("2001:db8::1");
    expect(parseIp("::1")).toBe("::1");
    // IPv4 peers of a dual-stack socket, as Node reports them, are the same IPv4 address.
    expect(parseIp("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(parseIp("::ffff:cb00:7107")).toBe("203.0.113.7");
  });

  it("answers undefined for anything that is not one address", () => {
    for (const bad of [
      undefined,
      null,
      "",
      "unknown",
      "localhost",
      "203.0.113",
      "203.0.113.256",
      "010.0.0.1",
      "1.2.3.4.5",
      "2001:db8::1::2",
      "fe80::1%eth0",
      "203.0.113.7, 198.51.100.1",
      `${"1".repeat(70)}`,
    ])
      expect(parseIp(bad), String(bad)).toBeUndefined();
  });
});

describe("forwardedClientIp", () => {
  it("is the first hop of X-Forwarded-For", () => {
    expect(forwardedClientIp("203.0.113.7, 10.0.0.2, 10.0.0.3")).toBe("203.0.113.7");
    expect(forwardedClientIp("2001:db8::7")).toBe("2001:db8::7");
    expect(forwardedClientIp("garbage, 10.0.0.2")).toBeUndefined();
    expect(forwardedClientIp(null)).toBeUndefined();
  });
});

describe("rateKeyOfIp", () => {
  it("counts IPv4 per address and IPv6 per /64 network", () => {
    expect(rateKeyOfIp("203.0.113.7")).toBe("203.0.113.7");
    expect(rateKeyOfIp("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(rateKeyOfIp("2001:db8:1:2:bbbb:cccc:dddd:eeee")).toBe("2001:db8:1:2::/64");
    expect(rateKeyOfIp("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(rateKeyOfIp("::1")).toBe("0:0:0:0::/64");
  });
});

describe("clientIpOf", () => {
  const request = (headers: IncomingHttpHeaders, remoteAddress?: string) => ({
    headers,
    socket: { remoteAddress },
  });

  it("believes the app's x-emporium-client-ip, and falls back to the peer's address", () => {
    expect(clientIpOf(request({ "x-emporium-client-ip": "203.0.113.7" }, "::ffff:10.0.0.5"))).toBe(
      "203.0.113.7",
    );
    expect(clientIpOf(request({}, "::ffff:10.0.0.5"))).toBe("10.0.0.5");
    expect(clientIpOf(request({ "x-emporium-client-ip": "not an address" }, "10.0.0.5"))).toBe("10.0.0.5");
    // Never X-Forwarded-For: only the apps' own header is trusted.
    expect(clientIpOf(request({ "x-forwarded-for": "203.0.113.7" }, "10.0.0.5"))).toBe("10.0.0.5");
    expect(clientIpOf(request({}, undefined))).toBe("unknown");
  });
});
