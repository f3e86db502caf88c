// Product images over Prisma. Every write locks the product row first, so two staff members changing
// one product's images at once queue instead of interleaving, and each audit event records what its
// change really replaced.
import type { AuditScope } from "@emporium/contracts";
import type { Database, Prisma } from "@emporium/db";
import { InvalidInputError, NotFoundError } from "@emporium/service-kit/errors";
import {
  mediaAdded,
  mediaAltChanged,
  mediaRemoved,
  mediaReordered,
  type ImageFacts,
} from "../../domain/audit-records";
import type { MediaItem, MediaStore, NewMedia } from "../../ports/media-store";
import { lockProduct, recordAudit } from "./audit-outbox";
import { mediaUrl } from "./prisma-catalog-store";

const select = {
  id: true,
  key: true,
  alt: true,
  width: true,
  height: true,
  mimeType: true,
  position: true,
  optionValueId: true,
} as const;

type Row = Prisma.MediaGetPayload<{ select: typeof select }>;

const view = (r: Row): MediaItem => ({ ...r, url: mediaUrl(r.key) });

export class PrismaMediaStore implements MediaStore {
  constructor(private readonly db: Database) {}

  async productSlug(productId: string): Promise<string> {
    const p = await this.db.prisma.product.findUnique({ where: { id: productId }, select: { slug: true } });
    if (!p) throw new NotFoundError(`No product with id ${productId}`);
    return p.slug;
  }

  async hasOptionValue(productId: string, optionValueId: string): Promise<boolean> {
    const n = await this.db.prisma.productOptionValue.count({
      where: { id: optionValueId, option: { productId } },
    });
    return n > 0;
  }

  async list(productId: string): Promise<MediaItem[]> {
    const rows = await this.db.prisma.media.findMany({
      where: { productId },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select,
    });
    return rows.map(view);
  }

  async append(media: NewMedia, audit: AuditScope): Promise<MediaItem> {
    return this.db.prisma.$transaction(async (tx) => {
      const product = await lockProduct(tx, media.productId);
      if (!product) throw new NotFoundError(`No product with id ${media.productId}`);
      const last = await tx.media.aggregate({
        where: { productId: media.productId },
        _max: { position: true },
      });
      const row = await tx.media.create({
        data: { ...media, position: (last._max.position ?? -1) + 1 },
        select,
      });
      await recordAudit(tx, audit, mediaAdded(product, await imageFacts(tx, row)));
      return view(row);
    });
  }

  async remove(productId: string, mediaId: string, audit: AuditScope): Promise<MediaItem> {
    return this.db.prisma.$transaction(async (tx) => {
      const product = await lockProduct(tx, productId);
      const row = product && (await tx.media.findFirst({ where: { id: mediaId, productId }, select }));
      if (!product || !row) throw new NotFoundError(`No image ${mediaId} on this product`);
      await tx.media.delete({ where: { id: mediaId } });
      await recordAudit(tx, audit, mediaRemoved(product, await imageFacts(tx, row)));
      return view(row);
    });
  }

  async reorder(productId: string, mediaIds: string[], audit: AuditScope): Promise<MediaItem[]> {
    return this.db.prisma.$transaction(async (tx) => {
      const product = await lockProduct(tx, productId);
      if (!product) throw new NotFoundError(`No product with id ${productId}`);
      const current = await tx.media.findMany({
        where: { productId },
        orderBy: [{ position: "asc" }, { createdAt: "asc" }],
        select: { id: true },
      });
      const have = new Set(current.map((m) => m.id));
      if (
        new Set(mediaIds).size !== mediaIds.length ||
        mediaIds.length !== have.size ||
        !mediaIds.every((id) => have.has(id))
      )
        throw new InvalidInputError(
          "mediaIds",
          "must list each of the product's images exactly once (another change may have come first; reload)",
        );
      for (const [position, id] of mediaIds.entries())
        await tx.media.update({ where: { id }, data: { position } });
      const rows = await tx.media.findMany({ where: { productId }, orderBy: { position: "asc" }, select });
      await recordAudit(
        tx,
        audit,
        mediaReordered(
          product,
          current.map((m) => m.id),
          rows.map((r) => r.id),
        ),
      );
      return rows.map(view);
    });
  }

  async setAlt(productId: string, mediaId: string, alt: string, audit: AuditScope): Promise<MediaItem> {
    return this.db.prisma.$transaction(async (tx) => {
      const product = await lockProduct(tx, productId);
      const was = product && (await tx.media.findFirst({ where: { id: mediaId, productId }, select }));
      if (!product || !was) throw new NotFoundError(`No image ${mediaId} on this product`);
      const row = await tx.media.update({ where: { id: mediaId }, data: { alt }, select });
      await recordAudit(tx, audit, mediaAltChanged(product, mediaId, was.alt, row.alt));
      return view(row);
    });
  }
}

/** An image as the audit log names it: its address, description and the option value it shows. */
async function imageFacts(tx: Prisma.TransactionClient, row: Row): Promise<ImageFacts> {
  const value = row.optionValueId
    ? await tx.productOptionValue.findUnique({
        where: { id: row.optionValueId },
        select: { value: true, option: { select: { name: true } } },
      })
    : null;
  return {
    id: row.id,
    url: mediaUrl(row.key),
    alt: row.alt,
    option: value ? `${value.option.name}: ${value.value}` : null,
  };
}
