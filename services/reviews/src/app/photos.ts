// A review's photos, on the object-storage machinery the catalog's product images use: the shopper gets
// a signed form (S3 presigned POST, or the embedded store's signed form to this service's /uploads) to
// send one photo under a staging key issued to her alone; when the review is written or edited, each
// new photo is read back, judged from its bytes by the shared image checks the product images follow
// (@emporium/storage/images: a real JPEG, PNG, WebP or AVIF within the size limits) and stored as WebP variants under the review. Keys not issued to the
// caller, missing uploads and refused images are 400s naming the photo; whatever a refused attempt
// wrote or staged is deleted again, so nothing is stored.
import { createHash, randomUUID } from "node:crypto";
import {
  DEFAULT_IMAGE_LIMITS,
  ImageRefusedError,
  inspectImage,
  renderWebpVariants,
  type ImageType,
  type ImageVariant,
  type InspectedImage,
} from "@emporium/storage/images";
import type { Logger } from "@emporium/observability";
import { InvalidInputError } from "@emporium/service-kit/errors";
import { canSweep, type ObjectStore, type StoredObject, type UploadTarget } from "@emporium/storage";
import {
  ABANDONED_PHOTO_AGE_MS,
  MAX_PHOTO_BYTES,
  objectKeysOfPhoto,
  photoKey,
  PHOTO_UPLOAD_EXPIRY_SECONDS,
  PHOTO_WIDTHS,
  stagedKey,
  stagedOwner,
  STAGING_PREFIX,
} from "../domain/photos";
import type { ReviewPhoto } from "../domain/types";

/** What is asked of an image library: what a file really is, and its stored forms. */
export interface ImageChecks {
  /** Throws ImageRefusedError for anything but an acceptable image. */
  inspect(body: Buffer): Promise<InspectedImage>;
  render(body: Buffer, image: InspectedImage, widths: readonly number[]): Promise<ImageVariant[]>;
}

/** The shared checks (sharp and file-type), with a photo's own size limit. */
export const sharpImageChecks: ImageChecks = {
  inspect: (body) => inspectImage(body, { ...DEFAULT_IMAGE_LIMITS, maxBytes: MAX_PHOTO_BYTES }),
  render: (body, image, widths) => renderWebpVariants(body, image, widths),
};

export interface ReviewPhotosDeps {
  /** Where staged uploads land and checked photos are kept (S3, or the local folder). */
  objects: ObjectStore;
  /** Signs the browser's (or the storefront's) upload of one photo. */
  uploads: UploadTarget;
  /** Judges uploads by their bytes and renders their WebP forms. */
  images: ImageChecks;
  log: Logger;
}

export interface PhotoUploadForm {
  /** Send this back in the review's `photos` once the upload is done. */
  key: string;
  url: string;
  fields: Record<string, string>;
  expiresAt: string;
  maxBytes: number;
}

/** A photo as the review's author chose it: an uploaded key (or one the review has), and what it shows. */
export interface PhotoChoice {
  key: string;
  alt: string;
}

export interface AttachedPhotos {
  photos: ReviewPhoto[];
  /** The review's photos no longer chosen: their objects go once the review is saved. */
  removed: ReviewPhoto[];
  /** Objects written for the new photos: deleted again if the review is not saved. */
  written: string[];
  /** The staged uploads taken: deleted once the review is saved (or refused). */
  staged: string[];
}

/** Names a shopper in her staging keys without putting her account id into a URL. */
export function shopperDigest(customerId: string): string {
  return createHash("sha256").update(`emporium-review-photos:${customerId}`).digest("hex").slice(0, 32);
}

const NOT_ISSUED =
  "was not issued to you: upload the photo with the review form and send the key its upload gave";

export class ReviewPhotos {
  constructor(private readonly d: ReviewPhotosDeps) {}

  get description(): string {
    return `${this.d.objects.description}; ${this.d.uploads.description}`;
  }

  /** A signed form for one photo, under a staging key only this shopper can attach to her review. */
  async createUpload(
    customerId: string,
    input: { contentType: ImageType; size: number },
  ): Promise<PhotoUploadForm> {
    const key = stagedKey(shopperDigest(customerId), randomUUID());
    const form = await this.d.uploads.createPresignedUpload(key, {
      contentType: input.contentType,
      minBytes: 1,
      maxBytes: MAX_PHOTO_BYTES,
      expiresInSeconds: PHOTO_UPLOAD_EXPIRY_SECONDS,
    });
    return { key, ...form, maxBytes: MAX_PHOTO_BYTES };
  }

