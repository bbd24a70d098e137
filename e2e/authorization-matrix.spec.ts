// The authorization matrix, generated from the rules: every role × every action × every door
// that offers it (page, route handler / server action, websocket), each case run against the
// running app and its collaboration server on a real PostgreSQL, and compared with what
// lib/permissions/can.ts says. A new action with its door is one entry in DOORS.

import { MODE_LABELS } from "@/components/proposals/use-editor-mode";
import { openClause } from "@/lib/collab/test-support/clause-client";
import { ACTIONS, type Action, type Actor, can, type Target } from "@/lib/permissions/can";
import type { Role } from "@/lib/permissions/roles";
import { createOutsider, type Session, signInApi, withDatabase } from "./support/sessions";
import { expect, test } from "./support/test";

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

/** What the doors act on: the instrument, an open clause, a clause restricted to Australia. */
type World = {
  instrumentId: string;
  instrumentTitle: string;
  shortTitle: string;
  openClause: { id: string; status: string };
  restrictedClause: { id: string; status: string };
  australiaId: string;
  jamaica: { id: string; role: string };
  organizationOf: Record<Who, string>;
};
type Clause = "open" | "restricted";
type Attempt = (session: Session, world: World, clause: Clause) => Promise<boolean>;
type Door = { action: Action; door: "page" | "route" | "socket"; what: string; clauses: Clause[]; attempt: Attempt };

const clauseOf = (world: World, clause: Clause) => (clause === "open" ? world.openClause : world.restrictedClause);
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

/** Sends a plain paragraph (no proposal marks) and reports whether the server saved it. */
async function directEditSaved(session: Session, clauseId: string): Promise<boolean> {
  const client = openClause(SOCKET, clauseId, session.cookie);
  try {
    const scope = await Promise.race([client.authenticated, client.refused.then(() => "refused" as const)]);
    if (scope !== "read-write") return false;
    await client.saved();
    client.appendParagraph(`Direct edit from the matrix ${Date.now()}`);
    const refusedOrTimeout = new Promise<false>((resolve) => {
      client.provider.on("close", () => resolve(false));
      setTimeout(() => resolve(false), 5000);
    });
    return await Promise.race([client.saved().then(() => true), refusedOrTimeout]);
  } finally {
    client.destroy();
  }
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
    attempt: (s, w, c) => directEditSaved(s, clauseOf(w, c).id),
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

function expected(who: Who, action: Action, clause: Clause, world: World): boolean {
  const { role } = PEOPLE[who];
  const actor: Actor = {
    userId: who,
    organizationId: world.organizationOf[who],
    active: true,
    role,
    observersMayComment: true,
  };
  const target: Target = clause === "restricted" ? { restrictedTo: [world.australiaId] } : {};
  // A clause-level action needs the clause to exist for the person first, as every door checks.
  const seesClause = clause === "open" || can(actor, "clause.view", target);
  return seesClause && can(actor, action, target);
}

test.describe.configure({ mode: "serial" });

const sessions = {} as Record<Who, Session>;
let world: World;

test.beforeAll(async () => {
  await createOutsider(PEOPLE.outsider.email);
  for (const who of Object.keys(PEOPLE) as Who[]) sessions[who] = await signInApi(BASE, PEOPLE[who].email);
  world = await withDatabase(async (db) => {
    const instrument = (await db.query(`SELECT id, title, "shortTitle" FROM "Instrument" ORDER BY "createdAt" LIMIT 1`))
      .rows[0];
    const open = (
      await db.query(`SELECT id, status FROM "Clause" WHERE "instrumentId" = $1 ORDER BY number LIMIT 1`, [
        instrument.id,
      ])
    ).rows[0];
    const orgs = new Map(
      (
        await db.query<{ email: string; organizationId: string }>(
          `SELECT u.email, m."organizationId" FROM "User" u JOIN "Membership" m ON m."userId" = u.id`,
        )
      ).rows.map((r) => [r.email, r.organizationId]),
    );
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
      australiaId: orgs.get(PEOPLE.delegate.email) as string,
      jamaica,
      organizationOf: Object.fromEntries(
        (Object.keys(PEOPLE) as Who[]).map((who) => [who, orgs.get(PEOPLE[who].email) as string]),
      ) as Record<Who, string>,
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
  for (const session of Object.values(sessions)) await session?.api.dispose();
});

/**
 * Actions whose rule depends on who wrote the thing (author-only edits, resolving one's own
 * thread, withdrawing one's own proposal) or whose door is a server action the matrix cannot
 * drive over HTTP. Each is checked through its door, role by role, in the named test instead.
 */
const CHECKED_ELSEWHERE: Partial<Record<Action, string>> = {
  "comment.reply": "lib/comments/comment-service.test.ts",
  "comment.edit": "lib/comments/comment-service.test.ts",
  "comment.delete": "lib/comments/comment-service.test.ts",
  "thread.resolve": "lib/comments/comment-service.test.ts",
  "thread.reopen": "lib/comments/comment-service.test.ts",
  "proposal.withdraw": "lib/proposals/proposals-server.test.ts",
  "proposal.decide": "lib/proposals/proposals-server.test.ts, e2e/proposals.spec.ts",
  "proposal.takePosition": "lib/proposals/proposals-server.test.ts, e2e/proposals.spec.ts",
};

test("every action the app has is behind at least one door in the matrix", () => {
  const covered = new Set([...DOORS.map((door) => door.action), ...(Object.keys(CHECKED_ELSEWHERE) as Action[])]);
  // Actions added by other capabilities must bring their doors into DOORS.
  expect(ACTIONS.filter((action) => !covered.has(action))).toEqual([]);
});

for (const door of DOORS) {
  for (const clause of door.clauses) {
    test(`${door.action} · ${door.door}: ${door.what}${clause === "restricted" ? " — restricted clause" : ""}`, async () => {
      const outcomes: Record<string, string> = {};
      const wanted: Record<string, string> = {};
      for (const who of Object.keys(PEOPLE) as Who[]) {
        outcomes[who] = (await door.attempt(sessions[who], world, clause)) ? "allow" : "deny";
        wanted[who] = expected(who, door.action, clause, world) ? "allow" : "deny";
      }
      expect(outcomes).toEqual(wanted);
    });
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
      organizationId: world.organizationOf.delegate,
      role: "CHAIR",
      actingAs: world.organizationOf.chair,
      actorRole: "CHAIR",
    },
  });
  expect(forged.status()).toBe(403);
  const role = await withDatabase(
    async (db) =>
      (await db.query(`SELECT role FROM "Participant" WHERE "organizationId" = $1`, [world.organizationOf.delegate]))
        .rows[0].role,
  );
  expect(role).toBe("DELEGATE");
});
