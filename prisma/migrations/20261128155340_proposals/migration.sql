-- CreateEnum
CREATE TYPE "ProposalKind" AS ENUM ('INSERTION', 'DELETION', 'REPLACEMENT');

-- CreateEnum
CREATE TYPE "ProposalStatus" AS ENUM ('OPEN', 'ACCEPTED', 'REJECTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ProposalStance" AS ENUM ('SUPPORTS', 'OPPOSES', 'RESERVES');

-- CreateTable
CREATE TABLE "Proposal" (
    "id" TEXT NOT NULL,
    "clauseId" UUID NOT NULL,
    "kind" "ProposalKind" NOT NULL,
    "insertedText" TEXT NOT NULL DEFAULT '',
    "deletedText" TEXT NOT NULL DEFAULT '',
    "contextBefore" TEXT NOT NULL DEFAULT '',
    "contextAfter" TEXT NOT NULL DEFAULT '',
    "authorId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "status" "ProposalStatus" NOT NULL DEFAULT 'OPEN',
    "proposedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "Proposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProposalDecision" (
    "id" UUID NOT NULL,
    "proposalId" TEXT NOT NULL,
    "outcome" "ProposalStatus" NOT NULL,
    "reason" TEXT,
    "decidedById" UUID NOT NULL,
    "insertedText" TEXT NOT NULL,
    "deletedText" TEXT NOT NULL,
    "resultingText" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProposalDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProposalPosition" (
    "id" UUID NOT NULL,
    "proposalId" TEXT NOT NULL,
    "organizationId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "stance" "ProposalStance" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProposalPosition_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Proposal_clauseId_status_idx" ON "Proposal"("clauseId", "status");

-- CreateIndex
CREATE INDEX "ProposalDecision_proposalId_idx" ON "ProposalDecision"("proposalId");

-- CreateIndex
CREATE UNIQUE INDEX "ProposalPosition_proposalId_organizationId_key" ON "ProposalPosition"("proposalId", "organizationId");

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_clauseId_fkey" FOREIGN KEY ("clauseId") REFERENCES "Clause"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalDecision" ADD CONSTRAINT "ProposalDecision_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalDecision" ADD CONSTRAINT "ProposalDecision_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalPosition" ADD CONSTRAINT "ProposalPosition_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalPosition" ADD CONSTRAINT "ProposalPosition_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalPosition" ADD CONSTRAINT "ProposalPosition_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
