// Co-sponsoring on a real PostgreSQL, as the doors call the commands: the author's delegation
// invites, only the invited delegation answers (for itself), never on a decided proposal, never
// a delegation that is not one of the instrument's or does not see the clause; every act is
// audited and told in the bell; when the author revises the words, an acceptance stops counting
// until the sponsor confirms it.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { findSessionUser } from "@/lib/auth/find-session-user";
import type { SessionUser } from "@/lib/auth/session-user";
import { proposalFingerprint } from "@/lib/clause-model/proposal-fingerprint";
import { loadClauseState } from "@/lib/collab/clause-store";
import { freshClause } from "@/lib/collab/test-support/fresh-clause";
import { notifyDecision } from "@/lib/comments/notify-decision";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { NOT_ALLOWED, NOT_FOUND } from "@/lib/errors/messages";
import { indexClauseProposals } from "@/lib/proposals/index-clause-proposals";
import { listProposals } from "@/lib/proposals/list-clause-proposals";
import { authorFor, locate, proposalsIn, proposeInsertion, stamp } from "@/lib/proposals/test-support/yjs-proposals";
import { seedIfEmpty } from "@/lib/seed/seed-demo-data";
import { answerSponsorship, NOT_INVITED } from "./answer-sponsorship";
import { inviteSponsor, NOT_A_SPONSOR } from "./invite-sponsor";
import { listSponsorCandidates } from "./list-sponsor-candidates";
import { nameSponsorGroup } from "./name-sponsor-group";
import { SPONSORS_CLOSED } from "./sponsored-proposal";

type Who = "chair" | "australia" | "australia-legal" | "canada" | "new-zealand" | "jamaica" | "observer" | "press";
const as = {} as Record<Who, SessionUser>;
let clauseId: string;

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof AppError ? { code: error.code, message: error.message } : error),
  );

/** A proposal as the index stores it, on the test's own clause (text is not needed to sponsor it). */
async function proposalBy(who: Who, words = ` ${randomUUID().slice(0, 8)}`, status: "OPEN" | "ACCEPTED" = "OPEN") {
  const id = randomUUID();
  const fingerprint = proposalFingerprint({ kind: "INSERTION", insertedText: words, deletedText: "" });
  await prisma.proposal.create({
    data: {
      id,
      clauseId,
      kind: "INSERTION",
      insertedText: words,
      authorId: as[who].id,
      organizationId: as[who].organizationId,
      fingerprint,
      status,
      proposedAt: new Date(),
    },
  });
  return { id, fingerprint };
}

const sponsorship = (proposalId: string, who: Who) =>
  prisma.proposalSponsorship.findUnique({
    where: { proposalId_organizationId: { proposalId, organizationId: as[who].organizationId } },
  });
const unread = (who: Who, proposalId: string, kind: string) =>
  prisma.notification.count({ where: { userId: as[who].id, proposalId, kind: kind as never, readAt: null } });
const audited = (proposalId: string) =>
  prisma.auditEvent.findMany({ where: { targetId: proposalId }, orderBy: { id: "asc" }, select: { action: true } });

beforeAll(async () => {
  await seedIfEmpty(prisma);
  clauseId = await freshClause("Co-sponsors test");
  for (const who of Object.keys({
    chair: 1,
    australia: 1,
    "australia-legal": 1,
    canada: 1,
    "new-zealand": 1,
    jamaica: 1,
    observer: 1,
    press: 1,
  }) as Who[]) {
    const { id } = await prisma.user.findUniqueOrThrow({ where: { email: `${who}@clausework.demo` } });
    const user = await findSessionUser(id);
    if (!user) throw new Error(`no session user for ${who}`);
    as[who] = user;
  }
});

afterAll(async () => {
  await prisma.clause.delete({ where: { id: clauseId } });
});

