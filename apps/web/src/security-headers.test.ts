import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, securityHeaders } from "./security-headers";

describe("security headers", () => {
  it("forbid framing and sniffing", () => {
    const headers = Object.fromEntries(securityHeaders().map((h) => [h.key, h.value]));
    expect(headers["X-Frame-Options"]).toBe("DENY");
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(contentSecurityPolicy({ dev: false, nonce: "n" })).toContain("frame-ancestors 'none'");
  });

  it("let scripts run only with the request's nonce, or loaded by one that has it", () => {
    const policy = contentSecurityPolicy({ dev: false, nonce: "abc123==" });
    const scripts = policy.split("; ").find((d) => d.startsWith("script-src "));
    expect(scripts).toBe("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it("allow eval only for the development server", () => {
    expect(contentSecurityPolicy({ dev: false, nonce: "n" })).not.toContain("unsafe-eval");
    expect(contentSecurityPolicy({ dev: true, nonce: "n" })).toContain("'unsafe-eval'");
  });
});
