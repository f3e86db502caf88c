-- AlterTable
ALTER TABLE "catalog"."products" ADD COLUMN     "rating_average" DECIMAL(3,2),
ADD COLUMN     "rating_count" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "products_status_rating_average_idx" ON "catalog"."products"("status", "rating_average");

-- Prisma does not model CHECK constraints: a summary the reviews service could never send is refused.
ALTER TABLE "catalog"."products"
  ADD CONSTRAINT "products_rating_range" CHECK (
    (rating_count = 0 AND rating_average IS NULL)
    OR (rating_count > 0 AND rating_average BETWEEN 1 AND 5)
  );
