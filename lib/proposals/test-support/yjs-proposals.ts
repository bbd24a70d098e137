// Writes proposals straight into a clause's Yjs text, exactly as the browser's suggest mode
// stores them through y-tiptap (text with `insertion` / `deletion` attributes), for Node tests
// with real providers.
import { randomUUID } from "node:crypto";
import * as Y from "yjs";
import { clausePlainText } from "@/lib/clause-model/plain-text";
import { proposalsInClause } from "@/lib/clause-model/proposals-in-clause";
import { readClause } from "@/lib/clause-model/read-clause";
import { prisma } from "@/lib/db/prisma";
import { CLAUSE_FRAGMENT } from "@/lib/editor/extensions";
import type { ProposalAuthor } from "@/lib/editor/suggestions/proposal-author";

export async function authorFor(email: string): Promise<ProposalAuthor> {
  const user = await prisma.user.findUniqueOrThrow({
    where: { email },
    include: { memberships: { include: { organization: true } } },
  });
  const organization = user.memberships[0].organization;
  return {
    authorId: user.id,
    authorName: user.name,
    organizationId: organization.id,
    organizationCode: organization.code,
    organizationName: organization.name,
    colour: organization.colour,
  };
}

/** The Yjs text node holding `words`, and where they start in it. */
export function locate(doc: Y.Doc, words: string): { text: Y.XmlText; index: number } {
  const visit = (parent: Y.XmlFragment | Y.XmlElement): { text: Y.XmlText; index: number } | null => {
    for (const child of parent.toArray()) {
      if (child instanceof Y.XmlText) {
        const plain = (child.toDelta() as { insert: unknown }[])
          .map((op) => (typeof op.insert === "string" ? op.insert : "\uFFFC"))
          .join("");
        const index = plain.indexOf(words);
        if (index >= 0) return { text: child, index };
      } else if (child instanceof Y.XmlElement) {
        const found = visit(child);
        if (found) return found;
      }
    }
    return null;
  };
  const found = visit(doc.getXmlFragment(CLAUSE_FRAGMENT));
  if (!found) throw new Error(`"${words}" is not in the clause`);
  return found;
}

/** The attributes a proposed insertion or deletion carries in the Yjs text. */
export const stamp = (author: ProposalAuthor, id: string) => ({ id, ...author, at: new Date().toISOString() });

/** Proposes `words` right after `anchor`. Returns the proposal id. */
export function proposeInsertion(doc: Y.Doc, anchor: string, words: string, author: ProposalAuthor, id = randomUUID()) {
  const { text, index } = locate(doc, anchor);
  text.insert(index + anchor.length, words, { insertion: stamp(author, id) });
  return id;
}

/** Proposes deleting `words` (the first place they occur). Returns the proposal id. */
export function proposeDeletion(doc: Y.Doc, words: string, author: ProposalAuthor, id = randomUUID()) {
  const { text, index } = locate(doc, words);
  text.format(index, words.length, { deletion: stamp(author, id) });
  return id;
}

/** Proposes replacing `words` with `replacement`, as one proposal. */
export function proposeReplacement(doc: Y.Doc, words: string, replacement: string, author: ProposalAuthor) {
  const id = randomUUID();
  const { text, index } = locate(doc, words);
  doc.transact(() => {
    text.format(index, words.length, { deletion: stamp(author, id) });
    text.insert(index + words.length, replacement, { insertion: stamp(author, id) });
  });
  return id;
}

export function proposalsIn(doc: Y.Doc) {
  return proposalsInClause(readClause(doc));
}

/** The clause's words, every paragraph on a line of its own. */
export function plainText(doc: Y.Doc): string {
  return clausePlainText(readClause(doc), { between: "\n" });
}
