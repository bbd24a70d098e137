// The proposal commands as the doors call them, with the signed-in person as their actor, on a
// real PostgreSQL: each checks the permissions module itself (a clause one may not see is "not
// found", an action one's role does not allow is "not allowed"), and the list carries each
// viewer's abilities as can.ts decides them.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findSessionUser } from "@/lib/auth/find-session-user";
import type { SessionUser } from "@/lib/auth/session-user";
import { proposalFingerprint } from "@/lib/clause-model/proposal-fingerprint";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { NOT_ALLOWED, NOT_FOUND } from "@/lib/errors/messages";
import { seedIfEmpty } from "@/lib/seed/seed-demo-data";
import { decideProposals } from "./decide-proposals";
import { listProposals } from "./list-clause-proposals";
import { takePosition } from "./take-position";

let clauseId: string;
let proposalId: string;
let fingerprint: string;
const as: Record<"chair" | "australia" | "canada", SessionUser> = {} as never;

beforeAll(async () => {
  await seedIfEmpty(prisma);
  clauseId = (await prisma.clause.findFirstOrThrow({ where: { number: "14" } })).id;
  for (const name of ["chair", "australia", "canada"] as const) {
    const { id } = await prisma.user.findUniqueOrThrow({ where: { email: `${name}@clausework.demo` } });
    const user = await findSessionUser(id);
    if (!user) throw new Error(`no session user for ${name}`);
    as[name] = user;
  }
  // Canada's proposal, as the index would have stored it.
  proposalId = randomUUID();
  fingerprint = proposalFingerprint({ kind: "INSERTION", insertedText: " promptly", deletedText: "" });
  await prisma.proposal.create({
    data: {
      id: proposalId,
      clauseId,
      kind: "INSERTION",
      insertedText: " promptly",
      authorId: as.canada.id,
      organizationId: as.canada.organizationId,
      fingerprint,
      proposedAt: new Date(),
    },
  });
});

afterAll(async () => {
  await prisma.proposal.deleteMany({ where: { id: proposalId } });
});

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof AppError ? { code: error.code, message: error.message } : error),
  );

describe("the proposal commands", () => {
  it("list each proposal with what this viewer may do with it", async () => {
    const shown = async (user: SessionUser) =>
      (await listProposals(user, { clauseId })).find((p) => p.id === proposalId);
    expect(await shown(as.canada)).toMatchObject({ mayWithdraw: true, mayDecide: false, mayTakePosition: true });
    expect(await shown(as.australia)).toMatchObject({ mayWithdraw: false, mayDecide: false, mayTakePosition: true });
    expect(await shown(as.chair)).toMatchObject({ mayWithdraw: false, mayDecide: true, mayTakePosition: false });
  });

  it("refuse what the role does not allow, changing nothing", async () => {
    expect(
      await refusal(
        decideProposals(as.australia, { clauseId, scope: { proposalId }, outcome: "ACCEPTED", fingerprint }),
      ),
    ).toEqual({ code: "forbidden", message: NOT_ALLOWED });
    expect(await refusal(takePosition(as.chair, { clauseId, proposalId, stance: "SUPPORTS", fingerprint }))).toEqual({
      code: "forbidden",
      message: NOT_ALLOWED,
    });
    expect((await prisma.proposal.findUniqueOrThrow({ where: { id: proposalId } })).status).toBe("OPEN");
    expect(await prisma.proposalPosition.count({ where: { proposalId } })).toBe(0);
  });

  it("answer “not found” for a clause that does not exist, and bad input as such", async () => {
    const elsewhere = randomUUID();
    expect(await refusal(listProposals(as.chair, { clauseId: elsewhere }))).toEqual({
      code: "not_found",
      message: NOT_FOUND,
    });
    expect(
      await refusal(takePosition(as.australia, { clauseId: elsewhere, proposalId, stance: "SUPPORTS", fingerprint })),
    ).toEqual({ code: "not_found", message: NOT_FOUND });
    expect(
      await refusal(takePosition(as.australia, { clauseId, proposalId, stance: "MAYBE" as "SUPPORTS", fingerprint })),
    ).toMatchObject({ code: "invalid_input", message: "Choose supports, opposes or reserves." });
  });

  it("record a delegation's position for the person's own delegation", async () => {
    expect(await takePosition(as.australia, { clauseId, proposalId, stance: "OPPOSES", fingerprint })).toEqual({
      stance: "OPPOSES",
    });
    const position = await prisma.proposalPosition.findFirstOrThrow({ where: { proposalId } });
    expect(position).toMatchObject({
      organizationId: as.australia.organizationId,
      userId: as.australia.id,
      stance: "OPPOSES",
    });
  });
});
