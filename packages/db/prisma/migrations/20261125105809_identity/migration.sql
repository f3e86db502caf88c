-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "identity";

-- CreateEnum
CREATE TYPE "identity"."StaffRole" AS ENUM ('owner', 'manager', 'support');

-- CreateTable
CREATE TABLE "identity"."users" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT,
    "staff_role" "identity"."StaffRole",
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "last_sign_in_at" TIMESTAMPTZ(3),

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "identity"."users"("email");

-- CreateIndex
CREATE INDEX "users_staff_role_idx" ON "identity"."users"("staff_role");

-- Emails are stored lower-cased (the service does it; this keeps any other writer honest). Prisma does
-- not model CHECK constraints, so this one is written by hand.
ALTER TABLE "identity"."users" ADD CONSTRAINT "users_email_lower_check" CHECK ("email" = lower("email"));
