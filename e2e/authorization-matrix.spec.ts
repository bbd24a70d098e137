// The authorization matrix, generated from the rules: every role × every action × every door
// that offers it (page, route handler, websocket), each case run against the running app and
// its collaboration server on a real PostgreSQL, and compared with what lib/permissions/can.ts
// says. Where a rule depends on who wrote the thing (editing a comment, withdrawing a proposal),
// the door is tried twice: on the person's own and on someone else's. A new action with its
// door is one entry in DOORS.

import { MODE_LABELS } from "@/components/proposals/use-editor-mode";
import { type ClauseClient, openClause } from "@/lib/collab/test-support/clause-client";
import { CLAUSE_FRAGMENT } from "@/lib/editor/extensions";
import { decideInFragment } from "@/lib/editor/suggestions/decide-in-fragment";
import type { ProposalAuthor } from "@/lib/editor/suggestions/proposal-author";
import {
  ACTIONS,
  type Action,
  type Actor,
  can,
  canActOnAccount,
  instrumentsWhereMembersManaged,
  type Target,
} from "@/lib/permissions/can";
import type { Role } from "@/lib/permissions/roles";
import {
  proposalFingerprintOf,
  proposalFixtures,
  proposalStatus,
  type StoredThread,
  storedThread,
  type WrittenThread,
  writtenThread,
} from "./support/matrix-fixtures";
import { createOutsider, type Session, signInApi, withDatabase } from "./support/sessions";
import { expect, test } from "./support/test";
import {
  accountState,
  createSecondInstrument,
  freshPerson,
  type Kind,
  type TwoInstruments,
  trailAbout,
} from "./support/two-instruments";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const BASE = `http://localhost:${PORT}`;
const SOCKET = `ws://localhost:${PORT}/collab`;

type Who = "chair" | "delegate" | "observer" | "reader" | "outsider";
const PEOPLE: Record<Who, { email: string; role: Role | null }> = {
  chair: { email: "chair@clausework.demo", role: "CHAIR" },
  delegate: { email: "australia@clausework.demo", role: "DELEGATE" },
  observer: { email: "observer@clausework.demo", role: "OBSERVER" },
  reader: { email: "press@clausework.demo", role: "READER" },
  outsider: { email: "outsider-matrix@example.org", role: null },
};

/**
 * Whose comment, thread or proposal the door acts on, for the rules that ask who wrote it.
 * "Someone else" is a delegate of another delegation on the open clause (Canada), and on the
 * clause restricted to Australia — which nobody else sees — another member of Australia's
 * delegation: authorship is a person's, not their delegation's.
 */
type Whose = "own" | "others";
const SOMEONE_ELSE = { open: "canada@clausework.demo", restricted: "australia-legal@clausework.demo" } as const;

/** What the doors act on: the instrument, an open clause, a clause restricted to Australia. */
type World = {
  instrumentId: string;
  instrumentTitle: string;
  shortTitle: string;
  observersMayComment: boolean;
  openClause: { id: string; status: string };
  restrictedClause: { id: string; status: string };
  australiaId: string;
  jamaica: { id: string; role: string };
  /** Each person as the text stamps an author: who they are and for which delegation. */
  people: Record<Who, ProposalAuthor>;
  someoneElse: Record<Clause, ProposalAuthor>;
};
type Clause = "open" | "restricted";
/** `author`: who wrote the thing acted on — the person themselves, or someone else (see Whose). */
type Attempt = (session: Session, world: World, clause: Clause, author: ProposalAuthor) => Promise<boolean>;
type Door = {
  action: Action;
  door: "page" | "route" | "socket";
  what: string;
  clauses: Clause[];
  /** For rules that depend on the author: the door is tried on each. */
  whose?: Whose[];
  /**
   * When the door rightly lets through more than its action, the whole expectation, from what
   * the person may do (`may`); each use says why. Otherwise: exactly `can(action)`.
   */
  allows?: (may: (action: Action) => boolean) => boolean;
  attempt: Attempt;
};

const clauseOf = (world: World, clause: Clause) => (clause === "open" ? world.openClause : world.restrictedClause);
const authorFor = (world: World, who: Who, clause: Clause, whose: Whose) =>
  whose === "own" ? world.people[who] : world.someoneElse[clause];