describe("inviting co-sponsors", () => {
  it("lets the author's delegation invite a delegation, which is told and may then accept", async () => {
    const { id, fingerprint } = await proposalBy("australia");
    // Any delegate of the author's delegation may invite, not only the author.
    expect(
      await inviteSponsor(as["australia-legal"], {
        clauseId,
        proposalId: id,
        organizationId: as.canada.organizationId,
      }),
    ).toMatchObject({
      status: "INVITED",
    });
    expect(await unread("canada", id, "SPONSOR_INVITED")).toBe(1);
    expect((await listProposals(as.canada, { clauseId })).find((p) => p.id === id)?.sponsorship).toMatchObject({
      sponsors: [{ delegation: { code: "CAN" }, status: "INVITED", current: false }],
      mayAnswerSponsorship: true,
      mayInviteSponsors: false,
    });
    expect(await answerSponsorship(as.canada, { clauseId, proposalId: id, answer: "ACCEPT", fingerprint })).toEqual({
      status: "ACCEPTED",
    });
    expect(await sponsorship(id, "canada")).toMatchObject({
      status: "ACCEPTED",
      fingerprint,
      answeredById: as.canada.id,
    });
    // The invitation is answered; the author and the person who invited are told.
    expect(await unread("canada", id, "SPONSOR_INVITED")).toBe(0);
    expect(await unread("australia", id, "SPONSOR_ANSWERED")).toBe(1);
    expect(await unread("australia-legal", id, "SPONSOR_ANSWERED")).toBe(1);
    const view = (await listProposals(as.chair, { clauseId })).find((p) => p.id === id);
    expect(view?.sponsorship?.sponsors).toEqual([
      { delegation: expect.objectContaining({ code: "CAN" }), status: "ACCEPTED", current: true },
    ]);
    // Sponsors are not supporters.
    expect(view?.positions).toEqual([]);
    expect((await audited(id)).map((e) => e.action)).toEqual([
      "proposal.sponsor-invited",
      "proposal.sponsorship-accepted",
    ]);
  });

  it("refuses invitations from anyone but the author's delegation, changing nothing", async () => {
    const { id } = await proposalBy("australia");
    const invite = (who: Who, organizationId = as.jamaica.organizationId) =>
      refusal(inviteSponsor(as[who], { clauseId, proposalId: id, organizationId }));
    expect(await invite("canada")).toEqual({ code: "forbidden", message: NOT_ALLOWED });
    expect(await invite("chair")).toEqual({ code: "forbidden", message: NOT_ALLOWED });
    expect(await invite("observer")).toEqual({ code: "forbidden", message: NOT_ALLOWED });
    expect(await refusal(nameSponsorGroup(as.canada, { clauseId, proposalId: id, onBehalfOf: "CARICOM" }))).toEqual({
      code: "forbidden",
      message: NOT_ALLOWED,
    });
    // A proposal of another clause is not found through this one.
    expect(
      await refusal(
        inviteSponsor(as.australia, {
          clauseId: randomUUID(),
          proposalId: id,
          organizationId: as.jamaica.organizationId,
        }),
      ),
    ).toEqual({ code: "not_found", message: NOT_FOUND });
    expect(await prisma.proposalSponsorship.count({ where: { proposalId: id } })).toBe(0);
    expect(await audited(id)).toEqual([]);
  });

  it("invites only delegations of the instrument — not the author's own, an observer, a reader or the chair", async () => {
    const { id } = await proposalBy("australia");
    const invite = (organizationId: string) =>
      refusal(inviteSponsor(as.australia, { clauseId, proposalId: id, organizationId }));
    for (const who of ["observer", "press", "chair"] as const)
      expect(await invite(as[who].organizationId)).toEqual({ code: "invalid_input", message: NOT_A_SPONSOR });
    expect(await invite(randomUUID())).toEqual({ code: "invalid_input", message: NOT_A_SPONSOR });
    expect((await invite(as.australia.organizationId)) as AppError).toMatchObject({ code: "invalid_input" });
    const candidates = await listSponsorCandidates(as.australia, { clauseId, proposalId: id });
    expect(candidates.map((c) => c.id)).toContain(as.canada.organizationId);
    expect(candidates.map((c) => c.id)).not.toContain(as.australia.organizationId);
    expect(candidates.map((c) => c.id)).not.toContain(as.observer.organizationId);
    expect(await refusal(listSponsorCandidates(as.canada, { clauseId, proposalId: id }))).toMatchObject({
      code: "forbidden",
    });
    expect(await prisma.proposalSponsorship.count({ where: { proposalId: id } })).toBe(0);
  });

  it("refuses an invitation twice, and allows one again after a decline", async () => {
    const { id, fingerprint } = await proposalBy("australia");
    const invite = () =>
      inviteSponsor(as.australia, { clauseId, proposalId: id, organizationId: as.jamaica.organizationId });
    await invite();
    expect(await refusal(invite())).toMatchObject({ code: "conflict", message: "Jamaica has been invited already." });
    await answerSponsorship(as.jamaica, { clauseId, proposalId: id, answer: "DECLINE", fingerprint });
    expect(await sponsorship(id, "jamaica")).toMatchObject({ status: "DECLINED" });
    await invite();
    expect(await sponsorship(id, "jamaica")).toMatchObject({ status: "INVITED" });
  });
});

