-- A system administrator may act on any person's account (npm run admin:grant).
-- AlterTable
ALTER TABLE "User" ADD COLUMN     "systemAdmin" BOOLEAN NOT NULL DEFAULT false;