const pageShows = async (session: Session, path: string) => (await session.api.get(path)).status() === 200;
const routeAllows = async (session: Session, operation: string, body: object) => {
  const response = await session.api.post(`/api/admin/${operation}`, { data: body });
  expect([200, 403, 404], `${operation} answered ${response.status()}`).toContain(response.status());
  return response.status() === 200;
};
async function socketScope(session: Session, clauseId: string): Promise<"read-write" | "readonly" | "refused"> {
  const client = openClause(SOCKET, clauseId, session.cookie);
  try {
    return await Promise.race([client.authenticated, client.refused.then(() => "refused" as const)]);
  } finally {
    client.destroy();
  }
}

/** Makes `edit` to the clause over the person's own socket and reports whether the server saved it. */
async function socketEditSaved(session: Session, clauseId: string, edit: (client: ClauseClient) => void) {
  const client = openClause(SOCKET, clauseId, session.cookie);
  try {
    const scope = await Promise.race([client.authenticated, client.refused.then(() => "refused" as const)]);
    if (scope !== "read-write") return false;
    await client.saved();
    edit(client);
    const refusedOrTimeout = new Promise<false>((resolve) => {
      client.provider.on("close", () => resolve(false));
      setTimeout(() => resolve(false), 5000);
    });
    return await Promise.race([client.saved().then(() => true), refusedOrTimeout]);
  } finally {
    client.destroy();
  }
}

/** A request to a route handler; answers whether it was done, after checking what was stored agrees. */
async function routeDoes(
  session: Session,
  request: { method: string; path: string; data?: object },
  stored: () => Promise<boolean>,
): Promise<boolean> {
  const { method, path, data } = request;
  const response = await session.api.fetch(path, { method, data });
  expect([200, 403, 404], `${method} ${path} answered ${response.status()}`).toContain(response.status());
  // A refusal changes nothing; a success is stored.
  expect(await stored(), `${method} ${path} answered ${response.status()}: is it stored?`).toBe(response.ok());
  return response.ok();
}

/** Acts through a comment route on a fresh thread of one comment by `author`. */
async function onFreshThread(
  session: Session,
  clauseId: string,
  author: ProposalAuthor,
  act: { resolved?: boolean; method: string; path: (thread: WrittenThread) => string; data?: object },
  done: (after: StoredThread) => boolean,
): Promise<boolean> {
  const thread = await writtenThread(clauseId, author, act.resolved);
  return routeDoes(session, { method: act.method, path: act.path(thread), data: act.data }, async () =>
    done(await storedThread(thread)),
  );
}

