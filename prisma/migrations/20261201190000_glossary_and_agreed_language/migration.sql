-- AlterTable
ALTER TABLE "Proposal" ADD COLUMN     "citationId" UUID;

-- CreateTable
CREATE TABLE "GlossaryTerm" (
    "id" UUID NOT NULL,
    "instrumentId" UUID NOT NULL,
    "term" TEXT NOT NULL,
    "preferred" TEXT NOT NULL,
    "rationale" TEXT NOT NULL DEFAULT '',
    "source" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GlossaryTerm_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgreedLanguageEntry" (
    "id" UUID NOT NULL,
    "instrumentId" UUID NOT NULL,
    "source" TEXT NOT NULL,
    "article" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "topic" TEXT NOT NULL DEFAULT '',
    "paraphrase" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AgreedLanguageEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "GlossaryTerm_instrumentId_term_key" ON "GlossaryTerm"("instrumentId", "term");

-- CreateIndex
CREATE INDEX "AgreedLanguageEntry_instrumentId_idx" ON "AgreedLanguageEntry"("instrumentId");

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_citationId_fkey" FOREIGN KEY ("citationId") REFERENCES "AgreedLanguageEntry"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GlossaryTerm" ADD CONSTRAINT "GlossaryTerm_instrumentId_fkey" FOREIGN KEY ("instrumentId") REFERENCES "Instrument"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreedLanguageEntry" ADD CONSTRAINT "AgreedLanguageEntry_instrumentId_fkey" FOREIGN KEY ("instrumentId") REFERENCES "Instrument"("id") ON DELETE CASCADE ON UPDATE CASCADE;
