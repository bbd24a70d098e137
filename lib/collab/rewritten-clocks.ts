// Structs that claim a place the clause already holds, with other words.
//
// Why: a Yjs struct is named by (client id, clock), and Yjs keeps the first struct it gets at a
// name: a later one at clocks already stored is dropped without a word. Two writers under one
// client id — only a modified client does this, e.g. one person's second tab set to the first's
// id, both theirs so ownership lets them pass — each get "Saved" while the second one's words at
// those clocks are in nobody's copy. An honest client only ever sends again exactly what it sent
// before (a reconnect's sync racing an update still in flight on the old socket): the same
// content, at the same place. So a struct below the stored clock of its client is refused unless
// it is, unit for unit, what is stored; words deleted on either side since compare as equal
// (their content is gone, and gone either way).
import * as Y from "yjs";

type Id = { client: number; clock: number } | null;
type Struct = Y.Item | Y.GC;

const idKey = (id: Id) => (id ? `${id.client}:${id.clock}` : "");

/** The unit of content at `offset` in an item, as a comparable string. */
function unitOf(content: Y.Item["content"], offset: number): string {
  if (content instanceof Y.ContentString) return `s${content.str[offset]}`;
  if (content instanceof Y.ContentAny) return `a${JSON.stringify(content.arr[offset])}`;
  if (content instanceof Y.ContentJSON) return `j${JSON.stringify(content.arr[offset])}`;
  if (content instanceof Y.ContentEmbed) return `e${JSON.stringify(content.embed)}`;
  if (content instanceof Y.ContentFormat) return `f${content.key}=${JSON.stringify(content.value)}`;
  if (content instanceof Y.ContentBinary) return `b${Array.from(content.content).join(",")}`;
  if (content instanceof Y.ContentDoc) return `d${content.doc?.guid}`;
  if (content instanceof Y.ContentType) {
    const type = content.type as { nodeName?: string; constructor: { name: string } };
    return `t${content.getRef()}:${type.nodeName ?? ""}`;
  }
  return `?${content.constructor.name}`;
}

const isGone = (struct: Struct) =>
  struct instanceof Y.GC || struct.deleted || struct.content instanceof Y.ContentDeleted;

/** Where the unit at `clock` of `item` was inserted: after its left neighbour, before its right. */
function placeOf(item: Y.Item, clock: number): string {
  const offset = clock - item.id.clock;
  const origin = offset > 0 ? { client: item.id.client, clock: clock - 1 } : item.origin;
  return `${idKey(origin)}|${idKey(item.rightOrigin)}|${item.parentSub ?? ""}`;
}

/** The unit at `clock` in the stored clause (structs sorted by clock, as Yjs keeps them). */
function storedAt(stored: Struct[], clock: number): Struct {
  return stored[Y.findIndexSS(stored as never, clock)];
}

/** The parent a struct names, when it names one (a root type's name, or its parent item's id). */
function parentKey(parent: unknown): string | null {
  if (parent === null || parent === undefined) return null;
  if (typeof parent === "string") return `root:${parent}`;
  if (parent instanceof Y.AbstractType) {
    const item = parent._item;
    if (item) return idKey(item.id);
    const doc = parent.doc;
    for (const [name, type] of doc?.share ?? []) if (type === parent) return `root:${name}`;
    return null;
  }
  return idKey(parent as Id);
}

function sameAsStored(incoming: Y.Item, stored: Struct[], from: number, to: number): boolean {
  for (let clock = from; clock < to; clock++) {
    const held = storedAt(stored, clock);
    if (isGone(held)) continue;
    const item = held as Y.Item;
    if (unitOf(incoming.content, clock - incoming.id.clock) !== unitOf(item.content, clock - item.id.clock)) {
      return false;
    }
    if (placeOf(incoming, clock) !== placeOf(item, clock)) return false;
    // A struct names its parent only when it has no neighbour to take it from.
    const named = clock === incoming.id.clock ? parentKey(incoming.parent) : null;
    if (named !== null && named !== parentKey(item.parent)) return false;
  }
  return true;
}

/**
 * The client ids under which `update` writes, at clocks `doc` already holds, something other
 * than what it holds. Empty for every honest update (nothing below the stored clocks, or an
 * exact resend). Throws if `update` is not a Yjs update.
 */
export function rewrittenClientIds(update: Uint8Array, doc: Y.Doc): number[] {
  const rewritten = new Set<number>();
  for (const struct of Y.decodeUpdate(update).structs) {
    if (struct instanceof Y.Skip || rewritten.has(struct.id.client)) continue;
    const { client, clock } = struct.id;
    const held = Y.getState(doc.store, client);
    if (clock >= held) continue;
    if (isGone(struct as Struct)) continue;
    const stored = doc.store.clients.get(client) as Struct[];
    if (!sameAsStored(struct as Y.Item, stored, clock, Math.min(clock + struct.length, held))) rewritten.add(client);
  }
  return [...rewritten];
}