const DOORS: Door[] = [
  {
    action: "instrument.view",
    door: "page",
    what: "the home page lists the instrument",
    clauses: ["open"],
    attempt: async (s, w) => (await (await s.api.get("/")).text()).includes(w.instrumentTitle),
  },
  {
    action: "clause.view",
    door: "page",
    what: "GET /clauses/:id",
    clauses: ["open", "restricted"],
    attempt: (s, w, c) => pageShows(s, `/clauses/${clauseOf(w, c).id}`),
  },
  {
    action: "clause.view",
    door: "socket",
    what: "opening the clause on /collab",
    clauses: ["open", "restricted"],
    attempt: async (s, w, c) => (await socketScope(s, clauseOf(w, c).id)) !== "refused",
  },
  {
    action: "clause.suggest",
    door: "socket",
    what: "a writable connection to the clause (proposals, checked by the suggest-only guard)",
    clauses: ["open", "restricted"],
    attempt: async (s, w, c) => (await socketScope(s, clauseOf(w, c).id)) === "read-write",
  },
  {
    action: "clause.editText",
    door: "socket",
    what: "a direct (unproposed) edit sent over the socket is saved",
    clauses: ["open", "restricted"],
    attempt: (s, w, c) =>
      socketEditSaved(s, clauseOf(w, c).id, (client) =>
        client.appendParagraph(`Direct edit from the matrix ${Date.now()}`),
      ),
  },
  {
    action: "clause.editText",
    door: "page",
    what: "the clause page offers the Editing mode",
    clauses: ["open", "restricted"],
    attempt: async (s, w, c) => {
      const response = await s.api.get(`/clauses/${clauseOf(w, c).id}`);
      return response.status() === 200 && (await response.text()).includes(MODE_LABELS.editing.hint);
    },
  },
  {
    action: "clause.suggest",
    door: "page",
    what: "the clause page offers the Suggesting mode",
    clauses: ["open", "restricted"],
    attempt: async (s, w, c) => {
      const response = await s.api.get(`/clauses/${clauseOf(w, c).id}`);
      return response.status() === 200 && (await response.text()).includes(MODE_LABELS.suggesting.hint);
    },
  },
  {
    action: "thread.view",
    door: "route",
    what: "GET /api/clauses/:id/threads",
    clauses: ["open", "restricted"],
    attempt: async (s, w, c) => (await s.api.get(`/api/clauses/${clauseOf(w, c).id}/threads`)).status() === 200,
  },
  {
    action: "thread.create",
    door: "route",
    what: "POST /api/clauses/:id/threads (a thread on the whole clause)",
    clauses: ["open", "restricted"],
    attempt: async (s, w, c) => {
      const response = await s.api.post(`/api/clauses/${clauseOf(w, c).id}/threads`, {
        data: { body: "A remark from the matrix." },
      });
      expect([200, 201, 403, 404], `thread.create answered ${response.status()}`).toContain(response.status());
      return response.ok();
    },
  },
  {
    action: "comment.reply",
    door: "route",
    what: "POST /api/clauses/:id/threads/:thread/comments",
    clauses: ["open", "restricted"],
    whose: ["own", "others"],
    attempt: (s, w, c, author) =>
      onFreshThread(
        s,
        clauseOf(w, c).id,
        author,
        { method: "POST", path: (t) => `${t.threadPath}/comments`, data: { body: "A reply from the matrix." } },
        (after) => after.comments === 2,
      ),
  },
  {
    action: "comment.edit",
    door: "route",
    what: "PATCH /api/clauses/:id/threads/:thread/comments/:comment",
    clauses: ["open", "restricted"],
    whose: ["own", "others"],
    attempt: (s, w, c, author) =>
      onFreshThread(
        s,
        clauseOf(w, c).id,
        author,
        { method: "PATCH", path: (t) => t.commentPath, data: { body: "Edited by the matrix." } },
        (after) => after.body === "Edited by the matrix.",
      ),
  },
  {
    action: "comment.delete",
    door: "route",
    what: "DELETE /api/clauses/:id/threads/:thread/comments/:comment",
    clauses: ["open", "restricted"],
    whose: ["own", "others"],
    attempt: (s, w, c, author) =>
      onFreshThread(
        s,
        clauseOf(w, c).id,
        author,
        { method: "DELETE", path: (t) => t.commentPath },
        (after) => after.deleted,
      ),
  },
  {
    action: "thread.resolve",
    door: "route",
    what: "PATCH /api/clauses/:id/threads/:thread { resolved: true }",
    clauses: ["open", "restricted"],
    whose: ["own", "others"],
    attempt: (s, w, c, author) =>
      onFreshThread(
        s,
        clauseOf(w, c).id,
        author,
        { method: "PATCH", path: (t) => t.threadPath, data: { resolved: true } },
        (after) => after.resolved,
      ),
  },
  {
    action: "thread.reopen",
    door: "route",
    what: "PATCH /api/clauses/:id/threads/:thread { resolved: false }",
    clauses: ["open", "restricted"],
    whose: ["own", "others"],
    attempt: (s, w, c, author) =>
      onFreshThread(
        s,
        clauseOf(w, c).id,
        author,
        { resolved: true, method: "PATCH", path: (t) => t.threadPath, data: { resolved: false } },
        (after) => !after.resolved,
      ),
  },
  {
    action: "clause.view",
    door: "route",
    what: "GET /api/clauses/:id/proposals (the proposals panel)",
    clauses: ["open", "restricted"],
    attempt: async (s, w, c) => (await s.api.get(`/api/clauses/${clauseOf(w, c).id}/proposals`)).status() === 200,
  },
  {
    action: "proposal.decide",
    door: "route",
    what: "POST /api/clauses/:id/proposals/decisions (reject a delegate's proposal)",
    clauses: ["open", "restricted"],
    attempt: (s, w, c) =>
      proposals.onFreshProposal(clauseOf(w, c).id, w.someoneElse[c], async (id) =>
        routeDoes(
          s,
          {
            method: "POST",
            path: `/api/clauses/${clauseOf(w, c).id}/proposals/decisions`,
            data: {
              scope: { proposalId: id },
              fingerprint: await proposalFingerprintOf(id),
              outcome: "REJECTED",
              reason: "Decided in the matrix.",
            },
          },
          async () => (await proposalStatus(id)) === "REJECTED",
        ),
      ),
  },
  {
    action: "proposal.takePosition",
    door: "route",
    what: "PUT /api/clauses/:id/proposals/:proposal/position (on a delegate's proposal)",
    clauses: ["open", "restricted"],
    attempt: (s, w, c) =>
      proposals.onFreshProposal(clauseOf(w, c).id, w.someoneElse[c], async (id) =>
        routeDoes(
          s,
          {
            method: "PUT",
            path: `/api/clauses/${clauseOf(w, c).id}/proposals/${id}/position`,
            data: { stance: "SUPPORTS", fingerprint: await proposalFingerprintOf(id) },
          },
          async () =>
            withDatabase(
              async (db) =>
                (await db.query(`SELECT 1 FROM "ProposalPosition" WHERE "proposalId" = $1`, [id])).rowCount === 1,
            ),
        ),
      ),
  },
  {
    action: "proposal.withdraw",
    door: "socket",
    what: "taking a proposal's words out of the text (what Withdraw does) is saved",
    clauses: ["open", "restricted"],
    whose: ["own", "others"],
    // The socket judges the edit, not the intent: whoever may edit the text directly (the chair)
    // may also take anyone's proposed words out of it. Only people who may merely suggest are
    // held to their own proposals (the suggest-only guard).
    allows: (may) => may("proposal.withdraw") || may("clause.editText"),
    attempt: (s, w, c, author) =>
      proposals.onFreshProposal(clauseOf(w, c).id, author, async (id) => {
        const saved = await socketEditSaved(s, clauseOf(w, c).id, (client) =>
          decideInFragment(client.doc.getXmlFragment(CLAUSE_FRAGMENT), new Set([id]), "REJECTED"),
        );
        if (saved) await expect.poll(() => proposalStatus(id), { intervals: [50] }).toBe("WITHDRAWN");
        else expect(await proposalStatus(id), "a refused withdrawal leaves the proposal open").toBe("OPEN");
        return saved;
      }),
  },
  {
    action: "instrument.manage",
    door: "route",
    what: "POST /api/admin/instrument.update",
    clauses: ["open"],
    attempt: (s, w) =>
      routeAllows(s, "instrument.update", {
        instrumentId: w.instrumentId,
        title: w.instrumentTitle,
        shortTitle: w.shortTitle,
        observersMayComment: true,
      }),
  },
  {
    action: "clause.manage",
    door: "page",
    what: "GET /admin/:instrument",
    clauses: ["open"],
    attempt: (s, w) => pageShows(s, `/admin/${w.instrumentId}`),
  },
  {
    action: "clause.manage",
    door: "route",
    what: "POST /api/admin/clause.set-status (to the status it has)",
    clauses: ["open", "restricted"],
    attempt: (s, w, c) =>
      routeAllows(s, "clause.set-status", {
        instrumentId: w.instrumentId,
        clauseId: clauseOf(w, c).id,
        status: clauseOf(w, c).status,
      }),
  },
  {
    action: "reading.save",
    door: "route",
    what: "POST /api/clauses/:id/versions",
    clauses: ["open", "restricted"],
    attempt: async (s, w, c) => {
      const response = await s.api.post(`/api/clauses/${clauseOf(w, c).id}/versions`, { data: { name: "matrix" } });
      expect([200, 403, 404], `saving a version answered ${response.status()}`).toContain(response.status());
      return response.status() === 200;
    },
  },
  {
    action: "members.manage",
    door: "page",
    what: "GET /admin/:instrument/people",
    clauses: ["open"],
    attempt: (s, w) => pageShows(s, `/admin/${w.instrumentId}/people`),
  },
  {
    action: "members.manage",
    door: "route",
    what: "POST /api/admin/participant.set-role (to the role it has)",
    clauses: ["open"],
    attempt: (s, w) =>
      routeAllows(s, "participant.set-role", {
        instrumentId: w.instrumentId,
        organizationId: w.jamaica.id,
        role: w.jamaica.role,
      }),
  },
  {
    action: "audit.view",
    door: "page",
    what: "GET /admin/:instrument/audit",
    clauses: ["open"],
    attempt: (s, w) => pageShows(s, `/admin/${w.instrumentId}/audit`),
  },
  {
    action: "instrument.export",
    door: "route",
    what: "GET /api/instruments/:id/export (the printable page with proposals)",
    clauses: ["open"],
    attempt: async (s, w) =>
      (await s.api.get(`/api/instruments/${w.instrumentId}/export?format=html&variant=proposals`)).status() === 200,
  },
];

