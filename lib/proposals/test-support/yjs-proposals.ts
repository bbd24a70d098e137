// Writes proposals straight into a clause's Yjs text, exactly as the browser's suggest mode
// stores them through y-tiptap (text with `insertion` / `deletion` attributes), for Node tests
// with real providers.
import { randomUUID } from "node:crypto";
import { yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { prisma } from "@/lib/db/prisma";
import { CLAUSE_FRAGMENT, clauseSchema } from "@/lib/editor/extensions";
import type { ProposalAuthor } from "@/lib/editor/suggestions/proposal-author";
import { proposalTexts } from "@/lib/editor/suggestions/read-proposals";

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
  return proposalTexts(yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(CLAUSE_FRAGMENT), clauseSchema));
}

export function plainText(doc: Y.Doc): string {
  const root = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(CLAUSE_FRAGMENT), clauseSchema);
  return root.textBetween(0, root.content.size, "\n", "\n");
}
