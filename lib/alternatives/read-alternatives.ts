// Reads an alternatives mark's attributes as the clause model reads everything: strictly. The
// mark names its set's id (a UUID) and nothing else; anything more makes the clause unreadable,
// so the guard refuses the update that wrote it.
import { ClauseUnreadable } from "@/lib/clause-model/clause-unreadable";
import { isUuid } from "@/lib/ids/uuid";

export function readAlternatives(value: unknown): string {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new ClauseUnreadable("alternatives without their attributes");
  const attrs = value as Record<string, unknown>;
  for (const key of Object.keys(attrs))
    if (key !== "id") throw new ClauseUnreadable(`alternatives with an unknown attribute "${key}"`);
  if (!isUuid(attrs.id)) throw new ClauseUnreadable('alternatives whose "id" is not an id');
  return attrs.id;
}
