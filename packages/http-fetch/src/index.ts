// The `fetch` the apps hand to their backend clients: every call gives up after a deadline, so a stuck
// backend fails a page instead of hanging it, and staff or shopper data is never served from a cache.
// One definition for both apps (it used to be copied into each client module).

/**
 * `fetch` that aborts after `timeoutMs` — or sooner, when the caller's own signal aborts — with `defaults`
 * (for example Next's `next: { revalidate }`) laid over every request's own options.
 */
export function fetchWithTimeout(timeoutMs: number, defaults: RequestInit = {}): typeof fetch {
  return (input, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    // The global is read per call: Next.js patches it at run time, and tests replace it.
    return globalThis.fetch(input, {
      ...init,
      ...defaults,
      signal: init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout,
    });
  };
}

/** `fetchWithTimeout` that never answers from a cache (`cache: "no-store"`): for answers that must be current. */
export function freshFetch(timeoutMs: number): typeof fetch {
  return fetchWithTimeout(timeoutMs, { cache: "no-store" });
}
