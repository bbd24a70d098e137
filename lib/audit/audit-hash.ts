// The hash that chains audit entries: SHA-256 over the previous entry's hash and a canonical
// form of this entry (keys sorted at every level), so the same entry always hashes the same
// however PostgreSQL's jsonb orders its keys.
import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

export type AuditFields = {
  at: Date;
  action: string;
  actorUserId: string | null;
  actorName: string | null;
  organizationId: string | null;
  organizationCode: string | null;
  instrumentId: string | null;
  targetType: string | null;
  targetId: string | null;
  details: unknown;
};

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

export function auditHash(previousHash: string, fields: AuditFields): string {
  const body = JSON.stringify(canonical({ ...fields, at: fields.at.toISOString(), previousHash }));
  return createHash("sha256").update(body).digest("hex");
}