function expected(who: Who, door: Door, clause: Clause, whose: Whose, world: World): boolean {
  const { role } = PEOPLE[who];
  const actor: Actor = {
    userId: world.people[who].authorId,
    organizationId: world.people[who].organizationId,
    active: true,
    role,
    observersMayComment: world.observersMayComment,
  };
  const target: Target = {
    authorId: authorFor(world, who, clause, whose).authorId,
    ...(clause === "restricted" ? { restrictedTo: [world.australiaId] } : {}),
  };
  // A clause-level action needs the clause to exist for the person first, as every door checks.
  const seesClause = clause === "open" || can(actor, "clause.view", target);
  const may = (action: Action) => seesClause && can(actor, action, target);
  return door.allows ? door.allows(may) : may(door.action);
}

test.describe.configure({ mode: "serial" });

const sessions = {} as Record<Who, Session>;
let world: World;
let proposals: ReturnType<typeof proposalFixtures>;

test.beforeAll(async () => {
  await createOutsider(PEOPLE.outsider.email);
  for (const who of Object.keys(PEOPLE) as Who[]) sessions[who] = await signInApi(BASE, PEOPLE[who].email);
  proposals = proposalFixtures(SOCKET, sessions.chair.cookie);
  world = await withDatabase(async (db) => {
    const instrument = (
      await db.query(
        `SELECT id, title, "shortTitle", "observersMayComment" FROM "Instrument" ORDER BY "createdAt" LIMIT 1`,
      )
    ).rows[0];
    const open = (
      await db.query(`SELECT id, status FROM "Clause" WHERE "instrumentId" = $1 ORDER BY number LIMIT 1`, [
        instrument.id,
      ])
    ).rows[0];
    const authors = new Map(
      (
        await db.query<ProposalAuthor & { email: string }>(
          `SELECT u.email, u.id AS "authorId", u.name AS "authorName", o.id AS "organizationId",
                  o.code AS "organizationCode", o.name AS "organizationName", o.colour
           FROM "User" u JOIN "Membership" m ON m."userId" = u.id JOIN "Organization" o ON o.id = m."organizationId"`,
        )
      ).rows.map(({ email, ...author }) => [email, author as ProposalAuthor]),
    );
    const author = (email: string) => authors.get(email) as ProposalAuthor;
    const jamaica = (
      await db.query(
        `SELECT o.id, p.role FROM "Organization" o JOIN "Participant" p ON p."organizationId" = o.id WHERE o.code = 'JAM'`,
      )
    ).rows[0];
    return {
      instrumentId: instrument.id,
      instrumentTitle: instrument.title,
      shortTitle: instrument.shortTitle,
      openClause: open,
      restrictedClause: { id: "", status: "OPEN" },
      observersMayComment: instrument.observersMayComment,
      australiaId: author(PEOPLE.delegate.email).organizationId,
      jamaica,
      people: Object.fromEntries(
        (Object.keys(PEOPLE) as Who[]).map((who) => [who, author(PEOPLE[who].email)]),
      ) as Record<Who, ProposalAuthor>,
      someoneElse: { open: author(SOMEONE_ELSE.open), restricted: author(SOMEONE_ELSE.restricted) },
    };
  });
  // The chair sets up informal consultations through the same route the matrix tests.
  const chapterId = await withDatabase(
    async (db) =>
      (
        await db.query(`SELECT id FROM "Chapter" WHERE "instrumentId" = $1 ORDER BY position LIMIT 1`, [
          world.instrumentId,
        ])
      ).rows[0].id,
  );
  const created = await sessions.chair.api.post("/api/admin/clause.create", {
    data: {
      instrumentId: world.instrumentId,
      chapterId,
      number: "14 bis",
      title: "Matrix consultations",
      topics: "csam",
    },
  });
  expect(created.status()).toBe(200);
  world.restrictedClause.id = ((await created.json()) as { clauseId: string }).clauseId;
  const restricted = await sessions.chair.api.post("/api/admin/clause.restrict", {
    data: {
      instrumentId: world.instrumentId,
      clauseId: world.restrictedClause.id,
      organizationIds: [world.australiaId],
    },
  });
  expect(restricted.status()).toBe(200);
});

