// The demo's co-sponsored proposals and its compilation topics. A few delegations' proposals sit
// in the text as each delegate's editor would have sent them — an update after the clause's
// snapshot, written through the editor's own binding (y-tiptap), under a Yjs client id owned by
// its author — indexed as the collaboration server would, with their sponsors (one invitation
// still unanswered) and the positions of other delegations. The chair's three topics of the
// negotiation (gender; child sexual abuse material; victims and witnesses) take in the articles
// tagged so. Every sentence is the project's own wording.
import { Transform } from "@tiptap/pm/transform";
import { initProseMirrorDoc, updateYFragment } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { proposalsInClause } from "../clause-model/proposals-in-clause";
import { readClause } from "../clause-model/read-clause";
import type { Prisma, ProposalStance } from "../db/generated/client";
import { CLAUSE_FRAGMENT, clauseSchema } from "../editor/extensions";

type Tx = Prisma.TransactionClient;

export const DEMO_TOPICS = [
  { slug: "gender", name: "Gender perspectives", tags: ["gender"] },
  { slug: "csam", name: "Child sexual abuse material", tags: ["csam"] },
  { slug: "victims-witnesses", name: "Victims and witnesses", tags: ["victims", "witnesses"] },
] as const;

type DemoProposal = {
  article: string;
  /** Agreed words the proposal starts right after (insertion) or covers (deletion, replacement). */
  words: string;
  insert?: string;
  /** Strike `words` (with `insert`: replace them). */
  strike?: boolean;
  author: string;
  onBehalfOf?: string;
  sponsors: Record<string, "ACCEPTED" | "INVITED">;
  positions: Record<string, ProposalStance>;
};

export const DEMO_SPONSORED_PROPOSALS: readonly DemoProposal[] = [
  {
    article: "5",
    words: "to improve understanding of",
    insert: " the gendered side of these offences, including",
    author: "australia@clausework.demo",
    sponsors: { CAN: "ACCEPTED", NZL: "ACCEPTED" },
    positions: { PHL: "SUPPORTS", EU: "SUPPORTS", ARM: "RESERVES", RUS: "OPPOSES" },
  },
  {
    article: "16",
    words: "without the consent of the person shown",
    insert: ", including where the image is used to threaten or coerce that person",
    author: "jamaica@clausework.demo",
    onBehalfOf: "CARICOM",
    sponsors: { PHL: "INVITED" },
    positions: { CAN: "SUPPORTS", FRA: "RESERVES", DEU: "OPPOSES" },
  },
  {
    article: "33",
    words: "within its means",
    insert: "in accordance with its domestic law and within its means",
    strike: true,
    author: "eu@clausework.demo",
    sponsors: { FRA: "ACCEPTED", DEU: "ACCEPTED" },
    positions: { RUS: "SUPPORTS", AUS: "RESERVES", JAM: "OPPOSES" },
  },
  {
    article: "17",
    words: ", is genuine",
    strike: true,
    author: "russian-federation@clausework.demo",
    sponsors: {},
    positions: { AUS: "OPPOSES", NZL: "OPPOSES", EU: "RESERVES" },
  },
];

/** The proposal written into the text as a delegate's editor writes it; null if its words are not there. */
function proposalUpdate(doc: Y.Doc, demo: DemoProposal, id: string, author: Record<string, string>) {
  const fragment = doc.getXmlFragment(CLAUSE_FRAGMENT);
  const { doc: root, meta } = initProseMirrorDoc(fragment, clauseSchema);
  let from = -1;
  root.descendants((node, pos) => {
    if (from >= 0 || !node.isText) return from < 0;
    const index = node.text?.indexOf(demo.words) ?? -1;
    if (index >= 0) from = pos + index;
    return false;
  });
  if (from < 0) return null;
  const to = from + demo.words.length;
  const stamp = { id, ...author, at: new Date().toISOString() };
  const transform = new Transform(root);
  if (demo.strike) transform.addMark(from, to, clauseSchema.marks.deletion.create(stamp));
  if (demo.insert) {
    // After the words: an insertion follows them; a replacement's new words follow the struck ones.
    const at = to;
    const marks = [
      ...root
        .resolve(at)
        .marks()
        .filter((m) => m.type.name !== "deletion"),
      clauseSchema.marks.insertion.create(stamp),
    ];
    transform.insert(at, clauseSchema.text(demo.insert, marks));
  }
  const before = Y.encodeStateVector(doc);
  doc.transact(() => updateYFragment(doc, fragment, transform.doc, meta));
  return Y.encodeStateAsUpdate(doc, before);
}

