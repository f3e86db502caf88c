// Keeps the catalog's stock read model (variant.available, product.inStock) in step with inventory's
// `inventory.stock-changed.v1` events; idempotent through the catalog's processed-messages table.
import { readMessage, stockChangedV1 } from "@emporium/contracts";
import type { Database } from "@emporium/db";
import { claimMessage, type MessageHandler } from "@emporium/messaging";

export function stockChangedHandler(
  db: Database,
  onProductChanged: (slug: string) => Promise<void>,
): MessageHandler {
  return async (envelope) => {
    if (envelope.type !== stockChangedV1.type) return;
    const { data } = readMessage(envelope, stockChangedV1);
    const slug = await db.prisma.$transaction(async (tx) => {
      if (!(await claimMessage(tx, "catalog", envelope.id))) return null;
      const variant = await tx.variant.findUnique({
        where: { id: data.variantId },
        select: { productId: true },
      });
      if (!variant) return null;
      await tx.variant.update({ where: { id: data.variantId }, data: { available: data.available } });
      const rows = await tx.$queryRaw<{ slug: string }[]>`
        UPDATE catalog.products p
           SET in_stock = EXISTS (SELECT 1 FROM catalog.variants v WHERE v.product_id = p.id AND v.available > 0)
         WHERE p.id = ${variant.productId}::uuid
        RETURNING p.slug`;
      return rows[0]?.slug ?? null;
    });
    if (slug) await onProductChanged(slug);
  };
}
