-- CreateTable
CREATE TABLE "ClauseClient" (
    "clauseId" UUID NOT NULL,
    "clientId" BIGINT NOT NULL,
    "userId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClauseClient_pkey" PRIMARY KEY ("clauseId","clientId")
);

-- AddForeignKey
ALTER TABLE "ClauseClient" ADD CONSTRAINT "ClauseClient_clauseId_fkey" FOREIGN KEY ("clauseId") REFERENCES "Clause"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClauseClient" ADD CONSTRAINT "ClauseClient_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
