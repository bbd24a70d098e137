// The export routes as a browser calls them — GET handlers behind the download door, the signed-in
// person given as next-auth would — on a real PostgreSQL: a Word file is a zip with the document
// in it, the old formats keep working, each export is on the audit trail, a restricted clause is
// "not found" to those it is restricted away from, and every bad request (a format that cannot
// hold the variant, a version unknown or of another clause or instrument, a missing or misplaced
// `since`) is refused with a clear message and recorded nowhere.
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { findSessionUser } from "@/lib/auth/find-session-user";
import type { SessionUser } from "@/lib/auth/session-user";
import { createThread } from "@/lib/comments/create-thread";
import { prisma } from "@/lib/db/prisma";
import { CLAUSE_FRAGMENT } from "@/lib/editor/extensions";
import { NOT_FOUND } from "@/lib/errors/messages";
import { saveInstrumentVersion } from "@/lib/readings/instrument-versions";
import { saveClauseVersion } from "@/lib/readings/save-clause-version";
import { seedIfEmpty } from "@/lib/seed/seed-demo-data";
import { expectValid } from "./akn/test-support/akn-assertions";

vi.mock("server-only", () => ({}));
const signedIn = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/current-user", () => ({
  getCurrentUser: async () => signedIn.user,
  requireUser: async () => signedIn.user,
}));

const instrumentRoute = await import("@/app/api/instruments/[instrumentId]/export/route");
const clauseRoute = await import("@/app/api/clauses/[clauseId]/export/route");

const as = {} as Record<"chair" | "australia" | "canada", SessionUser>;
let instrumentId: string;
let chapterId: string;
const clauseIds: string[] = [];
const versionIds: string[] = [];

async function clauseIn(position: number, text: string): Promise<string> {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(CLAUSE_FRAGMENT).insert(0, [paragraph]);
  const clause = await prisma.clause.create({
    data: {
      instrumentId,
      chapterId,
      number: `E${position}`,
      title: `Export route clause ${position}`,
      topics: [],
      position,
      document: { create: { snapshot: Buffer.from(Y.encodeStateAsUpdate(doc)) } },
    },
  });
  return clause.id;
}

function get(who: SessionUser | null, path: string, headers: Record<string, string> = {}): Promise<Response> {
  signedIn.user = who;
  const url = new URL(path, "http://localhost");
  const request = new Request(url, { headers });
  const [, kind, id] = url.pathname.match(/^\/api\/(instruments|clauses)\/([^/]+)\/export$/) ?? [];
  return kind === "instruments"
    ? instrumentRoute.GET(request, { params: Promise.resolve({ instrumentId: id }) })
    : clauseRoute.GET(request, { params: Promise.resolve({ clauseId: id }) });
}

const exportsBy = (user: SessionUser) =>
  prisma.auditEvent.findMany({
    where: { action: "instrument.exported", actorUserId: user.id },
    orderBy: { id: "asc" },
    select: { targetType: true, targetId: true, details: true, organizationCode: true },
  });

beforeAll(async () => {
  await seedIfEmpty(prisma);
  for (const name of ["chair", "australia", "canada"] as const) {
    const { id } = await prisma.user.findUniqueOrThrow({ where: { email: `${name}@clausework.demo` } });
    as[name] = (await findSessionUser(id)) as SessionUser;
  }
  instrumentId = (await prisma.clause.findFirstOrThrow({ where: { number: "14" } })).instrumentId;
  const last = await prisma.chapter.findFirstOrThrow({ where: { instrumentId }, orderBy: { position: "desc" } });
  chapterId = (
    await prisma.chapter.create({
      data: {
        instrumentId,
        number: "E",
        title: "Export routes",
        position: last.position + 1 + Math.floor(Math.random() * 10_000),
      },
    })
  ).id;
  clauseIds.push(await clauseIn(1, "Open words of the first clause."), await clauseIn(2, "Words in consultations."));
  await prisma.clauseRestriction.create({
    data: { clauseId: clauseIds[1], organizationId: as.australia.organizationId },
  });
  for (const clauseId of clauseIds) {
    versionIds.push((await saveClauseVersion(as.chair, { clauseId, name: "first reading" })).versionId);
  }
});

afterAll(async () => {
  await prisma.chapter.deleteMany({ where: { id: chapterId } });
});

