// The authorization matrix, generated from the rules: every role × every action × every door
// that offers it (page, route handler, websocket, server action), each case run against the
// running app and its collaboration server on a real PostgreSQL, and compared with what
// lib/permissions/can.ts says. Where a rule depends on who wrote the thing (editing a comment,
// withdrawing a proposal), the door is tried twice: on the person's own and on someone else's.
// A new action with its door is one entry in DOORS; a new server action, one in SERVER_ACTIONS
// (a test fails until it is there). Two instruments with two chairs try every act on accounts
// and every attachment of an organisation, through the route handlers and the server actions.

import { request } from "@playwright/test";
import { MODE_LABELS } from "@/components/proposals/use-editor-mode";
import { type ClauseClient, openClause } from "@/lib/collab/test-support/clause-client";
import type { AnchorRange } from "@/lib/comments/anchor-range";
import { selectWords } from "@/lib/comments/test-clause-doc";
import type { DoorResult } from "@/lib/doors/door-result";
import { CLAUSE_FRAGMENT } from "@/lib/editor/extensions";
import { decideInFragment } from "@/lib/editor/suggestions/decide-in-fragment";
import type { ProposalAuthor } from "@/lib/editor/suggestions/proposal-author";
import {
  ACTIONS,
  type Action,
  type Actor,
  actorIn,
  can,
  canActOnAccount,
  canAttachOrganization,
  instrumentsWhereMembersManaged,
  type Target,
} from "@/lib/permissions/can";
import type { Role } from "@/lib/permissions/roles";
import { openAsParticipant } from "@/lib/plenary/test-support/plenary-client";
import { draftConvention } from "@/lib/word-import/test-support/word-fixtures";
import {
  proposalFingerprintOf,
  proposalFixtures,
  proposalStatus,
  type StoredThread,
  storedThread,
  type WrittenThread,
  writtenThread,
} from "./support/matrix-fixtures";
import { paragraphStatusDoors } from "./support/paragraph-status-doors";
import {
  type BuiltServerAction,
  builtServerActions,
  callServerAction,
  pagePathOf,
  type ServerActionName,
  sourceServerActions,
} from "./support/server-actions";
import { createOutsider, type Session, signInApi, withDatabase } from "./support/sessions";
import { expect, test } from "./support/test";
import {
  accountState,
  createSecondInstrument,
  freshOrganization,
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
  /** What else the rule reads about the thing acted on (e.g. which delegation was invited). */
  target?: (world: World, author: ProposalAuthor) => Target;
  attempt: Attempt;
};

/** Where the invitation of a delegation to co-sponsor a proposal stands (null: not invited). */
const sponsorshipStatus = (proposalId: string, organizationId: string) =>
  withDatabase(
    async (db) =>
      (
        await db.query(`SELECT status FROM "ProposalSponsorship" WHERE "proposalId" = $1 AND "organizationId" = $2`, [
          proposalId,
          organizationId,
        ])
      ).rows[0]?.status ?? null,
  );

/** An invitation written straight into the database: the door that invites is tried on its own. */
const invitedDirectly = (proposalId: string, organizationId: string, invitedById: string) =>
  withDatabase((db) =>
    db.query(
      `INSERT INTO "ProposalSponsorship" (id, "proposalId", "organizationId", "invitedById", "updatedAt")
       VALUES (gen_random_uuid(), $1, $2, $3, now())`,
      [proposalId, organizationId, invitedById],
    ),
  );

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
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

