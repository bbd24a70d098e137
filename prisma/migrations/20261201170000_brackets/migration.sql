-- CreateTable
CREATE TABLE "Bracket" (
    "id" UUID NOT NULL,
    "clauseId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "organizationCode" TEXT NOT NULL,
    "personId" UUID NOT NULL,
    "personName" TEXT NOT NULL,
    "note" TEXT,
    "quote" TEXT NOT NULL,
    "placedAt" TIMESTAMP(3) NOT NULL,
    "detachedAt" TIMESTAMP(3),
    "removedAt" TIMESTAMP(3),
    "removedById" UUID,
    "removedByName" TEXT,

    CONSTRAINT "Bracket_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Bracket_clauseId_removedAt_idx" ON "Bracket"("clauseId", "removedAt");