describe("the export routes", () => {
  it("hand out a Word file (a zip holding word/document.xml) of a clause and of the instrument, audited", async () => {
    const before = (await exportsBy(as.australia)).length;
    const clause = await get(as.australia, `/api/clauses/${clauseIds[1]}/export?format=docx&variant=proposals`);
    expect(clause.status).toBe(200);
    expect(clause.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(clause.headers.get("content-disposition")).toMatch(
      /^attachment; filename=".*-article-e2-with-proposals\.docx"$/,
    );
    const parts = unzipSync(new Uint8Array(await clause.arrayBuffer()));
    expect(new TextDecoder().decode(parts["word/document.xml"])).toContain("Words in consultations.");

    const ofVersion = await get(
      as.australia,
      `/api/clauses/${clauseIds[1]}/export?format=docx&variant=changes&since=${versionIds[1]}`,
    );
    expect(ofVersion.status).toBe(200);

    const instrument = await get(as.australia, `/api/instruments/${instrumentId}/export?format=docx&variant=clean`);
    expect(instrument.status).toBe(200);
    expect(instrument.headers.get("content-disposition")).toMatch(/-clean\.docx"$/);
    expect(Object.keys(unzipSync(new Uint8Array(await instrument.arrayBuffer())))).toContain("word/document.xml");

    const html = await get(as.australia, `/api/instruments/${instrumentId}/export?format=html&variant=proposals`);
    expect(html.status).toBe(200);
    expect(html.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await html.text()).toContain("Export route clause 2");

    const recorded = (await exportsBy(as.australia)).slice(before);
    expect(recorded.map((e) => [e.targetType, e.organizationCode, e.details])).toEqual([
      ["clause", "AUS", { format: "docx", variant: "proposals", clauses: 1 }],
      ["clause", "AUS", { format: "docx", variant: "changes", clauses: 1, since: "first reading" }],
      ["instrument", "AUS", expect.objectContaining({ format: "docx", variant: "clean" })],
      ["instrument", "AUS", expect.objectContaining({ format: "html", variant: "proposals" })],
    ]);
    expect(recorded[0].targetId).toBe(clauseIds[1]);
  });

  it("hand out Akoma Ntoso of a clause and of the instrument, valid against the official schema, audited", async () => {
    const before = (await exportsBy(as.australia)).length;
    const clause = await get(
      as.australia,
      `/api/clauses/${clauseIds[1]}/export?format=akn&variant=proposals&version=${versionIds[1]}`,
    );
    expect(clause.status).toBe(200);
    expect(clause.headers.get("content-type")).toBe("application/akn+xml; charset=utf-8");
    expect(clause.headers.get("content-disposition")).toMatch(/-article-e2-with-proposals\.akn\.xml"$/);
    const portion = await clause.text();
    await expectValid(portion);
    // One clause is a portion of the instrument's work, of the version's expression.
    expect(portion).toContain("<portion");
    expect(portion).toContain("Words in consultations.");
    expect(portion).toMatch(/<FRBRversionNumber value="first reading"/);

    const instrument = await get(as.australia, `/api/instruments/${instrumentId}/export?format=akn&variant=clean`);
    expect(instrument.status).toBe(200);
    const bill = await instrument.text();
    await expectValid(bill);
    expect(bill).toMatch(/<FRBRthis value="\/akn\/un\/bill\/[0-9-]+\/[a-z0-9-]+\/!main"/);
    expect(bill).toContain("Export route clause 2");

    const changes = await get(
      as.australia,
      `/api/instruments/${instrumentId}/export?format=akn&variant=changes&since=${versionIds[0]}`,
    );
    expect(changes.status).toBe(400);
    const recorded = (await exportsBy(as.australia)).slice(before);
    expect(recorded.map((e) => [e.targetType, e.details])).toEqual([
      ["clause", { format: "akn", variant: "proposals", clauses: 1, version: "first reading" }],
      ["instrument", expect.objectContaining({ format: "akn", variant: "clean" })],
    ]);
  });

  it("refuse bad requests clearly, hide a restricted clause, and record nothing of them", async () => {
    const before = (await exportsBy(as.canada)).length;
    const instrument = `/api/instruments/${instrumentId}/export`;
    const clause = (id: string) => `/api/clauses/${id}/export`;
    const cases: [string, number, RegExp | string][] = [
      [`${instrument}?format=pdf`, 400, /Choose a format: html, text, docx, akn/],
      [`${instrument}?format=docx&variant=final`, 400, /Choose a variant: clean, proposals, changes/],
      [`${instrument}?format=text&variant=proposals`, 400, /clean variant only/],
      [`${instrument}?format=html&variant=changes&since=${versionIds[0]}`, 400, /Word \(format=docx\) only/],
      [`${instrument}?format=docx&variant=changes`, 400, /since=<version id>/],
      [
        `${instrument}?format=docx&variant=clean&since=${versionIds[0]}`,
        400,
        /changes variant \(variant=changes\) only/,
      ],
      [`${instrument}?format=docx&version=not-a-version`, 400, /version is not valid/],
      [
        `${instrument}?format=docx&version=00000000-0000-4000-8000-000000000000`,
        404,
        "This instrument has no such version.",
      ],
      // A clause's version is no version of the instrument.
      [`${instrument}?format=docx&version=${versionIds[0]}`, 404, "This instrument has no such version."],
      [
        `${instrument}?format=docx&chapter=00000000-0000-4000-8000-000000000000`,
        404,
        "This instrument has no such chapter.",
      ],
      // A version of another clause, or of a clause restricted away from Canada.
      [`${clause(clauseIds[0])}?format=docx&version=${versionIds[1]}`, 404, "This clause has no such version."],
      [
        `${clause(clauseIds[0])}?format=docx&variant=changes&since=${versionIds[1]}`,
        404,
        "This clause has no such version.",
      ],
      [`${clause(clauseIds[1])}?format=docx`, 404, NOT_FOUND],
      [`${clause(clauseIds[1])}?format=docx&version=${versionIds[1]}`, 404, NOT_FOUND],
      [`${clause("not-a-clause")}?format=docx`, 404, NOT_FOUND],
    ];
    for (const [path, status, message] of cases) {
      const response = await get(as.canada, path);
      expect([path, response.status]).toEqual([path, status]);
      const { error } = (await response.json()) as { error: string };
      if (typeof message === "string") expect(error).toBe(message);
      else expect(error).toMatch(message);
    }
    expect((await get(null, `${instrument}?format=docx`)).status).toBe(401);
    expect(
      (await get(as.canada, `${clause(clauseIds[0])}?format=docx`, { "sec-fetch-site": "cross-site" })).status,
    ).toBe(403);
    expect(await exportsBy(as.canada)).toHaveLength(before);

    // Canada's Word export of the instrument holds no trace of the clause in consultations.
    const docx = await get(as.canada, `${instrument}?format=docx&variant=proposals&chapter=${chapterId}`);
    const xml = new TextDecoder().decode(unzipSync(new Uint8Array(await docx.arrayBuffer()))["word/document.xml"]);
    expect(xml).toContain("Open words of the first clause.");
    expect(xml).not.toContain("consultations");
    expect((await exportsBy(as.canada)).slice(before)).toEqual([
      {
        targetType: "chapter",
        targetId: chapterId,
        organizationCode: "CAN",
        details: { format: "docx", variant: "proposals", clauses: 1 },
      },
    ]);
  });

  it("leave no trace of what is restricted away: a restricted chapter's version, a restricted clause's threads and changes", async () => {
    const last = await prisma.chapter.findFirstOrThrow({ where: { instrumentId }, orderBy: { position: "desc" } });
    const closed = await prisma.chapter.create({
      data: { instrumentId, number: "R", title: "Closed consultations", position: last.position + 1 },
    });
    try {
      await prisma.chapterRestriction.create({
        data: { chapterId: closed.id, organizationId: as.australia.organizationId },
      });
      const instrument = `/api/instruments/${instrumentId}/export`;
      const chapterVersion = await saveInstrumentVersion(as.chair, {
        instrumentId,
        chapterId: closed.id,
        name: "closed reading",
      });
      const whole = await saveInstrumentVersion(as.chair, { instrumentId, name: "whole reading" });
      await createThread(as.australia, { clauseId: clauseIds[1], body: "Our capital's remark on consultations" });
      const before = (await exportsBy(as.canada)).length;
      for (const path of [
        `${instrument}?format=docx&version=${chapterVersion.versionId}`,
        `${instrument}?format=docx&variant=changes&since=${chapterVersion.versionId}`,
        `${instrument}?format=akn&chapter=${closed.id}`,
      ]) {
        expect([path, (await get(as.canada, path)).status]).toEqual([path, 404]);
      }
      expect(await exportsBy(as.canada)).toHaveLength(before);
      // Of the whole instrument, with proposals and threads, and its changes since a version.
      for (const query of ["variant=proposals", `variant=changes&since=${whole.versionId}`]) {
        const response = await get(as.canada, `${instrument}?format=docx&${query}&chapter=${chapterId}`);
        expect(response.status).toBe(200);
        const parts = unzipSync(new Uint8Array(await response.arrayBuffer()));
        const text = Object.values(parts)
          .map((part) => new TextDecoder().decode(part))
          .join("");
        expect(text).not.toMatch(/consultations|remark/);
      }
      // Australia, whom the clause is open to, does see the thread.
      const theirs = await get(as.australia, `${instrument}?format=docx&variant=proposals&chapter=${chapterId}`);
      const comments = unzipSync(new Uint8Array(await theirs.arrayBuffer()))["word/comments.xml"];
      expect(new TextDecoder().decode(comments)).toContain("remark on consultations");
    } finally {
      await prisma.chapter.deleteMany({ where: { id: closed.id } });
    }
  });
});