describe("answering an invitation", () => {
  it("is only for the invited delegation, for itself: no one answers for another", async () => {
    const { id, fingerprint } = await proposalBy("australia");
    await inviteSponsor(as.australia, { clauseId, proposalId: id, organizationId: as.canada.organizationId });
    // Jamaica was not invited; naming Canada in the body changes nothing — the delegation is the session's.
    const forged = {
      clauseId,
      proposalId: id,
      answer: "ACCEPT",
      fingerprint,
      organizationId: as.canada.organizationId,
    };
    expect(await refusal(answerSponsorship(as.jamaica, forged as never))).toEqual({
      code: "forbidden",
      message: NOT_INVITED,
    });
    expect(await refusal(answerSponsorship(as.australia, forged as never))).toEqual({
      code: "forbidden",
      message: NOT_INVITED,
    });
    expect(await refusal(answerSponsorship(as.chair, forged as never))).toEqual({
      code: "forbidden",
      message: NOT_ALLOWED,
    });
    expect(await sponsorship(id, "canada")).toMatchObject({ status: "INVITED" });
    expect(await prisma.proposalSponsorship.count({ where: { proposalId: id } })).toBe(1);
  });

  it("is pinned to the words shown: a stale fingerprint is refused", async () => {
    const { id } = await proposalBy("australia");
    await inviteSponsor(as.australia, { clauseId, proposalId: id, organizationId: as.canada.organizationId });
    expect(
      await refusal(
        answerSponsorship(as.canada, { clauseId, proposalId: id, answer: "ACCEPT", fingerprint: "0".repeat(64) }),
      ),
    ).toMatchObject({ code: "conflict" });
    expect(await sponsorship(id, "canada")).toMatchObject({ status: "INVITED" });
  });
});

describe("a decided proposal", () => {
  it("takes no invitation, no answer and no group name", async () => {
    const { id, fingerprint } = await proposalBy("australia");
    await inviteSponsor(as.australia, { clauseId, proposalId: id, organizationId: as.canada.organizationId });
    await prisma.proposal.update({ where: { id }, data: { status: "ACCEPTED" } });
    const closed = { code: "conflict", message: SPONSORS_CLOSED };
    expect(
      await refusal(
        inviteSponsor(as.australia, { clauseId, proposalId: id, organizationId: as.jamaica.organizationId }),
      ),
    ).toEqual(closed);
    expect(
      await refusal(answerSponsorship(as.canada, { clauseId, proposalId: id, answer: "ACCEPT", fingerprint })),
    ).toEqual(closed);
    expect(await refusal(nameSponsorGroup(as.australia, { clauseId, proposalId: id, onBehalfOf: "CANZ" }))).toEqual(
      closed,
    );
    expect(await sponsorship(id, "canada")).toMatchObject({ status: "INVITED" });
    expect((await listProposals(as.canada, { clauseId })).find((p) => p.id === id)?.sponsorship).toMatchObject({
      mayAnswerSponsorship: false,
      mayInviteSponsors: false,
    });
  });
});