  /**
   * The photos review `reviewId` is to have: those of `current` still chosen (with their new text) and
   * the chosen uploads, checked and stored. Throws a 400 naming the photo for a key not issued to this
   * shopper, an upload that is not there, or a file that is not an acceptable image — and then nothing
   * it wrote or took stays behind.
   */
  async attach(
    customerId: string,
    reviewId: string,
    current: readonly ReviewPhoto[],
    chosen: readonly PhotoChoice[],
  ): Promise<AttachedPhotos> {
    const mine = shopperDigest(customerId);
    const seen = new Set<string>();
    // Every key is judged before any object is read or written.
    const plan = chosen.map((choice, i) => {
      const field = `photos.${i}.key`;
      if (seen.has(choice.key)) throw new InvalidInputError(field, "names a photo already in the list");
      seen.add(choice.key);
      const kept = current.find((p) => p.key === choice.key);
      if (kept) return { kind: "kept" as const, photo: { ...kept, alt: choice.alt } };
      if (stagedOwner(choice.key) !== mine) throw new InvalidInputError(field, NOT_ISSUED);
      return { kind: "new" as const, key: choice.key, alt: choice.alt, index: i };
    });
    const staged = plan.flatMap((p) => (p.kind === "new" ? [p.key] : []));
    const written: string[] = [];
    try {
      const photos: ReviewPhoto[] = [];
      for (const step of plan) {
        if (step.kind === "kept") photos.push(step.photo);
        else photos.push(await this.store(reviewId, step, written));
      }
      const keys = new Set(photos.map((p) => p.key));
      return { photos, removed: current.filter((p) => !keys.has(p.key)), written, staged };
    } catch (err) {
      await this.discard([...written, ...staged]);
      throw err;
    }
  }

  /** One staged upload, checked by its bytes and stored as the review's WebP variants. */
  private async store(
    reviewId: string,
    step: { key: string; alt: string; index: number },
    written: string[],
  ): Promise<ReviewPhoto> {
    const field = `photos.${step.index}`;
    const upload = await this.d.objects.get(step.key);
    if (!upload)
      throw new InvalidInputError(
        `${field}.key`,
        "no uploaded photo waits under this key: it expired or was used already; upload it again",
      );
    const image = await this.checked(upload, field, step.index);
    let variants;
    try {
      variants = await this.d.images.render(upload.body, image, PHOTO_WIDTHS);
    } catch (err) {
      throw this.refusal(err, field, step.index);
    }
    const photoId = randomUUID();
    let largest: ReviewPhoto | null = null;
    for (const v of variants) {
      const width = PHOTO_WIDTHS.find((w) => w === v.nominalWidth);
      if (!width) continue;
      const key = photoKey(reviewId, photoId, width);
      written.push(key);
      await this.d.objects.put(key, v.body, "image/webp");
      if (width === PHOTO_WIDTHS[0]) largest = { key, alt: step.alt, width: v.width, height: v.height };
    }
    if (!largest) throw new Error("no photo variant was rendered");
    return largest;
  }

  private async checked(upload: StoredObject, field: string, index: number) {
    // The storage's own limit held the upload to this already; checked again whatever stored it.
    if (upload.size > MAX_PHOTO_BYTES)
      throw new InvalidInputError(
        field,
        `photo ${index + 1}: the photo is larger than ${MAX_PHOTO_BYTES / (1024 * 1024)} MB; make it smaller and upload it again`,
      );
    try {
      return await this.d.images.inspect(upload.body);
    } catch (err) {
      throw this.refusal(err, field, index);
    }
  }

  private refusal(err: unknown, field: string, index: number): unknown {
    return err instanceof ImageRefusedError
      ? new InvalidInputError(field, `photo ${index + 1}: ${err.message}`)
      : err;
  }

  /** A stored photo's bytes (any of its widths), or null. */
  read(key: string): Promise<StoredObject | null> {
    return this.d.objects.get(key);
  }

  /** The objects of photos a review no longer has, and staged uploads used or refused. */
  async discard(keys: readonly string[]): Promise<void> {
    for (const key of keys)
      try {
        await this.d.objects.delete(key);
      } catch (err) {
        this.d.log.warn({ err, key }, "could not delete a review photo object; it is left behind unused");
      }
  }

  /** Deletes every stored form of these photos. */
  discardPhotos(photos: readonly ReviewPhoto[]): Promise<void> {
    return this.discard(photos.flatMap(objectKeysOfPhoto));
  }

  /** Deletes staged uploads no review took; returns how many (0 when the store cannot list). */
  async sweepAbandonedUploads(now = new Date()): Promise<number> {
    if (!canSweep(this.d.objects)) return 0;
    const swept = await this.d.objects.deleteOlderThan(
      STAGING_PREFIX,
      new Date(now.getTime() - ABANDONED_PHOTO_AGE_MS),
    );
    if (swept > 0) this.d.log.info({ swept }, "abandoned review photo uploads deleted");
    return swept;
  }
}
