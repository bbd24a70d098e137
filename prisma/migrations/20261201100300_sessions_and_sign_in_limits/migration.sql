-- AlterTable
ALTER TABLE "User" ADD COLUMN     "sessionVersion" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "SignInRefusal" (
    "email" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "refused" INTEGER NOT NULL DEFAULT 1,
    "lastAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignInRefusal_pkey" PRIMARY KEY ("email","address","rule","windowStart")
);

-- CreateIndex
CREATE INDEX "SignInRefusal_windowStart_idx" ON "SignInRefusal"("windowStart");

-- CreateIndex
CREATE INDEX "SignInAttempt_email_address_createdAt_idx" ON "SignInAttempt"("email", "address", "createdAt");

-- CreateIndex
CREATE INDEX "SignInAttempt_createdAt_idx" ON "SignInAttempt"("createdAt");

