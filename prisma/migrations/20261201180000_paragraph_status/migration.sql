-- CreateEnum
CREATE TYPE "ReopenRequestStatus" AS ENUM ('OPEN', 'REOPENED', 'DECLINED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationKind" ADD VALUE 'REOPEN_REQUESTED';
ALTER TYPE "NotificationKind" ADD VALUE 'REOPEN_ANSWERED';

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "reopenRequestId" UUID;

-- CreateTable
CREATE TABLE "ClauseProgress" (
    "clauseId" UUID NOT NULL,
    "paragraphs" INTEGER NOT NULL,
    "agreed" INTEGER NOT NULL,
    "adRef" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ClauseProgress_pkey" PRIMARY KEY ("clauseId")
);

-- CreateTable
CREATE TABLE "ReopenRequest" (
    "id" UUID NOT NULL,
    "clauseId" UUID NOT NULL,
    "paragraph" INTEGER,
    "quote" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "ReopenRequestStatus" NOT NULL DEFAULT 'OPEN',
    "organizationId" UUID NOT NULL,
    "requestedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answeredById" UUID,
    "answeredAt" TIMESTAMP(3),
    "answer" TEXT,

    CONSTRAINT "ReopenRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReopenRequest_clauseId_status_idx" ON "ReopenRequest"("clauseId", "status");

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_reopenRequestId_fkey" FOREIGN KEY ("reopenRequestId") REFERENCES "ReopenRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClauseProgress" ADD CONSTRAINT "ClauseProgress_clauseId_fkey" FOREIGN KEY ("clauseId") REFERENCES "Clause"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReopenRequest" ADD CONSTRAINT "ReopenRequest_clauseId_fkey" FOREIGN KEY ("clauseId") REFERENCES "Clause"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReopenRequest" ADD CONSTRAINT "ReopenRequest_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReopenRequest" ADD CONSTRAINT "ReopenRequest_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReopenRequest" ADD CONSTRAINT "ReopenRequest_answeredById_fkey" FOREIGN KEY ("answeredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
