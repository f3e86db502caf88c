// Where a form or a sign-in sends the shopper back to: only a path on this site. A link or a form can
// carry any text, and a redirect to "//evil.example" (or to "/.//evil.example", which becomes that once
// its dot segment is resolved) leaves the shop; so the path is resolved first and judged as resolved.

const BASE = "http://storefront.invalid";

/** `value` as a resolved path on this site ("/p/shirt?variant=x"), or `fallback`. */
export function safeReturnPath(value: unknown, fallback: string): string {
  if (typeof value !== "string" || value.length > 500 || !value.startsWith("/")) return fallback;
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (url.origin !== BASE || path.startsWith("//")) return fallback;
  return path;
}

/** `path` (already safe) with `name=value` set in its query string. */
export function withParam(path: string, name: string, value: string): string {
  const url = new URL(path, BASE);
  url.searchParams.set(name, value);
  return `${url.pathname}${url.search}`;
}
