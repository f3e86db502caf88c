-- AlterTable
ALTER TABLE "identity"."users" ADD COLUMN     "email_confirmed_at" TIMESTAMPTZ(3);

-- Accounts made before confirmation existed could already sign in: they stay able to.
UPDATE "identity"."users" SET "email_confirmed_at" = "created_at";

-- CreateTable
CREATE TABLE "identity"."email_confirmations" (
    "token_hash" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "email_confirmations_pkey" PRIMARY KEY ("token_hash")
);

-- CreateIndex
CREATE INDEX "email_confirmations_user_id_idx" ON "identity"."email_confirmations"("user_id");

-- AddForeignKey
ALTER TABLE "identity"."email_confirmations" ADD CONSTRAINT "email_confirmations_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "identity"."users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
