// The log store's REST API as the tests that read shipped log lines call it: plain fetch, so the
// shipper under test (which uses the official client) is not also the test's way of looking.

/** Calls of one store, e.g. `store("POST", "emporium-logs-2026.12.07/_search", query)`; a non-2xx answer throws. */
export function openSearchApi(storeUrl: string) {
  const base = storeUrl.replace(/\/$/, "");
  return async function store(method: string, path: string, body?: object): Promise<unknown> {
    const res = await fetch(`${base}/${path}`, {
      method,
      headers: { "content-type": "application/json" },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (!res.ok)
      throw new Error(`OpenSearch answered ${res.status} to ${method} /${path}: ${await res.text()}`);
    return res.json();
  };
}
