-- CreateEnum
CREATE TYPE "VersionTrigger" AS ENUM ('SAVED', 'STATUS_CHANGED', 'DECIDED');

-- CreateTable
CREATE TABLE "ClauseVersion" (
    "id" UUID NOT NULL,
    "clauseId" UUID NOT NULL,
    "instrumentVersionId" UUID,
    "name" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "trigger" "VersionTrigger" NOT NULL,
    "state" BYTEA NOT NULL,
    "agreed" JSONB NOT NULL,
    "openProposals" JSONB NOT NULL,
    "brackets" TEXT[],
    "status" "ClauseStatus" NOT NULL,
    "madeById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClauseVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InstrumentVersion" (
    "id" UUID NOT NULL,
    "instrumentId" UUID NOT NULL,
    "chapterId" UUID,
    "name" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "madeById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InstrumentVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ClauseVersion_clauseId_createdAt_idx" ON "ClauseVersion"("clauseId", "createdAt");

-- CreateIndex
CREATE INDEX "ClauseVersion_instrumentVersionId_idx" ON "ClauseVersion"("instrumentVersionId");

-- CreateIndex
CREATE INDEX "InstrumentVersion_instrumentId_createdAt_idx" ON "InstrumentVersion"("instrumentId", "createdAt");

-- AddForeignKey
ALTER TABLE "ClauseVersion" ADD CONSTRAINT "ClauseVersion_clauseId_fkey" FOREIGN KEY ("clauseId") REFERENCES "Clause"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClauseVersion" ADD CONSTRAINT "ClauseVersion_instrumentVersionId_fkey" FOREIGN KEY ("instrumentVersionId") REFERENCES "InstrumentVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClauseVersion" ADD CONSTRAINT "ClauseVersion_madeById_fkey" FOREIGN KEY ("madeById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InstrumentVersion" ADD CONSTRAINT "InstrumentVersion_instrumentId_fkey" FOREIGN KEY ("instrumentId") REFERENCES "Instrument"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InstrumentVersion" ADD CONSTRAINT "InstrumentVersion_madeById_fkey" FOREIGN KEY ("madeById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A version is immutable: what was cited stays what it was.
-- The body spells its semicolons and quotes as octal escapes: Prisma's schema engine splits scripts at semicolons.
CREATE FUNCTION "clausework_version_immutable"() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN RAISE EXCEPTION \047A version of a clause cannot be changed\047\073 END';
CREATE TRIGGER "ClauseVersion_no_update" BEFORE UPDATE ON "ClauseVersion"
  FOR EACH ROW EXECUTE FUNCTION "clausework_version_immutable"();
