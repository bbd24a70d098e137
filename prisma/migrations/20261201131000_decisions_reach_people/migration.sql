
-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationKind" ADD VALUE 'PROPOSAL_DECIDED';
ALTER TYPE "NotificationKind" ADD VALUE 'DECISION_UNDONE';

-- AlterTable
ALTER TABLE "CommentThread" ADD COLUMN     "closedByDecisionId" UUID,
ADD COLUMN     "closedOnWithdrawal" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "chairDecisionId" UUID;

-- AlterTable
ALTER TABLE "ProposalDecision" ADD COLUMN     "chairDecisionId" UUID;

-- CreateTable
CREATE TABLE "ChairDecision" (
    "id" UUID NOT NULL,
    "clauseId" UUID NOT NULL,
    "decidedById" UUID NOT NULL,
    "outcome" "ProposalStatus" NOT NULL,
    "reason" TEXT,
    "proposalIds" TEXT[],
    "undoUpdate" BYTEA NOT NULL,
    "touched" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "undoneAt" TIMESTAMP(3),
    "undoneById" UUID,

    CONSTRAINT "ChairDecision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ChairDecision_clauseId_createdAt_idx" ON "ChairDecision"("clauseId", "createdAt");

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_chairDecisionId_fkey" FOREIGN KEY ("chairDecisionId") REFERENCES "ChairDecision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalDecision" ADD CONSTRAINT "ProposalDecision_chairDecisionId_fkey" FOREIGN KEY ("chairDecisionId") REFERENCES "ChairDecision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChairDecision" ADD CONSTRAINT "ChairDecision_clauseId_fkey" FOREIGN KEY ("clauseId") REFERENCES "Clause"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChairDecision" ADD CONSTRAINT "ChairDecision_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChairDecision" ADD CONSTRAINT "ChairDecision_undoneById_fkey" FOREIGN KEY ("undoneById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