describe("the chair's decision", () => {
  it("reaches the delegations that co-sponsor the proposal, not those that only were invited", async () => {
    const { id, fingerprint } = await proposalBy("australia");
    await inviteSponsor(as.australia, { clauseId, proposalId: id, organizationId: as.canada.organizationId });
    await inviteSponsor(as.australia, { clauseId, proposalId: id, organizationId: as.jamaica.organizationId });
    await answerSponsorship(as.canada, { clauseId, proposalId: id, answer: "ACCEPT", fingerprint });
    const decision = await prisma.chairDecision.create({
      data: {
        clauseId,
        decidedById: as.chair.id,
        outcome: "ACCEPTED",
        proposalIds: [id],
        undoUpdate: Buffer.from([0, 0]),
        touched: [],
      },
    });
    const { instrumentId } = await prisma.clause.findUniqueOrThrow({ where: { id: clauseId } });
    await prisma.$transaction((tx) =>
      notifyDecision(tx, {
        id: decision.id,
        clauseId,
        instrumentId,
        decidedById: as.chair.id,
        proposals: [{ id, authorId: as.australia.id }],
      }),
    );
    expect(await unread("canada", id, "PROPOSAL_DECIDED")).toBe(1);
    expect(await unread("australia", id, "PROPOSAL_DECIDED")).toBe(1);
    expect(await unread("jamaica", id, "PROPOSAL_DECIDED")).toBe(0);
  });
});

describe("on behalf of", () => {
  it("names the group, trimmed, clears it when empty, and refuses a label on several lines", async () => {
    const { id } = await proposalBy("jamaica");
    expect(await nameSponsorGroup(as.jamaica, { clauseId, proposalId: id, onBehalfOf: "  CARICOM " })).toEqual({
      onBehalfOf: "CARICOM",
    });
    expect((await listProposals(as.chair, { clauseId })).find((p) => p.id === id)?.sponsorship?.onBehalfOf).toBe(
      "CARICOM",
    );
    expect(
      await refusal(nameSponsorGroup(as.jamaica, { clauseId, proposalId: id, onBehalfOf: "CARI\nCOM" })),
    ).toMatchObject({
      code: "invalid_input",
    });
    expect(await nameSponsorGroup(as.jamaica, { clauseId, proposalId: id, onBehalfOf: "" })).toEqual({
      onBehalfOf: null,
    });
    expect((await audited(id)).map((e) => e.action)).toEqual([
      "proposal.on-behalf-of-set",
      "proposal.on-behalf-of-set",
    ]);
  });
});

describe("a restricted clause", () => {
  it("invites only delegations that see it", async () => {
    const restricted = await freshClause("Co-sponsors in informal consultations");
    try {
      await prisma.clauseRestriction.createMany({
        data: [as.australia, as.canada].map((u) => ({ clauseId: restricted, organizationId: u.organizationId })),
      });
      const id = randomUUID();
      await prisma.proposal.create({
        data: {
          id,
          clauseId: restricted,
          kind: "INSERTION",
          insertedText: " quietly",
          authorId: as.australia.id,
          organizationId: as.australia.organizationId,
          fingerprint: proposalFingerprint({ kind: "INSERTION", insertedText: " quietly", deletedText: "" }),
          proposedAt: new Date(),
        },
      });
      expect(
        await refusal(
          inviteSponsor(as.australia, {
            clauseId: restricted,
            proposalId: id,
            organizationId: as.jamaica.organizationId,
          }),
        ),
      ).toEqual({ code: "invalid_input", message: NOT_A_SPONSOR });
      expect(
        (await listSponsorCandidates(as.australia, { clauseId: restricted, proposalId: id })).map((c) => c.code),
      ).toEqual(["CAN"]);
      await inviteSponsor(as.australia, {
        clauseId: restricted,
        proposalId: id,
        organizationId: as.canada.organizationId,
      });
      // Jamaica does not see the clause: to it, the proposal does not exist.
      expect(
        await refusal(
          answerSponsorship(as.jamaica, {
            clauseId: restricted,
            proposalId: id,
            answer: "ACCEPT",
            fingerprint: "0".repeat(64),
          }),
        ),
      ).toEqual({ code: "not_found", message: NOT_FOUND });
    } finally {
      await prisma.clause.delete({ where: { id: restricted } });
    }
  });
});

