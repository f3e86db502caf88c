-- DropIndex
DROP INDEX "catalog"."outbox_sent_at_created_at_idx";

-- DropIndex
DROP INDEX "fulfillment"."outbox_sent_at_created_at_idx";

-- DropIndex
DROP INDEX "inventory"."outbox_sent_at_created_at_idx";

-- DropIndex
DROP INDEX "orders"."outbox_sent_at_created_at_idx";

-- DropIndex
DROP INDEX "payments"."outbox_sent_at_created_at_idx";

-- AlterTable
ALTER TABLE "catalog"."outbox" ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'event',
ADD COLUMN     "seq" BIGSERIAL NOT NULL;

-- AlterTable
ALTER TABLE "fulfillment"."outbox" ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'event',
ADD COLUMN     "seq" BIGSERIAL NOT NULL;

-- AlterTable
ALTER TABLE "inventory"."outbox" ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'event',
ADD COLUMN     "seq" BIGSERIAL NOT NULL;

-- AlterTable
ALTER TABLE "orders"."outbox" ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'event',
ADD COLUMN     "seq" BIGSERIAL NOT NULL;

-- AlterTable
ALTER TABLE "payments"."outbox" ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'event',
ADD COLUMN     "seq" BIGSERIAL NOT NULL;

-- CreateTable
CREATE TABLE "catalog"."processed_messages" (
    "message_id" TEXT NOT NULL,
    "processed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "processed_messages_pkey" PRIMARY KEY ("message_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "outbox_seq_key" ON "catalog"."outbox"("seq");

-- CreateIndex
CREATE INDEX "outbox_sent_at_seq_idx" ON "catalog"."outbox"("sent_at", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_seq_key" ON "fulfillment"."outbox"("seq");

-- CreateIndex
CREATE INDEX "outbox_sent_at_seq_idx" ON "fulfillment"."outbox"("sent_at", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_seq_key" ON "inventory"."outbox"("seq");

-- CreateIndex
CREATE INDEX "outbox_sent_at_seq_idx" ON "inventory"."outbox"("sent_at", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_seq_key" ON "orders"."outbox"("seq");

-- CreateIndex
CREATE INDEX "outbox_sent_at_seq_idx" ON "orders"."outbox"("sent_at", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_seq_key" ON "payments"."outbox"("seq");

-- CreateIndex
CREATE INDEX "outbox_sent_at_seq_idx" ON "payments"."outbox"("sent_at", "seq");

-- ───────── Outbox wake-up: every insert into an outbox NOTIFYs "<schema>_outbox" (once per statement),
-- so relays publish at once instead of polling. ─────────
CREATE FUNCTION public.emporium_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify(TG_TABLE_SCHEMA || '_outbox', '');
  RETURN NULL;
END
$$;

CREATE TRIGGER "outbox_notify" AFTER INSERT ON "catalog"."outbox" FOR EACH STATEMENT EXECUTE FUNCTION public.emporium_outbox_notify();
CREATE TRIGGER "outbox_notify" AFTER INSERT ON "inventory"."outbox" FOR EACH STATEMENT EXECUTE FUNCTION public.emporium_outbox_notify();
CREATE TRIGGER "outbox_notify" AFTER INSERT ON "orders"."outbox" FOR EACH STATEMENT EXECUTE FUNCTION public.emporium_outbox_notify();
CREATE TRIGGER "outbox_notify" AFTER INSERT ON "payments"."outbox" FOR EACH STATEMENT EXECUTE FUNCTION public.emporium_outbox_notify();
CREATE TRIGGER "outbox_notify" AFTER INSERT ON "fulfillment"."outbox" FOR EACH STATEMENT EXECUTE FUNCTION public.emporium_outbox_notify();
