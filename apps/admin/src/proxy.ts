// Before a request reaches a page or a route:
// - A form post from another site is answered 403 in plain words (@emporium/auth/same-origin), where
//   Next's own Server Action check would throw and answer 500.
// - An image upload (/uploads, forwarded to the catalog by the rewrite in next.config.ts) that says it
//   is larger than any upload form allows is answered 413 at once: forwarded, the catalog refused it
//   but the rewrite answered 500 after 30 s, once the whole body had been read.
import { NextResponse, type NextRequest } from "next/server";
import { crossSiteFormPost } from "@emporium/auth/same-origin";
import { MAX_IMAGE_BYTES } from "@emporium/catalog/client";

/** Room for the form's other fields (key, policy, signature) around the image itself. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

function plain(status: number, message: string): NextResponse {
  return new NextResponse(message, { status, headers: { "content-type": "text/plain" } });
}

export function proxy(request: NextRequest): NextResponse {
  const { pathname } = request.nextUrl;
  const refusal = crossSiteFormPost({ method: request.method, pathname, headers: request.headers });
  if (refusal) return plain(403, refusal);
  if (pathname === "/uploads" && request.method === "POST") {
    const length = Number(request.headers.get("content-length") ?? "0");
    if (length > MAX_IMAGE_BYTES + FORM_OVERHEAD_BYTES)
      return plain(
        413,
        `The upload is ${Math.ceil(length / 1024 / 1024)} MB; an image may be at most ${MAX_IMAGE_BYTES / 1024 / 1024} MB. Make it smaller and upload it again.`,
      );
  }
  return NextResponse.next();
}

// Everything but Next's static files and images.
export const config = { matcher: "/((?!_next/static|_next/image).*)" };
