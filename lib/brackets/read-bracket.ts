// Reads a bracket mark's attributes as the clause model does everything else: strictly. A
// bracket names its id, its delegation (id and code), the person who placed it, when (ISO) and
// an optional note — all text, the ids UUIDs, the time a real one; anything else makes the
// clause unreadable, so the server refuses the update that wrote it (lib/proposals/clause-guard.ts).
import type { BracketOnWords } from "@/lib/clause-model/clause-model";
import { ClauseUnreadable } from "@/lib/clause-model/clause-unreadable";
import { BRACKET, BRACKET_ATTRS } from "@/lib/editor/schema-names";
import { isUuid } from "@/lib/ids/uuid";

/** Notes are short reasons, not documents. */
export const MAX_BRACKET_NOTE = 500;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/** Brackets may overlap, so y-tiptap stores each under `bracket--<hash>`. */
export function isBracketKey(key: string): boolean {
  return key === BRACKET || (key.startsWith(`${BRACKET}--`) && key.length > BRACKET.length + 2);
}

const checked = new WeakMap<object, BracketOnWords>();

export function readBracket(value: unknown): BracketOnWords {
  if (typeof value === "object" && value !== null) {
    const known = checked.get(value);
    if (known) return known;
  }
  const bracket = strictly(value);
  checked.set(value as object, bracket);
  return bracket;
}

function strictly(value: unknown): BracketOnWords {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new ClauseUnreadable("a bracket without its attributes");
  const attrs = value as Record<string, unknown>;
  for (const key of Object.keys(attrs))
    if (!(BRACKET_ATTRS as readonly string[]).includes(key))
      throw new ClauseUnreadable(`a bracket with an unknown attribute "${key}"`);
  for (const key of ["id", "organizationId", "personId"] as const)
    if (!isUuid(attrs[key])) throw new ClauseUnreadable(`a bracket whose "${key}" is not an id`);
  for (const key of ["organizationCode", "personName"] as const)
    if (typeof attrs[key] !== "string" || attrs[key] === "")
      throw new ClauseUnreadable(`a bracket without its "${key}"`);
  if (typeof attrs.at !== "string" || !ISO_TIME.test(attrs.at) || Number.isNaN(Date.parse(attrs.at)))
    throw new ClauseUnreadable("a bracket whose time is not a time");
  const note = attrs.note ?? null;
  if (note !== null && (typeof note !== "string" || note.length > MAX_BRACKET_NOTE))
    throw new ClauseUnreadable("a bracket whose note is not a short text");
  return {
    id: attrs.id as string,
    organizationId: attrs.organizationId as string,
    organizationCode: attrs.organizationCode as string,
    personId: attrs.personId as string,
    personName: attrs.personName as string,
    at: attrs.at,
    note,
  };
}
