-- AlterTable
ALTER TABLE "identity"."users" ADD COLUMN     "session_version" INTEGER NOT NULL DEFAULT 0;
