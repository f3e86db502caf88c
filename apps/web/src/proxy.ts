// Requests the browser makes to the catalog itself (search suggestions, through the /api/trpc rewrite in
// next.config.ts) reach it from this server's address, carrying the browser's own headers: here they get
// the shopper's address in x-emporium-client-ip (the catalog limits suggestions per address), replacing
// whatever the browser sent under that name — only this server may say who the shopper is.
import { NextResponse, type NextRequest } from "next/server";
import { CLIENT_IP_HEADER, forwardedClientIp } from "@emporium/service-kit/client";

export function proxy(request: NextRequest): NextResponse {
  const headers = new Headers(request.headers);
  const ip = forwardedClientIp(request.headers.get("x-forwarded-for"));
  if (ip) headers.set(CLIENT_IP_HEADER, ip);
  else headers.delete(CLIENT_IP_HEADER);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: "/api/trpc/:path*" };
