// A form post from another site is answered 403 in plain words (@emporium/auth/same-origin), where
// Next's own Server Action check would throw and answer 500.
import { NextResponse, type NextRequest } from "next/server";
import { crossSiteFormPost } from "@emporium/auth/same-origin";

export function proxy(request: NextRequest): NextResponse {
  const refusal = crossSiteFormPost({
    method: request.method,
    pathname: request.nextUrl.pathname,
    headers: request.headers,
  });
  if (refusal) return new NextResponse(refusal, { status: 403, headers: { "content-type": "text/plain" } });
  return NextResponse.next();
}

// Everything but Next's static files and images.
export const config = { matcher: "/((?!_next/static|_next/image).*)" };
