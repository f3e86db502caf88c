// Review photos as the storefront's server handles them: the files a review form carries are sent one by
// one to the upload form the reviews service signs (S3's presigned POST, or the service's own /uploads),
// from this server — so the form works without JavaScript — and only their keys go with the review; and
// a photo is fetched back for the shop under the shopper's token, so she sees her own photos while her
// review waits. Only server code imports this module.
import { MAX_PHOTO_BYTES, MAX_PHOTOS, PHOTO_ALT_MAX, reviewPhotoResponse } from "@emporium/reviews/client";
import type { Shopper } from "@/auth/session";
import { bearerFor } from "@/auth/service-token";
import { env } from "@/env";
import { reviewsAs } from "./server";

const ACCEPTED = ["image/jpeg", "image/png", "image/webp", "image/avif"] as const;
type Accepted = (typeof ACCEPTED)[number];
const isAccepted = (type: string): type is Accepted => (ACCEPTED as readonly string[]).includes(type);

export interface ChosenPhoto {
  file: File;
  alt: string;
}

/** The photos the form carries: photo-<n> files that are not empty, with their photo-<n>-alt texts. */
export function chosenPhotos(form: FormData): ChosenPhoto[] {
  const chosen: ChosenPhoto[] = [];
  for (let n = 1; n <= MAX_PHOTOS; n++) {
    const file = form.get(`photo-${n}`);
    const alt = form.get(`photo-${n}-alt`);
    if (file instanceof File && file.size > 0)
      chosen.push({ file, alt: typeof alt === "string" ? alt.trim().slice(0, PHOTO_ALT_MAX) : "" });
  }
  return chosen;
}

/** Why a chosen file cannot be sent at all, in the shopper's words; null when it may go. */
export function photoProblem(photo: ChosenPhoto, index: number): string | null {
  const which = `Photo ${index + 1} (${photo.file.name || "unnamed"})`;
  if (photo.file.size > MAX_PHOTO_BYTES)
    return `${which} is larger than ${MAX_PHOTO_BYTES / (1024 * 1024)} MB. Choose a smaller photo.`;
  if (!isAccepted(photo.file.type)) return `${which} is not a JPEG, PNG, WebP or AVIF image.`;
  return null;
}

/** Uploads each photo through a form the service signs; their keys, in order. Throws what the service said. */
export async function uploadPhotos(shopper: Shopper, photos: readonly ChosenPhoto[]): Promise<string[]> {
  const client = reviewsAs(shopper);
  const keys: string[] = [];
  for (const photo of photos) {
    const type = photo.file.type;
    if (!isAccepted(type)) throw new Error("photoProblem lets only accepted types through");
    const form = await client.review.createPhotoUpload.mutate({ contentType: type, size: photo.file.size });
    const body = new FormData();
    for (const [name, value] of Object.entries(form.fields)) body.append(name, value);
    body.append("file", photo.file, "photo");
    const res = await fetch(form.url, { method: "POST", body, signal: AbortSignal.timeout(30_000) });
    if (!res.ok) throw new PhotoUploadError(res.status);
    keys.push(form.key);
  }
  return keys;
}

/** The storage refused a file the form signed for (too large after all, or the form expired). */
export class PhotoUploadError extends Error {
  override name = "PhotoUploadError";
  constructor(readonly status: number) {
    super(`the photo upload was refused with ${status}`);
  }
}

/** The photo as the reviews service serves it to this shopper (or to anyone), or its 404. */
export async function photoFor(key: string, shopper: Shopper | null): Promise<Response> {
  const authorization = shopper
    ? await bearerFor({ kind: "shopper", userId: shopper.id, email: shopper.email })
    : null;
  return reviewPhotoResponse(env.REVIEWS_URL, key, authorization);
}
