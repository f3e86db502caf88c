-- DropIndex
DROP INDEX "fulfillment"."shipments_status_idx";

-- AlterTable
ALTER TABLE "fulfillment"."shipments" ADD COLUMN     "delivered_at" TIMESTAMPTZ(3),
ADD COLUMN     "next_step_at" TIMESTAMPTZ(3),
ADD COLUMN     "order_number" TEXT NOT NULL,
ADD COLUMN     "shipped_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "inventory"."reservations" ADD COLUMN     "reason" TEXT;

-- AlterTable
ALTER TABLE "orders"."carts" ADD COLUMN     "converted_order_id" UUID;

-- AlterTable
ALTER TABLE "orders"."orders" ADD COLUMN     "carrier" TEXT,
ADD COLUMN     "payment_token" TEXT,
ADD COLUMN     "saga" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "tracking_number" TEXT;

-- CreateTable
CREATE TABLE "orders"."order_timeline" (
    "id" UUID NOT NULL,
    "seq" BIGSERIAL NOT NULL,
    "order_id" UUID NOT NULL,
    "status" "orders"."OrderStatus" NOT NULL,
    "code" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "order_timeline_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "order_timeline_seq_key" ON "orders"."order_timeline"("seq");

-- CreateIndex
CREATE INDEX "order_timeline_order_id_seq_idx" ON "orders"."order_timeline"("order_id", "seq");

-- CreateIndex
CREATE INDEX "shipments_status_next_step_at_idx" ON "fulfillment"."shipments"("status", "next_step_at");

-- AddForeignKey
ALTER TABLE "orders"."order_timeline" ADD CONSTRAINT "order_timeline_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"."orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ───────── Not modelled by Prisma ─────────

-- Stock can never go below zero, whatever code runs: the database refuses it.
ALTER TABLE "inventory"."stock_levels"
  ADD CONSTRAINT "stock_levels_on_hand_non_negative" CHECK (on_hand >= 0),
  ADD CONSTRAINT "stock_levels_reserved_non_negative" CHECK (reserved >= 0),
  ADD CONSTRAINT "stock_levels_available_non_negative" CHECK (available >= 0);
ALTER TABLE "inventory"."reservation_lines" ADD CONSTRAINT "reservation_lines_quantity_positive" CHECK (quantity > 0);

-- Every timeline entry wakes the order's live status streams (payload: the order id).
CREATE FUNCTION "orders"."order_timeline_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('orders_order_changed', NEW.order_id::text);
  RETURN NULL;
END
$$;

CREATE TRIGGER "order_timeline_notify" AFTER INSERT ON "orders"."order_timeline"
  FOR EACH ROW EXECUTE FUNCTION "orders"."order_timeline_notify"();
