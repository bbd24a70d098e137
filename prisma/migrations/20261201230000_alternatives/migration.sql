-- CreateTable
CREATE TABLE "AlternativeSet" (
    "id" UUID NOT NULL,
    "clauseId" UUID NOT NULL,
    "createdById" UUID NOT NULL,
    "createdByName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "chosenAt" TIMESTAMP(3),
    "chosenOptionId" UUID,
    "chosenByName" TEXT,

    CONSTRAINT "AlternativeSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlternativeOption" (
    "id" UUID NOT NULL,
    "setId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "sponsorOrganizationId" UUID,
    "sponsorCode" TEXT,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AlternativeOption_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlternativeSupport" (
    "id" UUID NOT NULL,
    "setId" UUID NOT NULL,
    "optionId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "organizationCode" TEXT NOT NULL,
    "personName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AlternativeSupport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AlternativeSet_clauseId_chosenAt_idx" ON "AlternativeSet"("clauseId", "chosenAt");

-- CreateIndex
CREATE UNIQUE INDEX "AlternativeOption_setId_position_key" ON "AlternativeOption"("setId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "AlternativeSupport_setId_organizationId_key" ON "AlternativeSupport"("setId", "organizationId");

-- AddForeignKey
ALTER TABLE "AlternativeOption" ADD CONSTRAINT "AlternativeOption_setId_fkey" FOREIGN KEY ("setId") REFERENCES "AlternativeSet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlternativeSupport" ADD CONSTRAINT "AlternativeSupport_setId_fkey" FOREIGN KEY ("setId") REFERENCES "AlternativeSet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlternativeSupport" ADD CONSTRAINT "AlternativeSupport_optionId_fkey" FOREIGN KEY ("optionId") REFERENCES "AlternativeOption"("id") ON DELETE CASCADE ON UPDATE CASCADE;
