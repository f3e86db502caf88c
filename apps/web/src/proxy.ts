// Two jobs before a request reaches a page or a route:
// - A form post from another site is answered 403 in plain words (@emporium/auth/same-origin), where
//   Next's own Server Action check would throw and answer 500.
// - Requests the browser makes to the catalog itself (search suggestions, through the /api/trpc rewrite
//   in next.config.ts) reach it from this server's address, carrying the browser's own headers: here
//   they get the shopper's address in x-emporium-client-ip (the catalog limits suggestions per address),
//   replacing whatever the browser sent under that name — only this server may say who the shopper is.
import { NextResponse, type NextRequest } from "next/server";
import { crossSiteFormPost } from "@emporium/auth/same-origin";
import { CLIENT_IP_HEADER, forwardedClientIp } from "@emporium/service-kit/client";

export function proxy(request: NextRequest): NextResponse {
  const { pathname } = request.nextUrl;
  const refusal = crossSiteFormPost({ method: request.method, pathname, headers: request.headers });
  if (refusal) return new NextResponse(refusal, { status: 403, headers: { "content-type": "text/plain" } });
  if (!pathname.startsWith("/api/trpc/")) return NextResponse.next();
  const headers = new Headers(request.headers);
  const ip = forwardedClientIp(request.headers.get("x-forwarded-for"));
  if (ip) headers.set(CLIENT_IP_HEADER, ip);
  else headers.delete(CLIENT_IP_HEADER);
  return NextResponse.next({ request: { headers } });
}

// Everything but Next's static files and images.
export const config = { matcher: "/((?!_next/static|_next/image).*)" };
