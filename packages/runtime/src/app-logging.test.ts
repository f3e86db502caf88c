import { afterEach, describe, expect, it, vi } from "vitest";
import {
  backendFault,
  nextAuthLogger,
  requestErrorLine,
  type FailedRequest,
  type FailedRequestContext,
  type LineWriter,
} from "./app-logging";

const SESSION = "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..session-cookie-value";
const BEARER = "Bearer service-token-value";

/** A request as Next.js hands it to onRequestError: every header the browser sent. */
const request: FailedRequest = {
  path: "/account/confirm?token=confirm-token-value",
  method: "GET",
  headers: {
    cookie: `__Secure-next-auth.session-token=${SESSION}; emporium_cart=cart-token-value`,
    authorization: BEARER,
    "user-agent": "test",
    traceparent: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
  },
};
const context: FailedRequestContext = {
  routerKind: "App Router",
  routePath: "/account/confirm",
  routeType: "render",
  renderSource: "react-server-components",
  revalidateReason: undefined,
};

describe("requestErrorLine", () => {
  it("says where the request failed and what the error was", () => {
    const error = Object.assign(new TypeError("the catalog answered 500"), { digest: "2417953713" });
    const { fields, msg } = requestErrorLine(error, request, context);
    expect(fields).toMatchObject({
      route: "/account/confirm",
      path: "/account/confirm",
      method: "GET",
      routerKind: "App Router",
      routeType: "render",
      renderSource: "react-server-components",
      err: { type: "TypeError", message: "the catalog answered 500", digest: "2417953713" },
    });
    expect(fields.err.stack).toContain("the catalog answered 500");
    expect(fields).not.toHaveProperty("revalidateReason");
    expect(msg).toBe("GET /account/confirm failed: the catalog answered 500");
  });

  it("holds no header, cookie or query string of the request", () => {
    const line = JSON.stringify(requestErrorLine(new Error("boom"), request, context));
    for (const secret of [SESSION, "cart-token-value", "service-token-value", "confirm-token-value"])
      expect(line).not.toContain(secret);
    expect(line).not.toMatch(/cookie|authorization|headers/i);
  });

  it("describes a thrown value that is not an Error, and a route handler's or action's failure", () => {
    const { fields } = requestErrorLine(
      "plain text",
      { path: "/api/vitals", method: "POST", headers: {} },
      { routerKind: "App Router", routePath: "/api/vitals", routeType: "route", revalidateReason: "stale" },
    );
    expect(fields).toEqual({
      route: "/api/vitals",
      path: "/api/vitals",
      method: "POST",
      routerKind: "App Router",
      routeType: "route",
      revalidateReason: "stale",
      err: { type: "string", message: "plain text" },
    });
  });
});

describe("backendFault", () => {
  const answered = (httpStatus: number) =>
    Object.assign(new Error("refused"), { data: { code: "X", httpStatus } });

  it("is a backend that did not answer or failed inside, not its answer about the request", () => {
    expect(backendFault(new TypeError("fetch failed"))).toBe(true);
    expect(backendFault(Object.assign(new Error("fetch failed"), { data: undefined }))).toBe(true);
    expect(backendFault(answered(500))).toBe(true);
    expect(backendFault(answered(503))).toBe(true);
    for (const status of [400, 401, 404, 409, 429]) expect(backendFault(answered(status))).toBe(false);
  });
});

describe("nextAuthLogger", () => {
  it("keeps next-auth's code, provider and error, and nothing else it hands over", () => {
    const written: { fields: object; msg: string }[] = [];
    const log: LineWriter = {
      error: (fields, msg) => written.push({ fields, msg }),
      warn: (fields, msg) => written.push({ fields, msg }),
    };
    const logger = nextAuthLogger(() => log);
    logger.error("OAUTH_CALLBACK_HANDLER_ERROR", {
      error: new Error("the provider refused the code"),
      error_description: "invalid_grant",
      providerId: "oidc",
      body: { code: "authorization-code-value", state: "state-value" },
    });
    logger.error("JWT_SESSION_ERROR", new TypeError("decryption failed"));
    expect(written[0]?.msg).toBe("next-auth: OAUTH_CALLBACK_HANDLER_ERROR");
    expect(written[0]?.fields).toMatchObject({
      code: "OAUTH_CALLBACK_HANDLER_ERROR",
      providerId: "oidc",
      err: { type: "Error", message: "the provider refused the code" },
    });
    expect(JSON.stringify(written)).not.toContain("authorization-code-value");
    expect(written[1]?.fields).toMatchObject({ code: "JWT_SESSION_ERROR", err: { type: "TypeError" } });
  });
});

describe("appLogger", () => {
  afterEach(() => {
    delete (globalThis as Record<symbol, unknown>)[Symbol.for("emporium.runtime.app-logger")];
  });

  const loggingEnv = {
    LOG_LEVEL: "silent",
    LOG_FORMAT: "json",
    LOG_SHIP_INDEX_PREFIX: "emporium-logs",
    LOG_SHIP_RETENTION_DAYS: 14,
    LOG_SHIP_BUFFER: 10_000,
  } as const;

  it("is one logger for the whole process, whichever bundle's copy of the module asks", async () => {
    const first = await import("./app-logging");
    const made = first.appLogger(loggingEnv, "web");
    vi.resetModules();
    // Another bundle's copy: its own module state, asking with another level.
    const second = await import("./app-logging");
    expect(second).not.toBe(first);
    const again = second.appLogger({ ...loggingEnv, LOG_LEVEL: "debug" }, "web");
    expect(again).toBe(made);
    expect(again.level).toBe("silent");
  });
});
