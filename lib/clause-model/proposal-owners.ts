// Who a proposal id belongs to in a clause's text, and as which kinds of mark it is used —
// looked up across the whole clause without reading it again: each paragraph's proposals are
// summarised once per reading of that paragraph (the reader keeps unchanged paragraphs as the
// same objects).
import { type ClauseNode, type Paragraph, paragraphsOf } from "./clause-model";

export type ProposalOwner = {
  authorId: string | null;
  kinds: Set<"insertion" | "deletion">;
  /** The times stamped on its marks. */
  at: Set<string>;
};

const summaries = new WeakMap<Paragraph, Map<string, ProposalOwner>>();

function summary(paragraph: Paragraph): Map<string, ProposalOwner> {
  let owners = summaries.get(paragraph);
  if (owners) return owners;
  owners = new Map();
  for (const inline of paragraph.inlines) {
    if (inline.type !== "text" || !inline.proposal) continue;
    const { id, kind, author, at } = inline.proposal;
    let owner = owners.get(id);
    if (!owner) {
      owner = { authorId: author?.authorId ?? null, kinds: new Set(), at: new Set() };
      owners.set(id, owner);
    }
    owner.kinds.add(kind);
    if (at) owner.at.add(at);
  }
  summaries.set(paragraph, owners);
  return owners;
}

/** The owners of `ids` in the nodes: the author of each id's first mark, and all its kinds. */
export function proposalOwners(nodes: readonly ClauseNode[], ids: ReadonlySet<string>): Map<string, ProposalOwner> {
  const found = new Map<string, ProposalOwner>();
  if (ids.size === 0) return found;
  for (const paragraph of paragraphsOf(nodes)) {
    const owners = summary(paragraph);
    for (const id of ids) {
      const owner = owners.get(id);
      if (!owner) continue;
      const known = found.get(id);
      if (!known) found.set(id, { authorId: owner.authorId, kinds: new Set(owner.kinds), at: new Set(owner.at) });
      else {
        for (const kind of owner.kinds) known.kinds.add(kind);
        for (const at of owner.at) known.at.add(at);
      }
    }
  }
  return found;
}
