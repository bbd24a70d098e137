// What the fuzz runner compares before and after each move, read from a clause's stored Yjs
// state by the runner's own walk (not the product's): the agreed text, every proposal's words
// and author, which shared types were written, and the clause's text as XML.
import * as Y from "yjs";
import { agreedOracle } from "./agreed-oracle";

export type ProposalFacts = { authorId: string; words: string };
export type ClauseFacts = {
  agreed: string;
  proposals: Map<string, ProposalFacts>;
  xml: string;
  /** Names of root types written by any stored struct (only "default" is the clause). */
  roots: Set<string>;
};

type Op = { insert: unknown; attributes?: Record<string, { id?: unknown; authorId?: unknown }> };

function proposalsOf(doc: Y.Doc): Map<string, ProposalFacts> {
  const found = new Map<string, ProposalFacts>();
  const visit = (parent: Y.XmlFragment | Y.XmlElement) => {
    for (const child of parent.toArray()) {
      if (child instanceof Y.XmlElement) visit(child);
      else if (child instanceof Y.XmlText)
        for (const op of child.toDelta() as Op[]) {
          for (const kind of ["insertion", "deletion", "modification"] as const) {
            const mark = op.attributes?.[kind];
            if (!mark || mark.id == null) continue;
            const id = String(mark.id);
            const facts = found.get(id) ?? { authorId: String(mark.authorId ?? ""), words: "" };
            facts.words += `${kind}:${typeof op.insert === "string" ? op.insert : JSON.stringify(op.insert)}|`;
            found.set(id, facts);
          }
        }
    }
  };
  visit(doc.getXmlFragment("default"));
  return found;
}

function rootsOf(state: Uint8Array): Set<string> {
  const roots = new Set<string>();
  for (const struct of Y.decodeUpdate(state).structs) {
    const parent = (struct as { parent?: unknown }).parent;
    if (typeof parent === "string") roots.add(parent);
  }
  return roots;
}

export function clauseFacts(state: Uint8Array): ClauseFacts {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return {
      agreed: agreedOracle(doc),
      proposals: proposalsOf(doc),
      xml: doc.getXmlFragment("default").toString(),
      roots: rootsOf(state),
    };
  } finally {
    doc.destroy();
  }
}
