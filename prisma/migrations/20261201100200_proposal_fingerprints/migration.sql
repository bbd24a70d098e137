-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'PROPOSAL_REVISED';

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "proposalId" TEXT,
ALTER COLUMN "threadId" DROP NOT NULL,
ALTER COLUMN "commentId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Proposal" ADD COLUMN     "fingerprint" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "ProposalPosition" ADD COLUMN     "fingerprint" TEXT NOT NULL DEFAULT '';

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_clauseId_fkey" FOREIGN KEY ("clauseId") REFERENCES "Clause"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill: the fingerprint of the stored words of each proposal, exactly as
-- lib/clause-model/proposal-fingerprint.ts computes it (sha256 hex of JSON.stringify([kind,
-- insertedText, deletedText]), and to_json in PostgreSQL escapes text as JSON.stringify does).
-- Positions taken before fingerprints existed are taken as given on the words stored now.
UPDATE "Proposal" SET "fingerprint" = encode(sha256(convert_to(
  '[' || to_json("kind"::text)::text || ',' || to_json("insertedText")::text || ',' || to_json("deletedText")::text || ']',
  'UTF8')), 'hex');

UPDATE "ProposalPosition" AS position SET "fingerprint" = proposal."fingerprint"
FROM "Proposal" AS proposal WHERE proposal."id" = position."proposalId";
