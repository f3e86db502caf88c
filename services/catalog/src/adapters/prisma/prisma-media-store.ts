// Product images over Prisma. Writes that depend on the current positions lock the product row first,
// so two staff members adding or reordering images at once queue instead of interleaving.
import type { Database, Prisma } from "@emporium/db";
import { InvalidInputError, NotFoundError } from "@emporium/service-kit/errors";
import type { MediaItem, MediaStore, NewMedia } from "../../ports/media-store";
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

  async append(media: NewMedia): Promise<MediaItem> {
    return this.db.prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM catalog.products WHERE id = ${media.productId}::uuid FOR UPDATE`;
      const last = await tx.media.aggregate({
        where: { productId: media.productId },
        _max: { position: true },
      });
      const row = await tx.media.create({
        data: { ...media, position: (last._max.position ?? -1) + 1 },
        select,
      });
      return view(row);
    });
  }

  async remove(productId: string, mediaId: string): Promise<MediaItem> {
    return this.db.prisma.$transaction(async (tx) => {
      const row = await tx.media.findFirst({ where: { id: mediaId, productId }, select });
      if (!row) throw new NotFoundError(`No image ${mediaId} on this product`);
      await tx.media.delete({ where: { id: mediaId } });
      return view(row);
    });
  }

  async reorder(productId: string, mediaIds: string[]): Promise<MediaItem[]> {
    return this.db.prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM catalog.products WHERE id = ${productId}::uuid FOR UPDATE`;
      const current = await tx.media.findMany({ where: { productId }, select: { id: true } });
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
      return rows.map(view);
    });
  }

  async setAlt(productId: string, mediaId: string, alt: string): Promise<MediaItem> {
    const updated = await this.db.prisma.media.updateManyAndReturn({
      where: { id: mediaId, productId },
      data: { alt },
      select,
    });
    const row = updated[0];
    if (!row) throw new NotFoundError(`No image ${mediaId} on this product`);
    return view(row);
  }
}
