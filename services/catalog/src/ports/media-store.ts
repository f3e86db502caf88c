// What the media procedures need from the database: a product's images in order, and the writes that
// add, remove, reorder and describe them. Kept apart from CatalogAdminStore so media stays one unit.
// Each write records its audit event (domain/audit-records.ts) in the catalog's outbox in its own
// transaction, for the staff member `audit` names.
import type { AuditScope } from "@emporium/contracts";

export interface MediaItem {
  id: string;
  /** Object key of the image the storefront shows (served under /media/<key>). */
  key: string;
  url: string;
  alt: string;
  width: number;
  height: number;
  mimeType: string;
  position: number;
  optionValueId: string | null;
}

export interface NewMedia {
  id: string;
  productId: string;
  key: string;
  alt: string;
  width: number;
  height: number;
  mimeType: string;
  optionValueId: string | null;
}

export interface MediaStore {
  /** The product's slug (for keys and cache invalidation); throws NotFoundError for an unknown id. */
  productSlug(productId: string): Promise<string>;
  /** Whether the option value (e.g. Colour: Navy) belongs to this product. */
  hasOptionValue(productId: string, optionValueId: string): Promise<boolean>;
  list(productId: string): Promise<MediaItem[]>;
  /** Adds the image after the product's last one. */
  append(media: NewMedia, audit: AuditScope): Promise<MediaItem>;
  /** Deletes the row and returns it; throws NotFoundError when the product has no such image. */
  remove(productId: string, mediaId: string, audit: AuditScope): Promise<MediaItem>;
  /** Puts the product's images in this order; throws InvalidInputError unless `mediaIds` is exactly them. */
  reorder(productId: string, mediaIds: string[], audit: AuditScope): Promise<MediaItem[]>;
  /** Throws NotFoundError when the product has no such image. */
  setAlt(productId: string, mediaId: string, alt: string, audit: AuditScope): Promise<MediaItem>;
}
