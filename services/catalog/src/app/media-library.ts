// Product images from upload to storefront. Staff get a signed form to send the file straight to
// storage under a staging key; `complete` then reads it back, decides from its bytes whether it is an
// acceptable image, stores WebP variants under the product and records the Media row. Whatever refuses
// or fails along the way, the staged file and every variant written so far are deleted again.
import { randomUUID } from "node:crypto";
import type { AuditScope } from "@emporium/contracts";
import type { Logger } from "@emporium/observability";
import { canSweep, type ObjectStore, type UploadTarget } from "@emporium/storage";
import { imageRefusals, type ImageType } from "@emporium/storage/images";
import { InvalidInputError } from "@emporium/service-kit/errors";
import {
  ABANDONED_UPLOAD_AGE_MS,
  ImageRefusedError,
  MAX_IMAGE_BYTES,
  objectKeysOf,
  PRODUCT_IMAGE_LIMITS,
  refusals,
  STAGING_PREFIX,
  stagingKey,
  UPLOAD_EXPIRY_SECONDS,
  variantKey,
} from "../domain/media-rules";
import type { ImageProcessor } from "../ports/image-processor";
import type { MediaItem, MediaStore } from "../ports/media-store";

export interface MediaLibraryDeps {
  /** Where staged uploads land and variants are stored (the store /media serves). */
  objects: ObjectStore;
  uploads: UploadTarget;
  store: MediaStore;
  /** Reads uploads and renders their stored forms (sharp in the service). */
  images: ImageProcessor;
  log: Logger;
}

export interface UploadForm {
  key: string;
  url: string;
  fields: Record<string, string>;
  expiresAt: string;
  maxBytes: number;
}

export class MediaLibrary {
  constructor(private readonly d: MediaLibraryDeps) {}

  list(productId: string): Promise<MediaItem[]> {
    return this.d.store.list(productId);
  }

  async createUpload(input: {
    productId: string;
    contentType: ImageType;
    size: number;
  }): Promise<UploadForm> {
    await this.d.store.productSlug(input.productId); // an unknown product is refused before anything is signed
    if (input.size > MAX_IMAGE_BYTES)
      throw new ImageRefusedError(imageRefusals.tooLarge(input.size, PRODUCT_IMAGE_LIMITS));
    const key = stagingKey(randomUUID());
    const form = await this.d.uploads.createPresignedUpload(key, {
      contentType: input.contentType,
      minBytes: 1,
      maxBytes: MAX_IMAGE_BYTES,
      expiresInSeconds: UPLOAD_EXPIRY_SECONDS,
    });
    return { key, ...form, maxBytes: MAX_IMAGE_BYTES };
  }

  async complete(
    input: {
      productId: string;
      key: string;
      alt: string;
      optionValueId: string | null;
    },
    audit: AuditScope,
  ): Promise<{ slug: string; media: MediaItem }> {
    const written: string[] = [];
    try {
      const slug = await this.d.store.productSlug(input.productId);
      if (input.optionValueId && !(await this.d.store.hasOptionValue(input.productId, input.optionValueId)))
        throw new InvalidInputError("optionValueId", "is not one of this product's option values");
      const staged = await this.d.objects.get(input.key);
      if (!staged) throw refusals.missing();
      const image = await this.d.images.inspect(staged.body);
      const variants = await this.d.images.renderVariants(staged.body, image);
      const id = randomUUID();
      for (const v of variants) {
        const key = variantKey(slug, id, v.nominalWidth);
        written.push(key);
        await this.d.objects.put(key, v.body, "image/webp");
      }
      const [shown] = variants;
      const [shownKey] = written;
      if (!shown || !shownKey) throw new Error("no image variant was rendered");
      const media = await this.d.store.append(
        {
          id,
          productId: input.productId,
          key: shownKey,
          alt: input.alt,
          width: shown.width,
          height: shown.height,
          mimeType: "image/webp",
          optionValueId: input.optionValueId,
        },
        audit,
      );
      await this.discard([input.key]);
      return { slug, media };
    } catch (err) {
      await this.discard([input.key, ...written]);
      throw err;
    }
  }

  async remove(productId: string, mediaId: string, audit: AuditScope): Promise<{ slug: string }> {
    const slug = await this.d.store.productSlug(productId);
    // The row goes first: from then on nothing links to the files, so a failed delete only leaves litter.
    const removed = await this.d.store.remove(productId, mediaId, audit);
    await this.discard(objectKeysOf(removed.key));
    return { slug };
  }

  async reorder(
    productId: string,
    mediaIds: string[],
    audit: AuditScope,
  ): Promise<{ slug: string; media: MediaItem[] }> {
    const slug = await this.d.store.productSlug(productId);
    return { slug, media: await this.d.store.reorder(productId, mediaIds, audit) };
  }

  async setAlt(
    productId: string,
    mediaId: string,
    alt: string,
    audit: AuditScope,
  ): Promise<{ slug: string; media: MediaItem }> {
    const slug = await this.d.store.productSlug(productId);
    return { slug, media: await this.d.store.setAlt(productId, mediaId, alt, audit) };
  }

  /** Deletes staged uploads that were never completed; returns how many (0 when the store cannot list). */
  async sweepAbandonedUploads(now = new Date()): Promise<number> {
    if (!canSweep(this.d.objects)) return 0;
    const swept = await this.d.objects.deleteOlderThan(
      STAGING_PREFIX,
      new Date(now.getTime() - ABANDONED_UPLOAD_AGE_MS),
    );
    if (swept > 0) this.d.log.info({ swept }, "abandoned media uploads deleted");
    return swept;
  }

  private async discard(keys: string[]): Promise<void> {
    for (const key of keys)
      try {
        await this.d.objects.delete(key);
      } catch (err) {
        this.d.log.warn({ err, key }, "could not delete a media object; it is left behind unused");
      }
  }
}
