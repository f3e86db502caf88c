// A staff change's audit event goes into the catalog's outbox inside the change's own transaction, so the
// audit log hears of exactly the changes that were committed. Also: a product's audited details, read
// the same way before and after a change so that only real differences are recorded.
import type { AuditRecord, AuditScope } from "@emporium/contracts";
import { prismaSession, type Prisma } from "@emporium/db";
import { auditMessage, enqueue } from "@emporium/messaging";
import { productFacts, type ProductFacts } from "../../domain/audit-records";

type Tx = Prisma.TransactionClient;

export async function recordAudit(tx: Tx, scope: AuditScope, record: AuditRecord): Promise<void> {
  await enqueue(prismaSession(tx), "catalog", [auditMessage(scope, record)]);
}

const productFactsSelect = {
  title: true,
  description: true,
  status: true,
  primaryCategoryId: true,
  brand: { select: { name: true } },
  categories: { select: { category: { select: { id: true, path: true } } } },
  attributes: {
    select: { attributeValue: { select: { value: true, attribute: { select: { name: true } } } } },
  },
} as const satisfies Prisma.ProductSelect;

/** The product's audited details; null for an unknown id. */
export async function readProductFacts(tx: Tx, id: string): Promise<ProductFacts | null> {
  const row = await tx.product.findUnique({ where: { id }, select: productFactsSelect });
  return row ? productFacts(row) : null;
}

/** Locks the product row for the rest of the transaction and returns its title; null for an unknown id. */
export async function lockProduct(tx: Tx, id: string): Promise<{ id: string; title: string } | null> {
  const rows = await tx.$queryRaw<{ title: string }[]>`
    SELECT title FROM catalog.products WHERE id = ${id}::uuid FOR UPDATE`;
  const title = rows[0]?.title;
  return title === undefined ? null : { id, title };
}