test.afterAll(async () => {
  proposals?.close();
  for (const session of Object.values(sessions)) await session?.api.dispose();
});

test("every action the app has is behind at least one door in the matrix", () => {
  const covered = new Set(DOORS.map((door) => door.action));
  // Actions added by other capabilities must bring their doors into DOORS.
  expect(ACTIONS.filter((action) => !covered.has(action))).toEqual([]);
});

const ON_WHOSE: Record<Whose, string> = { own: " — on their own", others: " — on someone else's" };

for (const door of DOORS) {
  for (const clause of door.clauses) {
    for (const whose of door.whose ?? ["own"]) {
      const title = `${door.action} · ${door.door}: ${door.what}${clause === "restricted" ? " — restricted clause" : ""}${door.whose ? ON_WHOSE[whose] : ""}`;
      test(title, async () => {
        const outcomes: Record<string, string> = {};
        const wanted: Record<string, string> = {};
        for (const who of Object.keys(PEOPLE) as Who[]) {
          const author = authorFor(world, who, clause, whose);
          outcomes[who] = (await door.attempt(sessions[who], world, clause, author)) ? "allow" : "deny";
          wanted[who] = expected(who, door, clause, whose, world) ? "allow" : "deny";
        }
        expect(outcomes).toEqual(wanted);
      });
    }
  }
}