export async function seedSponsorsAndTopics(tx: Tx, instrumentId: string): Promise<void> {
  const [organizations, users, clauses] = await Promise.all([
    tx.organization.findMany({ select: { id: true, code: true, name: true, colour: true } }),
    tx.user.findMany({
      select: { id: true, email: true, name: true, memberships: { select: { organizationId: true } } },
    }),
    tx.clause.findMany({
      where: { instrumentId },
      select: { id: true, number: true, topics: true, document: { select: { snapshot: true } } },
    }),
  ]);
  const org = new Map(organizations.map((o) => [o.code, o]));
  const orgOf = (code: string) => {
    const found = org.get(code);
    if (!found) throw new Error(`Demo sponsors name an unknown delegation: ${code}`);
    return found;
  };

  for (const [position, topic] of DEMO_TOPICS.entries()) {
    const created = await tx.topic.create({ data: { instrumentId, slug: topic.slug, name: topic.name, position } });
    const tagged = clauses.filter((clause) =>
      clause.topics.some((tag) => (topic.tags as readonly string[]).includes(tag)),
    );
    await tx.clauseTopic.createMany({ data: tagged.map((clause) => ({ clauseId: clause.id, topicId: created.id })) });
  }

  for (const demo of DEMO_SPONSORED_PROPOSALS) {
    const clause = clauses.find((c) => c.number === demo.article);
    const user = users.find((u) => u.email === demo.author);
    if (!clause?.document || !user) continue;
    const delegation = organizations.find((o) => o.id === user.memberships[0]?.organizationId);
    if (!delegation) continue;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, clause.document.snapshot);
    const id = crypto.randomUUID();
    const author = {
      authorId: user.id,
      authorName: user.name,
      organizationId: delegation.id,
      organizationCode: delegation.code,
      organizationName: delegation.name,
      colour: delegation.colour,
    };
    const update = proposalUpdate(doc, demo, id, author);
    const inText = update ? proposalsInClause(readClause(doc)).find((p) => p.id === id) : undefined;
    const clientId = doc.clientID;
    doc.destroy();
    // The demo text was reworded since these proposals were written: leave the proposal out.
    if (!update || !inText) continue;
    await tx.clauseUpdate.create({ data: { clauseId: clause.id, update: Buffer.from(update), userId: user.id } });
    await tx.clauseClient.create({ data: { clauseId: clause.id, clientId: BigInt(clientId), userId: user.id } });
    await tx.proposal.create({
      data: {
        id,
        clauseId: clause.id,
        kind: inText.kind,
        insertedText: inText.insertedText,
        deletedText: inText.deletedText,
        contextBefore: inText.contextBefore,
        contextAfter: inText.contextAfter,
        fingerprint: inText.fingerprint,
        authorId: user.id,
        organizationId: delegation.id,
        proposedAt: new Date(),
        onBehalfOf: demo.onBehalfOf ?? null,
      },
    });
    for (const [code, status] of Object.entries(demo.sponsors)) {
      const sponsor = orgOf(code);
      await tx.proposalSponsorship.create({
        data: {
          proposalId: id,
          organizationId: sponsor.id,
          status,
          invitedById: user.id,
          answeredById:
            status === "ACCEPTED"
              ? (users.find((u) => u.memberships[0]?.organizationId === sponsor.id)?.id ?? null)
              : null,
          fingerprint: status === "ACCEPTED" ? inText.fingerprint : "",
        },
      });
      if (status === "INVITED") {
        const members = users.filter((u) => u.memberships.some((m) => m.organizationId === sponsor.id));
        await tx.notification.createMany({
          data: members.map((member) => ({
            userId: member.id,
            kind: "SPONSOR_INVITED" as const,
            actorId: user.id,
            clauseId: clause.id,
            proposalId: id,
          })),
        });
      }
    }
    for (const [code, stance] of Object.entries(demo.positions)) {
      const delegate = users.find((u) => u.memberships[0]?.organizationId === orgOf(code).id);
      if (!delegate) continue;
      await tx.proposalPosition.create({
        data: {
          proposalId: id,
          organizationId: orgOf(code).id,
          userId: delegate.id,
          stance,
          fingerprint: inText.fingerprint,
        },
      });
    }
  }
}
