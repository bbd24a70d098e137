-- CreateTable
CREATE TABLE "AuditAnchor" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "entries" BIGINT NOT NULL,
    "lastId" BIGINT NOT NULL,
    "lastHash" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditAnchor_pkey" PRIMARY KEY ("id")
);

-- The anchor starts where the trail already ends (the genesis hash for an empty trail).
INSERT INTO "AuditAnchor" ("id", "entries", "lastId", "lastHash")
SELECT 1, count(*), coalesce(max("id"), 0), coalesce((SELECT "hash" FROM "AuditEvent" ORDER BY "id" DESC LIMIT 1), repeat('0', 64))
FROM "AuditEvent";

-- The anchor only moves forward, and is never removed, from the application's connection.
-- The body spells its semicolons and quotes as octal escapes: Prisma's schema engine splits scripts at semicolons.
CREATE FUNCTION "clausework_audit_anchor_forward_only"() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN IF NEW.entries < OLD.entries OR NEW.\042lastId\042 < OLD.\042lastId\042 THEN RAISE EXCEPTION \047The audit anchor only moves forward\047\073 END IF\073 RETURN NEW\073 END';
CREATE TRIGGER "AuditAnchor_forward_only" BEFORE UPDATE ON "AuditAnchor"
  FOR EACH ROW EXECUTE FUNCTION "clausework_audit_anchor_forward_only"();
CREATE TRIGGER "AuditAnchor_no_delete" BEFORE DELETE ON "AuditAnchor"
  FOR EACH ROW EXECUTE FUNCTION "clausework_audit_append_only"();
CREATE TRIGGER "AuditAnchor_no_truncate" BEFORE TRUNCATE ON "AuditAnchor"
  FOR EACH STATEMENT EXECUTE FUNCTION "clausework_audit_append_only"();
