// Redirects from route handlers.
import { NextResponse } from "next/server";

/**
 * A 303 to a path on this site. The Location stays relative: behind a proxy (or with 127.0.0.1 vs
 * localhost) the request URL's host is not necessarily the one the browser used, and its cookies.
 */
export function seeOther(path: string): NextResponse {
  return new NextResponse(null, { status: 303, headers: { location: path } });
}
