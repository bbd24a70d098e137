// The authorization matrix's doors for paragraph status (lib/paragraph-status): setting a
// paragraph's status, asking to reopen agreed text, answering a request, reading the requests.
// Each acts on paragraph 2 of the matrix's open clause and leaves it as it found it (open, no
// open request), through the chair's own session.
import type { Action } from "@/lib/permissions/can";
import { type Session, withDatabase } from "./sessions";

type World = { openClause: { id: string } };
type RouteDoes = (
  session: Session,
  request: { method: string; path: string; data?: object },
  stored: () => Promise<boolean>,
) => Promise<boolean>;
type StatusDoor = {
  action: Action;
  door: "route";
  what: string;
  clauses: "open"[];
  attempt: (session: Session, world: World) => Promise<boolean>;
};

const PARAGRAPH = 2;

const statusPath = (clauseId: string) => `/api/clauses/${clauseId}/paragraphs/${PARAGRAPH}/status`;
const requestsPath = (clauseId: string) => `/api/clauses/${clauseId}/reopen-requests`;

async function markedAgreed(clauseId: string): Promise<number> {
  return withDatabase(
    async (db) =>
      (await db.query(`SELECT agreed FROM "ClauseProgress" WHERE "clauseId" = $1`, [clauseId])).rows[0]?.agreed ?? 0,
  );
}

async function requestStatus(id: string): Promise<string | undefined> {
  return withDatabase(
    async (db) => (await db.query(`SELECT status FROM "ReopenRequest" WHERE id = $1`, [id])).rows[0]?.status,
  );
}

async function setStatus(chair: Session, clauseId: string, status: string): Promise<void> {
  const response = await chair.api.put(statusPath(clauseId), { data: { status } });
  if (!response.ok())
    throw new Error(`the chair could not set paragraph ${PARAGRAPH} ${status}: ${await response.text()}`);
}

/** Declines every open request on the clause and reopens the paragraph. */
async function tidy(chair: Session, clauseId: string): Promise<void> {
  const open = await withDatabase(
    async (db) =>
      (await db.query(`SELECT id FROM "ReopenRequest" WHERE "clauseId" = $1 AND status = 'OPEN'`, [clauseId])).rows,
  );
  for (const { id } of open)
    await chair.api.post(`${requestsPath(clauseId)}/${id}`, { data: { decision: "DECLINE", answer: "Tidied." } });
  await setStatus(chair, clauseId, "OPEN");
}

export function paragraphStatusDoors(
  routeDoes: RouteDoes,
  chair: () => Session,
  delegate: () => Session,
): StatusDoor[] {
  return [
    {
      action: "paragraph.setStatus",
      door: "route",
      what: "PUT /api/clauses/:id/paragraphs/:paragraph/status (agreed)",
      clauses: ["open"],
      attempt: async (s, w) => {
        const clauseId = w.openClause.id;
        const before = await markedAgreed(clauseId);
        try {
          return await routeDoes(
            s,
            { method: "PUT", path: statusPath(clauseId), data: { status: "AGREED" } },
            async () => (await markedAgreed(clauseId)) === before + 1,
          );
        } finally {
          await tidy(chair(), clauseId);
        }
      },
    },
    {
      action: "paragraph.requestReopen",
      door: "route",
      what: "POST /api/clauses/:id/reopen-requests (an agreed paragraph)",
      clauses: ["open"],
      attempt: async (s, w) => {
        const clauseId = w.openClause.id;
        const reason = `Matrix asks ${Date.now()}-${Math.random()}`;
        await setStatus(chair(), clauseId, "AGREED");
        try {
          return await routeDoes(
            s,
            { method: "POST", path: requestsPath(clauseId), data: { paragraph: PARAGRAPH, reason } },
            async () =>
              withDatabase(
                async (db) =>
                  (await db.query(`SELECT 1 FROM "ReopenRequest" WHERE reason = $1`, [reason])).rowCount === 1,
              ),
          );
        } finally {
          await tidy(chair(), clauseId);
        }
      },
    },
    {
      action: "paragraph.answerReopen",
      door: "route",
      what: "POST /api/clauses/:id/reopen-requests/:request (decline)",
      clauses: ["open"],
      attempt: async (s, w) => {
        const clauseId = w.openClause.id;
        await setStatus(chair(), clauseId, "AGREED");
        try {
          const asked = await delegate().api.post(requestsPath(clauseId), {
            data: { paragraph: PARAGRAPH, reason: "Asked for the matrix." },
          });
          if (!asked.ok()) throw new Error(`the delegate could not ask: ${await asked.text()}`);
          const { requestId } = (await asked.json()) as { requestId: string };
          return await routeDoes(
            s,
            {
              method: "POST",
              path: `${requestsPath(clauseId)}/${requestId}`,
              data: { decision: "DECLINE", answer: "Settled." },
            },
            async () => (await requestStatus(requestId)) === "DECLINED",
          );
        } finally {
          await tidy(chair(), clauseId);
        }
      },
    },
    {
      action: "clause.view",
      door: "route",
      what: "GET /api/clauses/:id/reopen-requests",
      clauses: ["open"],
      attempt: async (s, w) => (await s.api.get(requestsPath(w.openClause.id))).status() === 200,
    },
  ];
}
