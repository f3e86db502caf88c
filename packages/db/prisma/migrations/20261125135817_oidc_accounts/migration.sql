-- CreateTable
CREATE TABLE "identity"."oidc_accounts" (
    "issuer" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "oidc_accounts_pkey" PRIMARY KEY ("issuer","subject")
);

-- CreateIndex
CREATE INDEX "oidc_accounts_user_id_idx" ON "identity"."oidc_accounts"("user_id");

-- AddForeignKey
ALTER TABLE "identity"."oidc_accounts" ADD CONSTRAINT "oidc_accounts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "identity"."users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