test("route handlers refuse cross-site requests, even with the chair's session", async () => {
  const response = await sessions.chair.api.post("/api/admin/clause.set-status", {
    headers: { origin: "https://evil.example" },
    data: { instrumentId: world.instrumentId, clauseId: world.openClause.id, status: "AGREED" },
  });
  expect(response.status()).toBe(403);
  const status = await withDatabase(
    async (db) => (await db.query(`SELECT status FROM "Clause" WHERE id = $1`, [world.openClause.id])).rows[0].status,
  );
  expect(status).toBe(world.openClause.status);
});

test("malformed ids, unknown operations and forged fields get clear refusals that change nothing", async () => {
  const chair = sessions.chair.api;
  const bad = await chair.post("/api/admin/clause.set-status", {
    data: { instrumentId: "not-an-id", clauseId: world.openClause.id, status: "AGREED" },
  });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toMatch(/instrument is not valid/i);
  const unknown = await chair.post("/api/admin/clause.set-status", {
    data: { instrumentId: world.instrumentId, clauseId: "00000000-0000-4000-8000-000000000000", status: "AGREED" },
  });
  expect(unknown.status()).toBe(404);
  expect((await chair.post("/api/admin/no.such-thing", { data: {} })).status()).toBe(404);
  // A delegate cannot act as the chair by naming the chair's organisation or role in the body.
  const forged = await sessions.delegate.api.post("/api/admin/participant.set-role", {
    data: {
      instrumentId: world.instrumentId,
      organizationId: world.people.delegate.organizationId,
      role: "CHAIR",
      actingAs: world.people.chair.organizationId,
      actorRole: "CHAIR",
    },
  });
  expect(forged.status()).toBe(403);
  const role = await withDatabase(
    async (db) =>
      (
        await db.query(`SELECT role FROM "Participant" WHERE "organizationId" = $1`, [
          world.people.delegate.organizationId,
        ])
      ).rows[0].role,
  );
  expect(role).toBe("DELEGATE");
});

