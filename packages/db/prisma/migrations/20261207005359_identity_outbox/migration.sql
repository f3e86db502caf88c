-- CreateTable
CREATE TABLE "identity"."outbox" (
    "id" UUID NOT NULL,
    "seq" BIGSERIAL NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'event',
    "topic" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "aggregate_id" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "outbox_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "outbox_seq_key" ON "identity"."outbox"("seq");

-- CreateIndex
CREATE INDEX "outbox_sent_at_seq_idx" ON "identity"."outbox"("sent_at", "seq");

-- Prisma does not model triggers: like every other outbox, an insert NOTIFYs "identity_outbox" (once
-- per statement) through the function the outbox_relay migration made, so the relay publishes at once.
CREATE TRIGGER "outbox_notify" AFTER INSERT ON "identity"."outbox" FOR EACH STATEMENT EXECUTE FUNCTION public.emporium_outbox_notify();
