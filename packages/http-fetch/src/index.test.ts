// The apps' backend fetch: never cached, never waits past its deadline, and still honours a caller's abort.
import { afterEach, describe, expect, it, vi } from "vitest";
import { fetchWithTimeout, freshFetch } from "./index";

/** A stand-in for the network that answers only when told, and rejects as fetch does when aborted. */
function hangingNetwork() {
  const calls: RequestInit[] = [];
  const stub = vi.fn((_input: string | URL | Request, init?: RequestInit) => {
    calls.push(init ?? {});
    return new Promise<Response>((_resolve, reject) => {
      init?.signal?.addEventListener("abort", () => reject(init.signal?.reason), { once: true });
    });
  });
  vi.stubGlobal("fetch", stub);
  return calls;
}

afterEach(() => vi.unstubAllGlobals());

describe("freshFetch", () => {
  it("asks for a fresh answer, keeping the caller's other options", () => {
    const calls = hangingNetwork();
    void freshFetch(1_000)("http://backend.test/x", { method: "POST", cache: "force-cache" }).catch(() => {});
    expect(calls[0]).toMatchObject({ method: "POST", cache: "no-store" });
    expect(calls[0]?.signal).toBeInstanceOf(AbortSignal);
  });

  it("gives up after its deadline", async () => {
    hangingNetwork();
    await expect(freshFetch(20)("http://backend.test/x")).rejects.toMatchObject({ name: "TimeoutError" });
  });

  it("stops as soon as the caller aborts, well before the deadline", async () => {
    hangingNetwork();
    const caller = new AbortController();
    const pending = freshFetch(60_000)("http://backend.test/x", { signal: caller.signal });
    caller.abort(new Error("page closed"));
    await expect(pending).rejects.toThrow("page closed");
  });
});

describe("fetchWithTimeout", () => {
  it("lays its defaults over each request and still sets a deadline", async () => {
    const calls = hangingNetwork();
    const pending = fetchWithTimeout(20, { cache: "force-cache", headers: { x: "1" } })(
      "http://backend.test/x",
    );
    expect(calls[0]).toMatchObject({ cache: "force-cache", headers: { x: "1" } });
    await expect(pending).rejects.toMatchObject({ name: "TimeoutError" });
  });
});