test("the proposal routes refuse bad input, other sites, changed words and closed proposals clearly, changing nothing", async () => {
  const clauseId = world.openClause.id;
  const decisions = `/api/clauses/${clauseId}/proposals/decisions`;
  await proposals.onFreshProposal(clauseId, world.someoneElse.open, async (id) => {
    const position = `/api/clauses/${clauseId}/proposals/${id}/position`;
    const fingerprint = await proposalFingerprintOf(id);
    const malformed = await sessions.chair.api.post(decisions, {
      data: { scope: { proposalId: "not-an-id" }, outcome: "REJECTED", fingerprint },
    });
    expect(malformed.status()).toBe(400);
    expect((await malformed.json()).error).toMatch(/not a proposal/i);
    const noStance = await sessions.delegate.api.put(position, { data: { stance: "MAYBE", fingerprint } });
    expect(noStance.status()).toBe(400);
    expect((await noStance.json()).error).toMatch(/choose supports, opposes or reserves/i);
    // A decision or a position must say which words it is on, and those words must be the text's.
    const unpinned = await sessions.chair.api.post(decisions, {
      data: { scope: { proposalId: id }, outcome: "ACCEPTED" },
    });
    expect(unpinned.status()).toBe(400);
    expect((await unpinned.json()).error).toMatch(/which words you saw/i);
    const otherWords = "0".repeat(64);
    const stale = await sessions.chair.api.post(decisions, {
      data: { scope: { proposalId: id }, outcome: "ACCEPTED", fingerprint: otherWords },
    });
    expect(stale.status()).toBe(409);
    expect((await stale.json()).error).toBe("This proposal changed since you opened it — review it again.");
    const staleAll = await sessions.chair.api.post(decisions, {
      data: { scope: { all: true }, outcome: "ACCEPTED", fingerprints: { [id]: otherWords } },
    });
    expect(staleAll.status()).toBe(409);
    const unpinnedPosition = await sessions.delegate.api.put(position, { data: { stance: "SUPPORTS" } });
    expect(unpinnedPosition.status()).toBe(400);
    const stalePosition = await sessions.delegate.api.put(position, {
      data: { stance: "SUPPORTS", fingerprint: otherWords },
    });
    expect(stalePosition.status()).toBe(409);
    const crossSite = await sessions.chair.api.post(decisions, {
      headers: { origin: "https://evil.example" },
      data: { scope: { proposalId: id }, outcome: "ACCEPTED", fingerprint },
    });
    expect(crossSite.status()).toBe(403);
    expect(await proposalStatus(id)).toBe("OPEN");
    // Once decided, it can be neither decided again nor given a position.
    const decided = await sessions.chair.api.post(decisions, {
      data: { scope: { proposalId: id }, outcome: "REJECTED", fingerprint },
    });
    expect(decided.status()).toBe(200);
    const again = await sessions.chair.api.post(decisions, {
      data: { scope: { proposalId: id }, outcome: "ACCEPTED", fingerprint },
    });
    expect(again.status()).toBe(409);
    expect((await again.json()).error).toMatch(/no longer open/i);
    const late = await sessions.delegate.api.put(position, { data: { stance: "SUPPORTS", fingerprint } });
    expect(late.status()).toBe(409);
    expect((await late.json()).error).toMatch(/positions are closed/i);
    expect(await proposalStatus(id)).toBe("REJECTED");
    return true;
  });
});

// ── Instruments kept apart: two instruments, two chairs ─────────────────────────────────────
// Every act on a person's account, by each chair from their own instrument, on a person of each
// kind — taking part only in the demo instrument, only in the second, in both, or in the demo
// secretariat, which the second chair has attached to their instrument. The expectation comes
// from the rules (canActOnAccount, and instrumentsWhereMembersManaged for who manages what).

type AccountAct = "person.reissue-link" | "person.set-active" | "person.move" | "person.invite";
const ACCOUNT_ACTS: AccountAct[] = ["person.reissue-link", "person.set-active", "person.move", "person.invite"];
const KINDS: Kind[] = ["onlyOne", "onlyTwo", "both", "secretariatOne"];
type Chair = "chairOne" | "chairTwo";

