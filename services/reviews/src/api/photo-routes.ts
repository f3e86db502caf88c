// The reviews service's own HTTP routes beside tRPC: review photos under /photos/<key>, and — when
// photos live in the embedded local folder — the signed upload forms at POST /uploads.
//
// A photo is served as its review's visibility allows: to anyone while the review is approved (it is in
// the shop), otherwise only to staff (the moderation queue) and to its author (her own review), named by
// the service token of the app asking — so a rejected or waiting review's photos are not shown in the
// shop, even to someone holding their address. Staged uploads are unchecked bytes and never served.
import type { IncomingMessage, ServerResponse } from "node:http";
import { can, principalFromHeader, type Principal } from "@emporium/auth";
import { inServerSpan, type Logger } from "@emporium/observability";
import { SECURITY_HEADERS, sendJson, type Routes } from "@emporium/service-kit";
import { UnavailableError } from "@emporium/service-kit/errors";
import type { ReviewPhotos } from "../app/photos";
import { parsePhotoKey } from "../domain/photos";
import type { Review } from "../domain/types";
import type { ReviewStore } from "../ports/review-store";

export interface PhotoRoutesDeps {
  reviews: ReviewStore;
  photos: ReviewPhotos | null;
  /** The embedded store's upload handler; absent when photos go straight to S3. */
  uploadHandler?: ((req: IncomingMessage, res: ServerResponse) => Promise<void>) | undefined;
  tokenKey: Uint8Array;
  log: Logger;
}

async function callerOf(req: IncomingMessage, tokenKey: Uint8Array): Promise<Principal | null> {
  try {
    return await principalFromHeader(req.headers.authorization, tokenKey);
  } catch {
    return null;
  }
}

function maySee(review: Review, caller: Principal | null): boolean {
  if (review.status === "approved") return true;
  if (!caller) return false;
  if (caller.kind === "staff") return can(caller, "reviews.read");
  return caller.kind === "shopper" && caller.userId === review.customerId;
}

export function photoRoutes(d: PhotoRoutesDeps): Routes {
  const notFound = (res: ServerResponse) => sendJson(res, 404, { error: "no such photo" });

  async function servePhoto(req: IncomingMessage, res: ServerResponse, key: string): Promise<void> {
    const photos = d.photos;
    const parsed = parsePhotoKey(key);
    if (!photos || !parsed) return notFound(res);
    const review = await d.reviews.get(parsed.reviewId);
    if (!review?.photos.some((p) => p.key === parsed.photoKey)) return notFound(res);
    // Not shown in the shop: answered like a photo that does not exist, unless staff or its author ask.
    if (!maySee(review, await callerOf(req, d.tokenKey))) return notFound(res);
    const object = await photos.read(key);
    if (!object) return notFound(res);
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      "content-type": object.contentType,
      "content-length": object.size,
      // Short, so a review taken down stops showing its photos within a minute anywhere they were seen.
      "cache-control": review.status === "approved" ? "public, max-age=60" : "private, no-store",
    });
    res.end(req.method === "HEAD" ? undefined : object.body);
  }

  return async (req, res, path) => {
    const upload = d.uploadHandler;
    if (path === "/uploads" && upload) {
      if (req.method === "POST") await inServerSpan(req, res, "/uploads", () => upload(req, res));
      else sendJson(res, 405, { error: "method not allowed" });
      return true;
    }
    if (!path.startsWith("/photos/")) return false;
    if (req.method !== "GET" && req.method !== "HEAD") {
      sendJson(res, 405, { error: "method not allowed" });
      return true;
    }
    await inServerSpan(req, res, "/photos", async () => {
      try {
        await servePhoto(req, res, decodeURIComponent(path.slice("/photos/".length)));
      } catch (err) {
        if (err instanceof URIError) notFound(res);
        else if (err instanceof UnavailableError) sendJson(res, 503, { error: err.message });
        else {
          d.log.error({ err, path }, "could not serve a review photo");
          sendJson(res, 500, { error: "the photo could not be read" });
        }
      }
    });
    return true;
  };
}
