// Three jobs before a request reaches a page or a route:
// - Every response gets a Content-Security-Policy with a nonce of its own (./security-headers.ts),
//   passed to the page in the request's headers, where Next and the layout read it.
// - A form post from another site is answered 403 in plain words (@emporium/auth/same-origin), where
//   Next's own Server Action check would throw and answer 500.
// - Requests the browser makes to the catalog itself (search suggestions, through the /api/trpc rewrite
//   in next.config.ts) reach it from this server's address, carrying the browser's own headers: here
//   they get the shopper's address in x-emporium-client-ip (the catalog limits suggestions per address),
//   replacing whatever the browser sent under that name — only this server may say who the shopper is.
// - The pages a shared cache may keep (./shared-cache.ts) are marked for the layout and answered
//   with a public Cache-Control, which Next keeps (it only sets its own `private, no-store` when none is set).
import { NextResponse, type NextRequest } from "next/server";
import { crossSiteFormPost } from "@emporium/auth/same-origin";
import { CLIENT_IP_HEADER, forwardedClientIp } from "@emporium/service-kit/client";
import { contentSecurityPolicy, NONCE_HEADER } from "./security-headers";
import { SHARED_CACHE_HEADER, SHARED_PAGE_CACHE_CONTROL, sharedCacheable } from "./shared-cache";

const DEV = process.env.NODE_ENV === "development";

export function proxy(request: NextRequest): NextResponse {
  const { pathname } = request.nextUrl;
  const refusal = crossSiteFormPost({ method: request.method, pathname, headers: request.headers });
  if (refusal) return new NextResponse(refusal, { status: 403, headers: { "content-type": "text/plain" } });
  const headers = new Headers(request.headers);
  headers.delete(CLIENT_IP_HEADER);
  headers.delete(SHARED_CACHE_HEADER);
  const shared =
    !DEV && sharedCacheable({ method: request.method, pathname, searchParams: request.nextUrl.searchParams });
  if (shared) headers.set(SHARED_CACHE_HEADER, "1");
  const ip = forwardedClientIp(request.headers.get("x-forwarded-for"));
  if (ip && pathname.startsWith("/api/trpc/")) headers.set(CLIENT_IP_HEADER, ip);
  const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
  const policy = contentSecurityPolicy({ dev: DEV, nonce });
  headers.set(NONCE_HEADER, nonce);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  if (shared) response.headers.set("Cache-Control", SHARED_PAGE_CACHE_CONTROL);
  return response;
}

// Everything but Next's static files and images.
export const config = { matcher: "/((?!_next/static|_next/image).*)" };
