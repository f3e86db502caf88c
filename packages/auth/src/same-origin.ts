// Cross-site form posts. Next.js refuses a Server Action whose Origin is another site, but by throwing,
// so the sender gets a 500 and the server logs an error for what is an attack or a stale form on another
// site. Each app's proxy asks this first and answers 403 in plain words instead; Next's own check stays
// behind it.

export interface PostedRequest {
  method: string;
  pathname: string;
  headers: Headers;
}

/** The host the browser addressed: the proxy's x-forwarded-host where one sits in front, else Host. */
function addressedHost(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  return forwarded || headers.get("host");
}

/**
 * Why a request is a form post from another site (to be refused with 403), or null. Only page posts are
 * judged — Server Actions post to pages; /api routes keep their own rules (next-auth's CSRF token). A
 * post without an Origin header is left to Next (older clients omit it on same-site posts).
 */
export function crossSiteFormPost(request: PostedRequest): string | null {
  if (request.method === "GET" || request.method === "HEAD" || request.method === "OPTIONS") return null;
  if (request.pathname.startsWith("/api/")) return null;
  const origin = request.headers.get("origin");
  if (!origin) return null;
  const host = addressedHost(request.headers);
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return "This form was sent with an Origin header that is not an address; it was not accepted.";
  }
  if (host && originHost === host) return null;
  return `This form was sent from another site (${originHost}); forms are accepted only from this site. Open the page here and send it again.`;
}