test.describe("instruments kept apart", () => {
  let apart: TwoInstruments;
  const chairs = {} as Record<Chair, Session>;
  const from = (chair: Chair) => (chair === "chairOne" ? apart.one : apart.two);
  /** Where each chair moves people: the delegation that takes part only in their own instrument. */
  const homeOf = (chair: Chair) => (chair === "chairOne" ? apart.homes.one : apart.homes.two);
  /** What each chair's organisation takes part in, and so — by the rules — which instruments it manages. */
  const participations: Record<Chair, () => { instrumentId: string; role: Role; observersMayComment: boolean }[]> = {
    chairOne: () => [
      { instrumentId: apart.one, role: "CHAIR", observersMayComment: true },
      { instrumentId: apart.two, role: "READER", observersMayComment: true },
    ],
    chairTwo: () => [{ instrumentId: apart.two, role: "CHAIR", observersMayComment: true }],
  };

  function expectedStatus(chair: Chair, act: AccountAct, kind: Kind): 200 | 403 | 404 {
    const organization = apart.organizations[kind];
    // The person (or, for an invitation, the organisation) does not take part where the chair acts.
    if (!organization.instruments.includes(from(chair))) return 404;
    const reached = new Set(organization.instruments);
    if (act === "person.move") for (const id of homeOf(chair).instruments) reached.add(id);
    const managesMembersOf = instrumentsWhereMembersManaged(
      { userId: "chair", organizationId: "theirs", active: true },
      participations[chair](),
    );
    return canActOnAccount({ active: true, systemAdmin: false, managesMembersOf }, { instrumentIds: [...reached] })
      ? 200
      : 403;
  }

  test.beforeAll(async () => {
    apart = await createSecondInstrument();
    chairs.chairOne = sessions.chair;
    chairs.chairTwo = await signInApi(BASE, apart.chairTwoEmail);
    // The attack begins with what any chair may do: attach another instrument's secretariat.
    const attached = await chairs.chairTwo.api.post("/api/admin/participant.set-role", {
      data: { instrumentId: apart.two, organizationId: apart.secretariatOne, role: "READER" },
    });
    expect(attached.status()).toBe(200);
  });

  test.afterAll(async () => {
    await chairs.chairTwo?.api.post("/api/admin/participant.set-role", {
      data: { instrumentId: apart.two, organizationId: apart.secretariatOne, role: "NONE" },
    });
    await chairs.chairTwo?.api.dispose();
  });

  for (const act of ACCOUNT_ACTS) {
    test(`${act}: each chair, from their own instrument, on a person of each kind`, async () => {
      const outcomes: Record<string, number> = {};
      const wanted: Record<string, number> = {};
      for (const chair of ["chairOne", "chairTwo"] as Chair[]) {
        for (const kind of KINDS) {
          const organization = apart.organizations[kind];
          const person = await freshPerson(organization.id);
          const invited = `apart-invited-${Date.now().toString(36)}-${kind.toLowerCase()}@example.org`;
          const body = {
            "person.reissue-link": { userId: person.id },
            "person.set-active": { userId: person.id, active: false },
            "person.move": { userId: person.id, organizationId: homeOf(chair).id },
            "person.invite": { organizationId: organization.id, name: "Invited Apart", email: invited },
          }[act];
          const response = await chairs[chair].api.post(`/api/admin/${act}`, {
            data: { instrumentId: from(chair), ...body },
          });
          const key = `${chair} on ${kind}`;
          outcomes[key] = response.status();
          wanted[key] = expectedStatus(chair, act, kind);

          // What was stored agrees: a refusal changes nothing and records nothing; a success is
          // recorded in the trail of every instrument the account counts in.
          const done = response.status() === 200;
          const targetId =
            act === "person.invite"
              ? ((await withDatabase(
                  async (db) => (await db.query(`SELECT id FROM "User" WHERE email = $1`, [invited])).rows[0]?.id,
                )) as string | undefined)
              : person.id;
          if (act === "person.invite") expect(targetId !== undefined, `${key}: invited person stored?`).toBe(done);
          const state = await accountState(person.id);
          expect(state, `${key}: account as stored`).toEqual({
            active: !(done && act === "person.set-active"),
            organizations: done && act === "person.move" ? [homeOf(chair).id] : [organization.id],
            links: done && act === "person.reissue-link" ? 1 : 0,
          });
          const reached = new Set([
            ...organization.instruments,
            ...(act === "person.move" ? homeOf(chair).instruments : []),
          ]);
          for (const instrument of [apart.one, apart.two]) {
            const trail = targetId ? await trailAbout(instrument, targetId) : [];
            expect(trail.length, `${key}: entries in ${instrument === apart.one ? "one" : "two"}'s trail`).toBe(
              done && reached.has(instrument) ? 1 : 0,
            );
          }
        }
      }
      expect(outcomes).toEqual(wanted);
    });
  }
});