describe("when the author revises the words", () => {
  it("an acceptance stops counting, the sponsor is asked to confirm, and confirming counts it again", async () => {
    const revised = await freshClause("Co-sponsors follow the words");
    try {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, (await loadClauseState(revised)) as Uint8Array);
      const author = await authorFor("new-zealand@clausework.demo");
      const anchor = "through an information and communications technology system";
      const id = proposeInsertion(doc, anchor, " or any other network", author);
      await indexClauseProposals(revised, proposalsIn(doc));
      const first = await prisma.proposal.findUniqueOrThrow({ where: { id } });
      await inviteSponsor(as["new-zealand"], {
        clauseId: revised,
        proposalId: id,
        organizationId: as.australia.organizationId,
      });
      await answerSponsorship(as.australia, {
        clauseId: revised,
        proposalId: id,
        answer: "ACCEPT",
        fingerprint: first.fingerprint,
      });

      // The author types on inside the proposal: new words, a new fingerprint.
      const { text, index } = locate(doc, " or any other network");
      text.insert(index + " or any other network".length, " of computers", { insertion: stamp(author, id) });
      await indexClauseProposals(revised, proposalsIn(doc));
      const second = await prisma.proposal.findUniqueOrThrow({ where: { id } });
      expect(second.fingerprint).not.toBe(first.fingerprint);
      expect(await unread("australia", id, "SPONSORED_REVISED")).toBe(1);
      expect(await unread("australia-legal", id, "SPONSORED_REVISED")).toBe(1);
      const shown = async () =>
        (await listProposals(as.chair, { clauseId: revised })).find((p) => p.id === id)?.sponsorship?.sponsors;
      expect(await shown()).toEqual([expect.objectContaining({ status: "ACCEPTED", current: false })]);

      // Typing on does not ask again while the request is unanswered.
      const more = locate(doc, " of computers");
      more.text.insert(more.index + " of computers".length, " and devices", { insertion: stamp(author, id) });
      await indexClauseProposals(revised, proposalsIn(doc));
      expect(await unread("australia", id, "SPONSORED_REVISED")).toBe(1);
      const third = await prisma.proposal.findUniqueOrThrow({ where: { id } });
      expect(third.insertedText).toBe(" or any other network of computers and devices");

      // Confirming on words no longer shown is refused; on the words shown, it counts again.
      expect(
        await refusal(
          answerSponsorship(as.australia, {
            clauseId: revised,
            proposalId: id,
            answer: "ACCEPT",
            fingerprint: second.fingerprint,
          }),
        ),
      ).toMatchObject({ code: "conflict" });
      await answerSponsorship(as.australia, {
        clauseId: revised,
        proposalId: id,
        answer: "ACCEPT",
        fingerprint: third.fingerprint,
      });
      expect(await shown()).toEqual([expect.objectContaining({ status: "ACCEPTED", current: true })]);
      expect(await unread("australia-legal", id, "SPONSORED_REVISED")).toBe(0);
      doc.destroy();
    } finally {
      await prisma.clause.delete({ where: { id: revised } });
    }
  });
});
