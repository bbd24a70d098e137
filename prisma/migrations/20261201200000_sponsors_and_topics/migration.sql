-- CreateEnum
CREATE TYPE "SponsorshipStatus" AS ENUM ('INVITED', 'ACCEPTED', 'DECLINED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationKind" ADD VALUE 'SPONSOR_INVITED';
ALTER TYPE "NotificationKind" ADD VALUE 'SPONSOR_ANSWERED';
ALTER TYPE "NotificationKind" ADD VALUE 'SPONSORED_REVISED';

-- AlterTable
ALTER TABLE "Proposal" ADD COLUMN     "onBehalfOf" TEXT;

-- CreateTable
CREATE TABLE "ProposalSponsorship" (
    "id" UUID NOT NULL,
    "proposalId" TEXT NOT NULL,
    "organizationId" UUID NOT NULL,
    "status" "SponsorshipStatus" NOT NULL DEFAULT 'INVITED',
    "invitedById" UUID NOT NULL,
    "answeredById" UUID,
    "fingerprint" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProposalSponsorship_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Topic" (
    "id" UUID NOT NULL,
    "instrumentId" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "Topic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClauseTopic" (
    "clauseId" UUID NOT NULL,
    "topicId" UUID NOT NULL,

    CONSTRAINT "ClauseTopic_pkey" PRIMARY KEY ("clauseId","topicId")
);

-- CreateIndex
CREATE INDEX "ProposalSponsorship_organizationId_idx" ON "ProposalSponsorship"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "ProposalSponsorship_proposalId_organizationId_key" ON "ProposalSponsorship"("proposalId", "organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "Topic_instrumentId_slug_key" ON "Topic"("instrumentId", "slug");

-- CreateIndex
CREATE INDEX "ClauseTopic_topicId_idx" ON "ClauseTopic"("topicId");

-- AddForeignKey
ALTER TABLE "ProposalSponsorship" ADD CONSTRAINT "ProposalSponsorship_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalSponsorship" ADD CONSTRAINT "ProposalSponsorship_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Topic" ADD CONSTRAINT "Topic_instrumentId_fkey" FOREIGN KEY ("instrumentId") REFERENCES "Instrument"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClauseTopic" ADD CONSTRAINT "ClauseTopic_clauseId_fkey" FOREIGN KEY ("clauseId") REFERENCES "Clause"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClauseTopic" ADD CONSTRAINT "ClauseTopic_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE CASCADE ON UPDATE CASCADE;
