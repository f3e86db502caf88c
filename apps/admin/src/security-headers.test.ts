import { describe, expect, it } from "vitest";
import { securityHeaders } from "./security-headers";

const csp = (options: Parameters<typeof securityHeaders>[0]) =>
  securityHeaders(options).find((h) => h.key === "Content-Security-Policy")?.value ?? "";

describe("admin security headers", () => {
  it("keeps uploads on this origin unless an upload origin is configured, and then allows only that one", () => {
    expect(csp({ dev: false })).toContain("connect-src 'self';");
    expect(csp({ dev: false })).toContain("form-action 'self';");
    const withS3 = csp({ dev: false, uploadOrigin: "https://media.example.com" });
    expect(withS3).toContain("connect-src 'self' https://media.example.com;");
    expect(withS3).toContain("form-action 'self' https://media.example.com;");
    expect(withS3).not.toMatch(/\*|https:;/);
  });
});