/** Asks to present the clause over its socket; answers whether the presentation started (then stops it). */
async function socketPresents(session: Session, clauseId: string): Promise<boolean> {
  const client = openAsParticipant(SOCKET, clauseId, session.cookie);
  try {
    const scope = await Promise.race([client.authenticated, client.refused.then(() => "refused" as const)]);
    if (scope === "refused") return false;
    await client.saved();
    client.send({ type: "plenary.start" });
    const answered = () =>
      client.heard.find(
        (message) =>
          message.type === "plenary.refused" ||
          (message.type === "plenary.state" && message.presentation?.clauseId === clauseId),
      );
    for (const until = Date.now() + 5000; !answered() && Date.now() < until; )
      await new Promise((resolve) => setTimeout(resolve, 50));
    const started = answered()?.type === "plenary.state";
    if (started) client.send({ type: "plenary.stop" });
    return started;
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

/** New words the chair writes into the clause, and their selection as the browser sends it. */
async function freshWords(clauseId: string): Promise<{ words: string; range: AnchorRange }> {
  const client = openClause(SOCKET, clauseId, sessions.chair.cookie);
  try {
    await client.saved();
    const words = `Bracketed in the matrix ${Math.random().toString(36).slice(2, 10)}`;
    client.appendParagraph(words);
    await client.saved();
    return { words, range: selectWords(client.doc, words) };
  } finally {
    client.destroy();
  }
}

/** The Bracket row on `words`, if any: whether the chair removed it. */
async function bracketRow(words: string): Promise<{ removed: boolean } | null> {
  return withDatabase(async (db) => {
    const row = (await db.query(`SELECT "removedAt" FROM "Bracket" WHERE quote = $1`, [words])).rows[0];
    return row ? { removed: row.removedAt !== null } : null;
  });
}

/** The set of alternatives on `words` (Alt 1), if any: its options and supports, and whether chosen. */
async function alternativesRow(
  words: string,
): Promise<{ id: string; options: number; supports: number; chosen: boolean } | null> {
  return withDatabase(async (db) => {
    const row = (
      await db.query(
        `SELECT s.id, s."chosenAt",
           (SELECT count(*) FROM "AlternativeOption" o WHERE o."setId" = s.id)::int AS options,
           (SELECT count(*) FROM "AlternativeSupport" p WHERE p."setId" = s.id)::int AS supports
         FROM "AlternativeSet" s JOIN "AlternativeOption" a ON a."setId" = s.id AND a.position = 1
         WHERE a.text = $1`,
        [words],
      )
    ).rows[0];
    return row ? { id: row.id, options: row.options, supports: row.supports, chosen: row.chosenAt !== null } : null;
  });
}

/** A set of alternatives a delegate proposed on fresh words: its id and Alt 2's id. */
async function freshSet(clauseId: string): Promise<{ words: string; setId: string; alt2: string }> {
  const { words, range } = await freshWords(clauseId);
  const created = await sessions.delegate.api.post(`/api/clauses/${clauseId}/alternatives`, {
    data: { ...range, wording: "Another wording from the matrix" },
  });
  expect(created.status()).toBe(200);
  const { setId } = (await created.json()) as { setId: string };
  const listed = await sessions.delegate.api.get(`/api/clauses/${clauseId}/alternatives`);
  const { sets } = (await listed.json()) as { sets: { id: string; options: { id: string; position: number }[] }[] };
  const alt2 = sets.find((set) => set.id === setId)?.options.find((option) => option.position === 2)?.id ?? "";
  return { words, setId, alt2 };
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
    action: "clause.present",
    door: "socket",
    what: "asking to present the clause on its socket starts a presentation",
    // A restricted clause is never presented (lib/plenary), whoever asks.
    clauses: ["open"],
    attempt: (s, w, c) => socketPresents(s, clauseOf(w, c).id),
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
    action: "proposal.undoDecision",
    door: "route",
    what: "POST /api/clauses/:id/proposals/decisions/:decision/undo (the chair's rejection of a delegate's proposal)",
    clauses: ["open", "restricted"],
    attempt: (s, w, c) =>
      proposals.onFreshProposal(clauseOf(w, c).id, w.someoneElse[c], async (id) => {
        const clauseId = clauseOf(w, c).id;
        const decided = await sessions.chair.api.post(`/api/clauses/${clauseId}/proposals/decisions`, {
          data: {
            scope: { proposalId: id },
            fingerprint: await proposalFingerprintOf(id),
            outcome: "REJECTED",
            reason: "Decided in the matrix, to be undone.",
          },
        });
        expect(decided.status()).toBe(200);
        const { decisionId } = (await decided.json()) as { decisionId: string };
        const undone = await routeDoes(
          s,
          { method: "POST", path: `/api/clauses/${clauseId}/proposals/decisions/${decisionId}/undo`, data: {} },
          async () => (await proposalStatus(id)) === "OPEN",
        );
        // The restored words reach the fixture's own connection, which then withdraws them.
        if (undone) await new Promise((resolve) => setTimeout(resolve, 500));
        return undone;
      }),
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
    action: "bracket.place",
    door: "route",
    what: "POST /api/clauses/:id/brackets (on words the chair just wrote)",
    clauses: ["open", "restricted"],
    attempt: async (s, w, c) => {
      const clauseId = clauseOf(w, c).id;
      const { words, range } = await freshWords(clauseId);
      return routeDoes(
        s,
        { method: "POST", path: `/api/clauses/${clauseId}/brackets`, data: { ...range, note: "From the matrix." } },
        async () => (await bracketRow(words)) !== null,
      );
    },
  },
  {
    action: "bracket.remove",
    door: "route",
    what: "DELETE /api/clauses/:id/brackets/:bracket (a delegate's bracket)",
    clauses: ["open", "restricted"],
    attempt: async (s, w, c) => {
      const clauseId = clauseOf(w, c).id;
      const { words, range } = await freshWords(clauseId);
      const placed = await sessions.delegate.api.post(`/api/clauses/${clauseId}/brackets`, { data: range });
      expect(placed.status()).toBe(200);
      const { bracketId } = (await placed.json()) as { bracketId: string };
      return routeDoes(
        s,
        { method: "DELETE", path: `/api/clauses/${clauseId}/brackets/${bracketId}` },
        async () => (await bracketRow(words))?.removed === true,
      );
    },
  },
  {
    action: "clause.view",
    door: "route",
    what: "GET /api/clauses/:id/alternatives (the alternatives panel)",
    clauses: ["open", "restricted"],
    attempt: async (s, w, c) => (await s.api.get(`/api/clauses/${clauseOf(w, c).id}/alternatives`)).status() === 200,
  },
  {
    action: "alternatives.propose",
    door: "route",
    what: "POST /api/clauses/:id/alternatives (another wording for words the chair just wrote)",
    clauses: ["open", "restricted"],
    attempt: async (s, w, c) => {
      const clauseId = clauseOf(w, c).id;
      const { words, range } = await freshWords(clauseId);
      return routeDoes(
        s,
        {
          method: "POST",
          path: `/api/clauses/${clauseId}/alternatives`,
          data: { ...range, wording: "From the matrix" },
        },
        async () => (await alternativesRow(words)) !== null,
      );
    },
  },
  {
    action: "alternatives.propose",
    door: "route",
    what: "POST /api/clauses/:id/alternatives/:set/options (a further alternative in a delegate's set)",
    clauses: ["open", "restricted"],
    attempt: async (s, w, c) => {
      const clauseId = clauseOf(w, c).id;
      const { words, setId } = await freshSet(clauseId);
      return routeDoes(
        s,
        { method: "POST", path: `/api/clauses/${clauseId}/alternatives/${setId}/options`, data: { wording: "Alt 3" } },
        async () => (await alternativesRow(words))?.options === 3,
      );
    },
  },
  {
    action: "alternatives.support",
    door: "route",
    what: "PUT /api/clauses/:id/alternatives/:set/support (Alt 2 of a delegate's set)",
    clauses: ["open", "restricted"],
    attempt: async (s, w, c) => {
      const clauseId = clauseOf(w, c).id;
      const { words, setId, alt2 } = await freshSet(clauseId);
      return routeDoes(
        s,
        { method: "PUT", path: `/api/clauses/${clauseId}/alternatives/${setId}/support`, data: { optionId: alt2 } },
        async () => (await alternativesRow(words))?.supports === 1,
      );
    },
  },
  {
    action: "alternatives.choose",
    door: "route",
    what: "POST /api/clauses/:id/alternatives/:set/choice (Alt 2 of a delegate's set)",
    clauses: ["open", "restricted"],
    attempt: async (s, w, c) => {
      const clauseId = clauseOf(w, c).id;
      const { words, setId, alt2 } = await freshSet(clauseId);
      return routeDoes(
        s,
        { method: "POST", path: `/api/clauses/${clauseId}/alternatives/${setId}/choice`, data: { optionId: alt2 } },
        async () => (await alternativesRow(words))?.chosen === true,
      );
    },
  },
  {
    action: "proposal.inviteSponsor",
    door: "route",
    what: "POST /api/clauses/:id/proposals/:proposal/sponsors (invite Jamaica to co-sponsor)",
    // Nobody but Australia sees the restricted clause: there is no one to invite there.
    clauses: ["open"],
    whose: ["own", "others"],
    attempt: (s, w, c, author) =>
      proposals.onFreshProposal(clauseOf(w, c).id, author, async (id) =>
        routeDoes(
          s,
          {
            method: "POST",
            path: `/api/clauses/${clauseOf(w, c).id}/proposals/${id}/sponsors`,
            data: { organizationId: w.jamaica.id },
          },
          async () => (await sponsorshipStatus(id, w.jamaica.id)) === "INVITED",
        ),
      ),
  },
  {
    action: "proposal.inviteSponsor",
    door: "route",
    what: "GET /api/clauses/:id/proposals/:proposal/sponsors (whom the author's delegation may invite)",
    clauses: ["open", "restricted"],
    whose: ["own", "others"],
    attempt: (s, w, c, author) =>
      proposals.onFreshProposal(clauseOf(w, c).id, author, async (id) => {
        const response = await s.api.get(`/api/clauses/${clauseOf(w, c).id}/proposals/${id}/sponsors`);
        expect([200, 403, 404], `sponsor candidates answered ${response.status()}`).toContain(response.status());
        return response.ok();
      }),
  },
  {
    action: "proposal.inviteSponsor",
    door: "route",
    what: "PUT /api/clauses/:id/proposals/:proposal/on-behalf-of (the group its sponsors speak for)",
    clauses: ["open", "restricted"],
    whose: ["own", "others"],
    attempt: (s, w, c, author) =>
      proposals.onFreshProposal(clauseOf(w, c).id, author, async (id) =>
        routeDoes(
          s,
          {
            method: "PUT",
            path: `/api/clauses/${clauseOf(w, c).id}/proposals/${id}/on-behalf-of`,
            data: { onBehalfOf: "the matrix group" },
          },
          async () =>
            withDatabase(
              async (db) =>
                (await db.query(`SELECT "onBehalfOf" FROM "Proposal" WHERE id = $1`, [id])).rows[0].onBehalfOf ===
                "the matrix group",
            ),
        ),
      ),
  },
  {
    action: "proposal.answerSponsorship",
    door: "route",
    what: "PUT /api/clauses/:id/proposals/:proposal/sponsorship (accept an invitation to co-sponsor)",
    clauses: ["open", "restricted"],
    // "own": the invitation is to the person's delegation; "others": to someone else's.
    whose: ["own", "others"],
    target: (_, author) => ({ sponsorOrganizationId: author.organizationId }),
    attempt: (s, w, c, author) =>
      proposals.onFreshProposal(clauseOf(w, c).id, w.someoneElse[c], async (id) => {
        await invitedDirectly(id, author.organizationId, w.someoneElse[c].authorId);
        return routeDoes(
          s,
          {
            method: "PUT",
            path: `/api/clauses/${clauseOf(w, c).id}/proposals/${id}/sponsorship`,
            data: { answer: "ACCEPT", fingerprint: await proposalFingerprintOf(id) },
          },
          async () => (await sponsorshipStatus(id, author.organizationId)) === "ACCEPTED",
        );
      }),
  },
  {
    action: "compilation.view",
    door: "page",
    what: "GET /clauses/:id/compilation",
    clauses: ["open", "restricted"],
    attempt: (s, w, c) => pageShows(s, `/clauses/${clauseOf(w, c).id}/compilation`),
  },
  {
    action: "compilation.view",
    door: "page",
    what: "GET /instruments/:id/compilation and a topic's (gender)",
    clauses: ["open"],
    attempt: async (s, w) => {
      const index = await pageShows(s, `/instruments/${w.instrumentId}/compilation`);
      const topic = await pageShows(s, `/instruments/${w.instrumentId}/compilation/gender`);
      expect(topic, "the index and a topic's compilation have the same door").toBe(index);
      return index;
    },
  },
  {
    action: "clause.manage",
    door: "route",
    what: "PUT /api/clauses/:id/compilation-topics (the topics it has)",
    clauses: ["open", "restricted"],
    attempt: async (s, w, c) => {
      const clauseId = clauseOf(w, c).id;
      const topicIds = await withDatabase(async (db) =>
        (await db.query(`SELECT "topicId" FROM "ClauseTopic" WHERE "clauseId" = $1`, [clauseId])).rows.map(
          (row) => row.topicId,
        ),
      );
      const response = await s.api.put(`/api/clauses/${clauseId}/compilation-topics`, { data: { topicIds } });
      expect([200, 403, 404], `compilation topics answered ${response.status()}`).toContain(response.status());
      return response.ok();
    },
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
    door: "page",
    what: "GET /admin/:instrument/import (Import from Word)",
    clauses: ["open"],
    attempt: (s, w) => pageShows(s, `/admin/${w.instrumentId}/import`),
  },
  {
    action: "clause.manage",
    door: "route",
    what: "POST /api/instruments/:id/import?preview=1 (a Word draft read; nothing is stored)",
    clauses: ["open"],
    attempt: async (s, w) => {
      // A form upload is what a cross-site form can send: it must say it comes from the app.
      const response = await s.api.post(`/api/instruments/${w.instrumentId}/import?preview=1`, {
        headers: { origin: BASE },
        multipart: { file: { name: "draft.docx", mimeType: DOCX_TYPE, buffer: Buffer.from(await draftConvention()) } },
      });
      expect([200, 403, 404], `the Word preview answered ${response.status()}`).toContain(response.status());
      return response.status() === 200;
    },
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
    action: "clause.manage",
    door: "route",
    what: "POST /api/admin/clause.save (the article as it is)",
    clauses: ["open", "restricted"],
    attempt: async (s, w, c) => {
      const clauseId = clauseOf(w, c).id;
      const article = await withDatabase(async (db) => ({
        ...(await db.query(`SELECT number, title, topics, status FROM "Clause" WHERE id = $1`, [clauseId])).rows[0],
        organizationIds: (
          await db.query(`SELECT "organizationId" FROM "ClauseRestriction" WHERE "clauseId" = $1`, [clauseId])
        ).rows.map((row) => row.organizationId),
      }));
      return routeAllows(s, "clause.save", { instrumentId: w.instrumentId, clauseId, ...article });
    },
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
    action: "clause.restoreVersion",
    door: "route",
    what: "POST /api/clauses/:id/versions/:versionId/restore (a version of the text as it is: nothing to propose)",
    clauses: ["open", "restricted"],
    attempt: async (s, w, c) => {
      const clauseId = clauseOf(w, c).id;
      // The chair saves the version to restore, so the attempt proposes nothing whoever makes it.
      const saved = await sessions.chair.api.post(`/api/clauses/${clauseId}/versions`, {
        data: { name: "matrix restore" },
      });
      expect(saved.status()).toBe(200);
      const { versionId } = (await saved.json()) as { versionId: string };
      const response = await s.api.post(`/api/clauses/${clauseId}/versions/${versionId}/restore`, { data: {} });
      expect([200, 403, 404], `restoring a version answered ${response.status()}`).toContain(response.status());
      if (response.status() === 200)
        expect(((await response.json()) as { alreadyEqual: boolean }).alreadyEqual).toBe(true);
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
    action: "glossary.manage",
    door: "page",
    what: "GET /admin/:instrument/glossary",
    clauses: ["open"],
    attempt: (s, w) => pageShows(s, `/admin/${w.instrumentId}/glossary`),
  },
  {
    action: "agreedLanguage.manage",
    door: "page",
    what: "GET /admin/:instrument/agreed-language",
    clauses: ["open"],
    attempt: (s, w) => pageShows(s, `/admin/${w.instrumentId}/agreed-language`),
  },
  {
    action: "instrument.view",
    door: "page",
    what: "GET /instruments/:id/terminology (the terminology report)",
    clauses: ["open"],
    attempt: (s, w) => pageShows(s, `/instruments/${w.instrumentId}/terminology`),
  },
  {
    action: "instrument.export",
    door: "route",
    what: "GET /api/instruments/:id/export (the printable page with proposals)",
    clauses: ["open"],
    attempt: async (s, w) =>
      (await s.api.get(`/api/instruments/${w.instrumentId}/export?format=html&variant=proposals`)).status() === 200,
  },
  {
    action: "instrument.export",
    door: "route",
    what: "GET /api/clauses/:id/export (the clause as Word, with proposals and comments)",
    clauses: ["open", "restricted"],
    attempt: async (s, w, c) =>
      (await s.api.get(`/api/clauses/${clauseOf(w, c).id}/export?format=docx&variant=proposals`)).status() === 200,
  },
  ...paragraphStatusDoors(
    routeDoes,
    () => sessions.chair,
    () => sessions.delegate,
  ),
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
  const author = authorFor(world, who, clause, whose);
  const target: Target = {
    authorId: author.authorId,
    authorOrganizationId: author.organizationId,
    ...door.target?.(world, author),
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
  // The open clause is agreed in the demo; an agreed clause refuses delegations' proposals
  // (lib/paragraph-status), and the matrix's delegates propose and withdraw in it: reopened first.
  await withDatabase((db) => db.query(`UPDATE "Clause" SET status = 'OPEN' WHERE id = $1`, [world.openClause.id]));
  world.openClause.status = "OPEN";
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
type AdminDoor = "route" | "server action";
const ADMIN_DOORS: AdminDoor[] = ["route", "server action"];

/** The server action that runs an administration command, from the matrix's own table below. */
function serverActionOf(operation: string): BuiltServerAction {
  const name = (Object.keys(SERVER_ACTIONS) as ServerActionName[]).find((key) =>
    SERVER_ACTIONS[key].some((entry) => entry.operation === operation),
  );
  const action = name && builtServerActions().find((built) => built.name === name);
  if (!action) throw new Error(`no server action runs ${operation}`);
  return action;
}

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
    // The demo secretariat takes part in the second instrument too, as a system administrator
    // may arrange (chair two alone may not: see "attaching an organisation" below).
    await withDatabase((db) =>
      db.query(
        `INSERT INTO "Participant" (id, "instrumentId", "organizationId", role) VALUES (gen_random_uuid(), $1, $2, 'READER')`,
        [apart.two, apart.secretariatOne],
      ),
    );
  });

  test.afterAll(async () => {
    await chairs.chairTwo?.api.post("/api/admin/participant.set-role", {
      data: { instrumentId: apart.two, organizationId: apart.secretariatOne, role: "NONE" },
    });
    await chairs.chairTwo?.api.dispose();
  });

  /** Sends an administration command through a door: its route handler or its server action. */
  async function throughDoor(door: AdminDoor, chair: Chair, operation: string, input: object): Promise<number> {
    if (door === "route") {
      return (await chairs[chair].api.post(`/api/admin/${operation}`, { data: input })).status();
    }
    const result = (await callServerAction(
      chairs[chair].api,
      BASE,
      serverActionOf(operation),
      `/admin/${from(chair)}/people`,
      [input],
    )) as DoorResult<unknown>;
    return result.ok ? 200 : result.status;
  }

  for (const [act, door] of ACCOUNT_ACTS.flatMap((act) => ADMIN_DOORS.map((door) => [act, door] as const))) {
    test(`${act} · ${door}: each chair, from their own instrument, on a person of each kind`, async () => {
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
          const status = await throughDoor(door, chair, act, { instrumentId: from(chair), ...body });
          const key = `${chair} on ${kind}`;
          outcomes[key] = status;
          wanted[key] = expectedStatus(chair, act, kind);

          // What was stored agrees: a refusal changes nothing and records nothing; a success is
          // recorded in the trail of every instrument the account counts in.
          const done = status === 200;
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

  // Attaching an organisation that takes part in another instrument would take account powers
  // over its people from that instrument's secretariat: each chair tries it on their own
  // instrument, with an organisation taking part nowhere yet and one of the other instrument's.
  const otherOf = (chair: Chair) => (chair === "chairOne" ? apart.two : apart.one);
  const mayAttach = (chair: Chair, alreadyIn: string[], systemAdmin = false) =>
    canAttachOrganization(
      {
        active: true,
        systemAdmin,
        managesMembersOf: instrumentsWhereMembersManaged(
          { userId: "chair", organizationId: "theirs", active: true },
          participations[chair](),
        ),
      },
      { alreadyIn },
    );
  const participates = (instrumentId: string, organizationId: string) =>
    withDatabase(
      async (db) =>
        (
          await db.query(`SELECT 1 FROM "Participant" WHERE "instrumentId" = $1 AND "organizationId" = $2`, [
            instrumentId,
            organizationId,
          ])
        ).rowCount === 1,
    );

  for (const door of ADMIN_DOORS) {
    test(`participant.set-role · ${door}: attaching an organisation, by each chair to their own instrument`, async () => {
      const outcomes: Record<string, number> = {};
      const wanted: Record<string, number> = {};
      for (const chair of ["chairOne", "chairTwo"] as Chair[]) {
        for (const where of ["nowhere", "the other instrument"] as const) {
          const alreadyIn = where === "nowhere" ? [] : [otherOf(chair)];
          const organizationId = await freshOrganization(
            "To Attach",
            alreadyIn.map((id) => [id, "DELEGATE"]),
          );
          const key = `${chair}, one taking part in ${where}`;
          outcomes[key] = await throughDoor(door, chair, "participant.set-role", {
            instrumentId: from(chair),
            organizationId,
            role: "DELEGATE",
          });
          wanted[key] = mayAttach(chair, alreadyIn) ? 200 : 403;
          const done = outcomes[key] === 200;
          expect(await participates(from(chair), organizationId), `${key}: attached?`).toBe(done);
          expect(await trailAbout(from(chair), organizationId), `${key}: own trail`).toEqual(
            done ? ["participant.added"] : [],
          );
          expect(await trailAbout(otherOf(chair), organizationId), `${key}: other trail`).toEqual([]);
        }
      }
      expect(outcomes).toEqual(wanted);
    });
  }

  test("the people page offers only the organisations its chair may attach, and says why not the others", async () => {
    const ofOne = await freshOrganization("Of One Only", [[apart.one, "DELEGATE"]]);
    const ofNone = await freshOrganization("Of None Yet", []);
    const page = await (await chairs.chairTwo.api.get(`/admin/${apart.two}/people`)).text();
    expect(page).toContain(`value="${ofNone}"`);
    expect(page).not.toContain(`value="${ofOne}"`);
    expect(page).toMatch(/Not offered, because they also take part in an instrument your delegation does not manage/);
    // The first chair manages instrument one: offered to them (it already takes part there, so not here).
    const ofTwo = await freshOrganization("Of Two Only", [[apart.two, "DELEGATE"]]);
    const pageOne = await (await chairs.chairOne.api.get(`/admin/${apart.one}/people`)).text();
    expect(pageOne).not.toContain(`value="${ofTwo}"`);
    expect(pageOne).toContain(`value="${ofNone}"`);
  });

  test("a system administrator may attach it, and both instruments' trails record it", async () => {
    const organizationId = await freshOrganization("Attached By Admin", [[apart.one, "OBSERVER"]]);
    expect(mayAttach("chairTwo", [apart.one], true)).toBe(true);
    // What `npm run admin:grant` does (its own audit entry is tested with the command).
    const grant = (granted: boolean) =>
      withDatabase((db) =>
        db.query(`UPDATE "User" SET "systemAdmin" = $2 WHERE email = $1`, [apart.chairTwoEmail, granted]),
      );
    await grant(true);
    try {
      const status = await throughDoor("server action", "chairTwo", "participant.set-role", {
        instrumentId: apart.two,
        organizationId,
        role: "READER",
      });
      expect(status).toBe(200);
    } finally {
      await grant(false);
    }
    expect(await participates(apart.two, organizationId)).toBe(true);
    expect(await trailAbout(apart.one, organizationId)).toEqual(["participant.added"]);
    expect(await trailAbout(apart.two, organizationId)).toEqual(["participant.added"]);
  });
});

// ── Server actions: every one, for every role, through the running app ─────────────────────
// Each server action the code defines is called as its page calls it (support/server-actions.ts),
// by every person above and by someone with no session, and the outcome compared with the rule
// that decides it. They act in an instrument of their own (the sandbox: the demo instrument's
// people with the same roles), so what the chair creates there is seen by no other journey; it
// is emptied at the end. A new server action must bring its case into SERVER_ACTIONS.

type Caller = Who | "anonymous";
const CALLERS: Caller[] = [...(Object.keys(PEOPLE) as Who[]), "anonymous"];

type Sandbox = {
  id: string;
  title: string;
  shortTitle: string;
  observersMayComment: boolean;
  chapterId: string;
  /** Two clauses of its one chapter, in order. */
  clauseIds: [string, string];
  /** A delegation and a second organisation taking part only in the sandbox: whose accounts are acted on. */
  delegationId: string;
  homeId: string;
};

type Prepared = {
  input: Record<string, unknown>;
  /** When a success changes the store: a reading of what it changes, taken before and after. */
  stored?: () => Promise<unknown>;
};
type ActionCase = {
  what: string;
  /** The administration command behind it (lib/admin/admin-operations.ts), for the journeys below. */
  operation?: string;
  /**
   * What decides: a rule of can.ts in the sandbox (and, for an act on an account, canActOnAccount
   * over the instruments it reaches), or — for a sign-in link — only whether the link is good.
   */
  decidedBy: { rule: Action; account?: true } | { link: "valid" | "made-up" };
  prepare: (caller: Caller, sandbox: Sandbox) => Promise<Prepared>;
};

const ADMIN_ACTIONS = "app/(workspace)/admin/actions.ts";
const GLOSSARY_ACTIONS = "app/(workspace)/admin/[instrumentId]/glossary/actions.ts";
const AGREED_LANGUAGE_ACTIONS = "app/(workspace)/admin/[instrumentId]/agreed-language/actions.ts";
let made = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++made}`;
const one = async <T>(sql: string, values: unknown[]): Promise<T> =>
  withDatabase(async (db) => (await db.query(sql, values)).rows[0] as T);
const sandboxClause = (id: string) =>
  one<{ number: string; title: string; status: string; position: number }>(
    `SELECT number, title, status, position FROM "Clause" WHERE id = $1`,
    [id],
  );
/** A fresh glossary term of the sandbox, written straight to the database. */
const sandboxTerm = (sandbox: Sandbox) =>
  one<{ id: string; term: string }>(
    `INSERT INTO "GlossaryTerm" (id, "instrumentId", term, preferred, "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, 'as it was', now()) RETURNING id, term`,
    [sandbox.id, unique("matrix term")],
  );
/** A fresh person of the sandbox's delegation. */
const sandboxPerson = (sandbox: Sandbox) => freshPerson(sandbox.delegationId);
/** A sign-in link for them, from the chair; answers its token. */
async function signInLinkFor(sandbox: Sandbox, userId: string): Promise<string> {
  const response = await sessions.chair.api.post("/api/admin/person.reissue-link", {
    data: { instrumentId: sandbox.id, userId },
  });
  expect(response.status()).toBe(200);
  const { link } = (await response.json()) as { link: string };
  return link.slice(link.lastIndexOf("/") + 1);
}

const SERVER_ACTIONS: Record<ServerActionName, ActionCase[]> = {
  [`${ADMIN_ACTIONS}#updateInstrumentAction`]: [
    {
      what: "its titles and settings, to what they are",
      operation: "instrument.update",
      decidedBy: { rule: "instrument.manage" },
      prepare: async (_, s) => ({
        input: {
          instrumentId: s.id,
          title: s.title,
          shortTitle: s.shortTitle,
          observersMayComment: s.observersMayComment,
        },
      }),
    },
  ],
  [`${ADMIN_ACTIONS}#createInstrumentAction`]: [
    {
      what: "start a new instrument",
      operation: "instrument.create",
      decidedBy: { rule: "instrument.manage" },
      prepare: async (_, s) => {
        const slug = unique("matrix-started");
        return {
          input: { instrumentId: s.id, title: "Started in the matrix", shortTitle: "Started", slug },
          stored: () => one(`SELECT count(*)::int AS n FROM "Instrument" WHERE slug = $1`, [slug]),
        };
      },
    },
  ],
  [`${ADMIN_ACTIONS}#createChapterAction`]: [
    {
      what: "add a chapter",
      operation: "chapter.create",
      decidedBy: { rule: "instrument.manage" },
      prepare: async (_, s) => {
        const number = unique("C");
        return {
          input: { instrumentId: s.id, number, title: "A chapter from the matrix" },
          stored: () =>
            one(`SELECT count(*)::int AS n FROM "Chapter" WHERE "instrumentId" = $1 AND number = $2`, [s.id, number]),
        };
      },
    },
  ],
  [`${ADMIN_ACTIONS}#restrictChapterAction`]: [
    {
      what: "a chapter's restriction, to none (as it is)",
      operation: "chapter.restrict",
      decidedBy: { rule: "clause.manage" },
      prepare: async (_, s) => ({ input: { instrumentId: s.id, chapterId: s.chapterId, organizationIds: [] } }),
    },
  ],
  [`${ADMIN_ACTIONS}#createClauseAction`]: [
    {
      what: "add a clause",
      operation: "clause.create",
      decidedBy: { rule: "clause.manage" },
      prepare: async (_, s) => {
        const number = unique("A");
        return {
          input: { instrumentId: s.id, chapterId: s.chapterId, number, title: "A clause from the matrix", topics: "" },
          stored: () =>
            one(`SELECT count(*)::int AS n FROM "Clause" WHERE "chapterId" = $1 AND number = $2`, [
              s.chapterId,
              number,
            ]),
        };
      },
    },
  ],
  [`${ADMIN_ACTIONS}#updateClauseAction`]: [
    {
      what: "a clause's number and title, to what they are",
      operation: "clause.update",
      decidedBy: { rule: "clause.manage" },
      prepare: async (_, s) => {
        const { number, title } = await sandboxClause(s.clauseIds[0]);
        return { input: { instrumentId: s.id, clauseId: s.clauseIds[0], number, title, topics: [] } };
      },
    },
  ],
  [`${ADMIN_ACTIONS}#saveArticleAction`]: [
    {
      what: "the article panel's one Save, with the article as it is",
      operation: "clause.save",
      decidedBy: { rule: "clause.manage" },
      prepare: async (_, s) => {
        const { number, title, status } = await sandboxClause(s.clauseIds[0]);
        return {
          input: {
            instrumentId: s.id,
            clauseId: s.clauseIds[0],
            number,
            title,
            topics: [],
            status,
            organizationIds: [],
          },
        };
      },
    },
  ],
  [`${ADMIN_ACTIONS}#setClauseStatusAction`]: [
    {
      what: "a clause's status, to the one it has",
      operation: "clause.set-status",
      decidedBy: { rule: "clause.manage" },
      prepare: async (_, s) => {
        const { status } = await sandboxClause(s.clauseIds[0]);
        return { input: { instrumentId: s.id, clauseId: s.clauseIds[0], status } };
      },
    },
  ],
  [`${ADMIN_ACTIONS}#moveClauseAction`]: [
    {
      what: "move a clause up or down, wherever it can go",
      operation: "clause.move",
      decidedBy: { rule: "clause.manage" },
      prepare: async (_, s) => {
        const [first, second] = await Promise.all(s.clauseIds.map((id) => sandboxClause(id)));
        const direction = second.position > first.position ? "up" : "down";
        return {
          input: { instrumentId: s.id, clauseId: s.clauseIds[1], direction },
          stored: async () => (await sandboxClause(s.clauseIds[1])).position,
        };
      },
    },
  ],
  [`${ADMIN_ACTIONS}#restrictClauseAction`]: [
    {
      what: "a clause's restriction, to none (as it is)",
      operation: "clause.restrict",
      decidedBy: { rule: "clause.manage" },
      prepare: async (_, s) => ({ input: { instrumentId: s.id, clauseId: s.clauseIds[0], organizationIds: [] } }),
    },
  ],
  [`${ADMIN_ACTIONS}#addOrganizationAction`]: [
    {
      what: "add a new organisation",
      operation: "organization.add",
      decidedBy: { rule: "members.manage" },
      prepare: async (_, s) => {
        const code = `M${Date.now().toString(36)}${++made}`.toUpperCase().slice(-12);
        return {
          input: {
            instrumentId: s.id,
            name: "Added in the matrix",
            code,
            kind: "OBSERVER",
            colour: "#123456",
            role: "READER",
          },
          stored: () => one(`SELECT count(*)::int AS n FROM "Organization" WHERE code = $1`, [code]),
        };
      },
    },
  ],
  [`${ADMIN_ACTIONS}#setParticipantRoleAction`]: [
    {
      what: "an organisation's role, to the one it has",
      operation: "participant.set-role",
      decidedBy: { rule: "members.manage" },
      prepare: async (_, s) => ({ input: { instrumentId: s.id, organizationId: s.delegationId, role: "DELEGATE" } }),
    },
  ],
  [`${ADMIN_ACTIONS}#invitePersonAction`]: [
    {
      what: "invite a person into a delegation",
      operation: "person.invite",
      decidedBy: { rule: "members.manage", account: true },
      prepare: async (_, s) => {
        const email = `${unique("matrix-invited")}@example.org`;
        return {
          input: { instrumentId: s.id, organizationId: s.delegationId, name: "Invited In The Matrix", email },
          stored: () => one(`SELECT count(*)::int AS n FROM "User" WHERE email = $1`, [email]),
        };
      },
    },
  ],
  [`${ADMIN_ACTIONS}#reissueSignInLinkAction`]: [
    {
      what: "a new sign-in link for a person",
      operation: "person.reissue-link",
      decidedBy: { rule: "members.manage", account: true },
      prepare: async (_, s) => {
        const person = await sandboxPerson(s);
        return {
          input: { instrumentId: s.id, userId: person.id },
          stored: async () => (await accountState(person.id)).links,
        };
      },
    },
  ],
  [`${ADMIN_ACTIONS}#setPersonActiveAction`]: [
    {
      what: "deactivate a person",
      operation: "person.set-active",
      decidedBy: { rule: "members.manage", account: true },
      prepare: async (_, s) => {
        const person = await sandboxPerson(s);
        return {
          input: { instrumentId: s.id, userId: person.id, active: false },
          stored: async () => (await accountState(person.id)).active,
        };
      },
    },
  ],
  [`${ADMIN_ACTIONS}#movePersonAction`]: [
    {
      what: "move a person to another organisation",
      operation: "person.move",
      decidedBy: { rule: "members.manage", account: true },
      prepare: async (_, s) => {
        const person = await sandboxPerson(s);
        return {
          input: { instrumentId: s.id, userId: person.id, organizationId: s.homeId },
          stored: async () => (await accountState(person.id)).organizations,
        };
      },
    },
  ],
  [`${GLOSSARY_ACTIONS}#saveGlossaryTermAction`]: [
    {
      what: "add a term to the glossary",
      decidedBy: { rule: "glossary.manage" },
      prepare: async (_, s) => {
        const term = unique("matrix term");
        return {
          input: { instrumentId: s.id, term, preferred: "the matrix's wording" },
          stored: () => one(`SELECT count(*)::int AS n FROM "GlossaryTerm" WHERE term = $1`, [term]),
        };
      },
    },
    {
      what: "change a term's preferred wording",
      decidedBy: { rule: "glossary.manage" },
      prepare: async (_, s) => {
        const { id, term } = await sandboxTerm(s);
        return {
          input: { instrumentId: s.id, termId: id, term, preferred: "changed in the matrix" },
          stored: async () =>
            (await one<{ preferred: string }>(`SELECT preferred FROM "GlossaryTerm" WHERE id = $1`, [id])).preferred,
        };
      },
    },
  ],
  [`${GLOSSARY_ACTIONS}#removeGlossaryTermAction`]: [
    {
      what: "remove a term from the glossary",
      decidedBy: { rule: "glossary.manage" },
      prepare: async (_, s) => {
        const { id } = await sandboxTerm(s);
        return {
          input: { instrumentId: s.id, termId: id },
          stored: () => one(`SELECT count(*)::int AS n FROM "GlossaryTerm" WHERE id = $1`, [id]),
        };
      },
    },
  ],
  [`${AGREED_LANGUAGE_ACTIONS}#saveAgreedLanguageAction`]: [
    {
      what: "add a passage to the library of agreed language",
      decidedBy: { rule: "agreedLanguage.manage" },
      prepare: async (_, s) => {
        const article = unique("art.");
        return {
          input: { instrumentId: s.id, source: "MATRIX", article, text: "Words from the matrix.", paraphrase: "true" },
          stored: () => one(`SELECT count(*)::int AS n FROM "AgreedLanguageEntry" WHERE article = $1`, [article]),
        };
      },
    },
    {
      what: "edit a passage's text",
      decidedBy: { rule: "agreedLanguage.manage" },
      prepare: async (_, s) => {
        const article = unique("art.");
        const { id } = await one<{ id: string }>(
          `INSERT INTO "AgreedLanguageEntry" (id, "instrumentId", source, article, text, "updatedAt")
           VALUES (gen_random_uuid(), $1, 'MATRIX', $2, 'As it was.', now()) RETURNING id`,
          [s.id, article],
        );
        return {
          input: { instrumentId: s.id, entryId: id, source: "MATRIX", article, text: "Edited in the matrix." },
          stored: async () =>
            (await one<{ text: string }>(`SELECT text FROM "AgreedLanguageEntry" WHERE id = $1`, [id])).text,
        };
      },
    },
  ],
  "app/invitation/[token]/actions.ts#acceptInvitationAction": [
    {
      what: "set a password through a good sign-in link (the link is the permission, a session is none)",
      decidedBy: { link: "valid" },
      prepare: async (_, s) => {
        const person = await sandboxPerson(s);
        const token = await signInLinkFor(s, person.id);
        return {
          input: { token, password: "a password from the matrix" },
          stored: () => one(`SELECT "passwordHash" IS NOT NULL AS set FROM "User" WHERE id = $1`, [person.id]),
        };
      },
    },
    {
      what: "set a password through a made-up link",
      decidedBy: { link: "made-up" },
      prepare: async () => ({ input: { token: "m".repeat(43), password: "a password from the matrix" } }),
    },
  ],
};

test.describe("server actions", () => {
  let sandbox: Sandbox;
  let built: Map<ServerActionName, BuiltServerAction>;
  let anonymous: Session;

  /** What each person's organisation takes part in: the demo instrument and the sandbox, with one role. */
  const participationsOf = (who: Who) => {
    const role = PEOPLE[who].role;
    return role
      ? [world.instrumentId, sandbox.id].map((instrumentId) => ({
          instrumentId,
          role,
          observersMayComment: sandbox.observersMayComment,
        }))
      : [];
  };

  function expectedFor(entry: ActionCase, caller: Caller): boolean {
    const decidedBy = entry.decidedBy;
    if ("link" in decidedBy) return decidedBy.link === "valid";
    if (caller === "anonymous") return false;
    const person = {
      userId: world.people[caller].authorId,
      organizationId: world.people[caller].organizationId,
      active: true,
    };
    const role = PEOPLE[caller].role;
    const actor = actorIn(person, role ? { role, observersMayComment: sandbox.observersMayComment } : null);
    if (!can(actor, decidedBy.rule)) return false;
    if (!decidedBy.account) return true;
    const managesMembersOf = instrumentsWhereMembersManaged(person, participationsOf(caller));
    // The accounts acted on take part in the sandbox only (and so does where a move takes them).
    return canActOnAccount({ active: true, systemAdmin: false, managesMembersOf }, { instrumentIds: [sandbox.id] });
  }

  test.beforeAll(async () => {
    built = new Map(builtServerActions().map((action) => [action.name, action]));
    anonymous = { api: await request.newContext({ baseURL: BASE }), cookie: "" };
    const chair = sessions.chair.api;
    const post = async <T>(operation: string, data: object): Promise<T> => {
      const response = await chair.post(`/api/admin/${operation}`, { data });
      expect(response.status(), `${operation}: ${await response.text()}`).toBe(200);
      return (await response.json()) as T;
    };
    // The chair starts the sandbox from the demo instrument and attaches the same organisations.
    const title = "Matrix sandbox";
    const { instrumentId: id } = await post<{ instrumentId: string }>("instrument.create", {
      instrumentId: world.instrumentId,
      title,
      shortTitle: "Sandbox",
      slug: unique("matrix-sandbox"),
    });
    for (const who of ["delegate", "observer", "reader"] as Who[]) {
      await post("participant.set-role", {
        instrumentId: id,
        organizationId: world.people[who].organizationId,
        role: PEOPLE[who].role,
      });
    }
    const { chapterId } = await post<{ chapterId: string }>("chapter.create", {
      instrumentId: id,
      number: "I",
      title: "Sandbox",
    });
    const clause = (number: string) =>
      post<{ clauseId: string }>("clause.create", { instrumentId: id, chapterId, number, title: `Sandbox ${number}` });
    const first = (await clause("1")).clauseId;
    const second = (await clause("2")).clauseId;
    const organization = (code: string) =>
      post<{ organizationId: string }>("organization.add", {
        instrumentId: id,
        name: `Sandbox ${code}`,
        code: `${code}${Date.now().toString(36)}`.toUpperCase().slice(0, 12),
        kind: "MEMBER_STATE",
        colour: "#654321",
        role: "DELEGATE",
      });
    sandbox = {
      id,
      title,
      shortTitle: "Sandbox",
      observersMayComment: (
        await one<{ o: boolean }>(`SELECT "observersMayComment" AS o FROM "Instrument" WHERE id = $1`, [id])
      ).o,
      chapterId,
      clauseIds: [first, second],
      delegationId: (await organization("SD")).organizationId,
      homeId: (await organization("SH")).organizationId,
    };
  });

  test.afterAll(async () => {
    await anonymous?.api.dispose();
    // Nobody takes part in the sandbox, or in what was started from it, any more: no journey sees them.
    if (sandbox) {
      await withDatabase((db) =>
        db.query(
          `DELETE FROM "Participant" WHERE "instrumentId" = $1
             OR "instrumentId" IN (SELECT id FROM "Instrument" WHERE slug LIKE 'matrix-started-%')`,
          [sandbox.id],
        ),
      );
    }
  });

  test("every server action the code defines is in the build, and every one is in the matrix", () => {
    const names = [...built.keys()].sort();
    // A difference here means the build is older than the code: run `npm run build` again.
    expect(names, "server actions of the build").toEqual(sourceServerActions());
    // A new server action must bring its case (who may, what it changes) into SERVER_ACTIONS.
    expect(Object.keys(SERVER_ACTIONS).sort(), "server actions in the matrix").toEqual(names);
  });

  for (const [name, entries] of Object.entries(SERVER_ACTIONS) as [ServerActionName, ActionCase[]][]) {
    for (const entry of entries) {
      const rule = "rule" in entry.decidedBy ? entry.decidedBy.rule : "the link";
      test(`${rule} · server action ${name.split("#")[1]}: ${entry.what}`, async () => {
        const action = built.get(name);
        expect(action, `${name} is in the build`).toBeDefined();
        const outcomes: Record<string, string> = {};
        const wanted: Record<string, string> = {};
        for (const caller of CALLERS) {
          const { input, stored } = await entry.prepare(caller, sandbox);
          const before = await stored?.();
          const page = pagePathOf(action as BuiltServerAction, {
            instrumentId: sandbox.id,
            token: String(input.token ?? ""),
          });
          const session = caller === "anonymous" ? anonymous : sessions[caller];
          const result = (await callServerAction(session.api, BASE, action as BuiltServerAction, page, [
            input,
          ])) as DoorResult<unknown>;
          if (!result.ok) {
            expect([401, 403, 404], `${caller}: ${result.status} ${result.error}`).toContain(result.status);
          }
          if (stored) {
            // A refusal changes nothing; a success is stored.
            expect(JSON.stringify(await stored()) !== JSON.stringify(before), `${caller}: is it stored?`).toBe(
              result.ok,
            );
          }
          outcomes[caller] = result.ok ? "allow" : "deny";
          wanted[caller] = expectedFor(entry, caller) ? "allow" : "deny";
        }
        expect(outcomes).toEqual(wanted);
      });
    }
  }

  test("a server action called from another site is refused, even with the chair's session, and changes nothing", async () => {
    const action = built.get(`${ADMIN_ACTIONS}#setClauseStatusAction`) as BuiltServerAction;
    const { status } = await sandboxClause(sandbox.clauseIds[0]);
    const other = status === "AGREED" ? "OPEN" : "AGREED";
    const body = JSON.stringify([{ instrumentId: sandbox.id, clauseId: sandbox.clauseIds[0], status: other }]);
    const response = await sessions.chair.api.post(pagePathOf(action, { instrumentId: sandbox.id }), {
      headers: { "Next-Action": action.id, Origin: "https://evil.example", "Content-Type": "text/plain;charset=UTF-8" },
      data: body,
    });
    expect(response.ok()).toBe(false);
    expect((await sandboxClause(sandbox.clauseIds[0])).status).toBe(status);
  });
});
