-- CreateEnum
CREATE TYPE "inventory"."StockAdjustmentReason" AS ENUM ('received', 'damaged', 'lost', 'recount', 'returned', 'correction');

-- CreateTable
CREATE TABLE "inventory"."stock_adjustments" (
    "id" UUID NOT NULL,
    "location_id" UUID NOT NULL,
    "variant_id" UUID NOT NULL,
    "delta" INTEGER NOT NULL,
    "on_hand_after" INTEGER NOT NULL,
    "reason" "inventory"."StockAdjustmentReason" NOT NULL,
    "note" TEXT,
    "actor_id" UUID NOT NULL,
    "actor_email" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "stock_adjustments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "stock_adjustments_variant_id_created_at_idx" ON "inventory"."stock_adjustments"("variant_id", "created_at");

-- AddForeignKey
ALTER TABLE "inventory"."stock_adjustments" ADD CONSTRAINT "stock_adjustments_location_id_variant_id_fkey" FOREIGN KEY ("location_id", "variant_id") REFERENCES "inventory"."stock_levels"("location_id", "variant_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Prisma does not model CHECK constraints; these are written by hand. They back up the inventory
-- service's own validation: a threshold the admin can set, and a history that never shows negative stock.
ALTER TABLE "inventory"."stock_levels"
  ADD CONSTRAINT "stock_levels_low_stock_threshold_range" CHECK (low_stock_threshold BETWEEN 0 AND 100000);
ALTER TABLE "inventory"."stock_adjustments"
  ADD CONSTRAINT "stock_adjustments_on_hand_after_non_negative" CHECK (on_hand_after >= 0),
  ADD CONSTRAINT "stock_adjustments_note_length" CHECK (char_length(note) <= 500);
