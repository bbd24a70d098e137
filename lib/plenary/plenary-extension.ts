// Hocuspocus extension: plenary mode. The chair (whoever may `clause.present`) presents the clause
// open on their screen; screens that follow it (follow-mode.ts) see the chair's view live, and are
// moved with the chair to the next article of the instrument. The server is the judge:
//
// - Only a person who may present starts, stops or moves a presentation, or sends a view; the
//   permission is asked again at least every RECHECK_MS while presenting. A clause restricted to
//   some delegations is never presented to the plenary.
// - A view is read strictly (plenary-messages.ts: its known fields rebuilt, the rest dropped, at
//   most 1 KB), must fit the clause as held here (view-in-clause.ts), and is rate-limited
//   (view-rate.ts). A refused message is answered with why, and goes nowhere.
// - A following connection is read-only, publishes no presence (its states are dropped here,
//   before the presence guard sees them) and receives none (silent-follower.ts).
//
// Cost: a view is relayed as one stateless message encoded once for all of a clause's
// connections and sent only to its followers; a start, move or end is one message to every
// connection of the instrument's clauses open on this instance (the "Follow" offer). Other
// instances get both through one Redis message (plenary-link.ts).
import type { Connection, Extension, Hocuspocus } from "@hocuspocus/server";
import { findClauseAccess } from "@/lib/clauses/find-clause-access";
import { clauseDocumentName, parseClauseDocumentName } from "@/lib/collab/clause-document-name";
import type { CollabContext } from "@/lib/collab/collab-context";
import { prisma } from "@/lib/db/prisma";
import { log } from "@/lib/log";
import { can } from "@/lib/permissions/can";
import { plenaryLink } from "./plenary-link";
import { type PlenaryMessage, type Presentation, type PresentedView, readPresenterMessage } from "./plenary-messages";
import { presentationSeenBy } from "./presentation-seen-by";
import { type Running, registerPresentations } from "./presentations";
import { silenceFollowersOf } from "./silent-follower";
import { viewMisfit } from "./view-in-clause";
import { viewRate } from "./view-rate";

/** Before the presence guard (default priority 100): a follower's states are gone before it judges. */
export const PLENARY_PRIORITY = 1000;
/** How long a presenter's permission is trusted before it is asked again. */
export const RECHECK_MS = 10_000;
/** A presenter's clause socket that closes (moving to the next article, a reload) gets this long to come back. */
export const PRESENTER_GRACE_MS = 3_000;

export const PLENARY_REFUSALS = {
  unreadable: "That view could not be read, so it was not shown to the plenary.",
  follower: "A following screen only reads: it cannot present.",
  notAllowed: "Only the chair and the secretariat may present a clause to the plenary.",
  restricted: "A clause restricted to some delegations cannot be presented to the plenary.",
  notPresenting: "You are not presenting this clause: choose Present first.",
  tooFast: "You sent the plenary more than it can follow; the next move will be shown.",
} as const;

type Presenting = { instrumentId: string; checkedAt: number };

const isFollower = (connection: Connection) => (connection.context as CollabContext | undefined)?.following === true;

export function plenaryExtension(extensions: Extension[] = []): Extension {
  const link = plenaryLink(extensions);
  const running = new Map<string, Running>();
  const presenting = new WeakMap<Connection, Presenting>();
  /** Every plenary message a socket sends, start and stop too, is paced before any work is done for it. */
  const pace = new WeakMap<Connection, () => boolean>();
  /** The presenter's socket on this instance, per instrument, and the end waiting after it closed. */
  const presenterSocket = new Map<string, Connection>();
  const pendingEnds = new Map<string, NodeJS.Timeout>();
  /** Which instrument each clause open here belongs to, and the clauses open here per instrument. */
  const instrumentOf = new Map<string, string>();
  const openClauses = new Map<string, Set<string>>();
  let instance: Hocuspocus | null = null;

  const relay = (documentName: string, message: PlenaryMessage, only?: (connection: Connection) => boolean) =>
    instance?.documents.get(documentName)?.relayStateless(JSON.stringify(message), only);

  /** A presentation started, moved or ended (null): everyone in the instrument's open clauses here hears it. */
  const deliverState = (instrumentId: string, presentation: Presentation | null) => {
    if (presentation) running.set(instrumentId, { presentation, view: null });
    else running.delete(instrumentId);
    for (const name of openClauses.get(instrumentId) ?? []) relay(name, { type: "plenary.state", presentation });
  };

  /** The presenter's view: the presented clause's followers here see it. */
  const deliverView = (instrumentId: string, clauseId: string, view: PresentedView) => {
    const now = running.get(instrumentId);
    if (!now || now.presentation.clauseId !== clauseId) return;
    now.view = view;
    relay(clauseDocumentName(clauseId), { type: "plenary.view", clauseId, ...view }, isFollower);
  };

  const decideState = (instrumentId: string, presentation: Presentation | null) => {
    deliverState(instrumentId, presentation);
    link?.publish(instrumentId, { type: "plenary.state", presentation });
  };

  const cancelEnd = (instrumentId: string) => {
    clearTimeout(pendingEnds.get(instrumentId));
    pendingEnds.delete(instrumentId);
  };

  const knowClause = async (documentName: string, clauseId: string): Promise<string | null> => {
    let instrumentId = instrumentOf.get(documentName) ?? null;
    if (!instrumentId) {
      const clause = await prisma.clause.findUnique({ where: { id: clauseId }, select: { instrumentId: true } });
      instrumentId = clause?.instrumentId ?? null;
      if (!instrumentId) return null;
      instrumentOf.set(documentName, instrumentId);
    }
    const open = openClauses.get(instrumentId) ?? new Set<string>();
    open.add(documentName);
    openClauses.set(instrumentId, open);
    return instrumentId;
  };

  /** May this person present this clause now? A refusal to send, or the clause's facts. */
  const mayPresent = async (ctx: CollabContext) => {
    const access = await findClauseAccess(ctx.user, ctx.clauseId);
    if (!access || !can(access.actor, "clause.present", access.target)) return PLENARY_REFUSALS.notAllowed;
    if ((access.target.restrictedTo?.length ?? 0) > 0) return PLENARY_REFUSALS.restricted;
    return access.clause;
  };

  const presenterLeft = (connection: Connection) => {
    const mine = presenting.get(connection);
    if (!mine || presenterSocket.get(mine.instrumentId) !== connection) return;
    presenterSocket.delete(mine.instrumentId);
    cancelEnd(mine.instrumentId);
    pendingEnds.set(
      mine.instrumentId,
      setTimeout(() => {
        pendingEnds.delete(mine.instrumentId);
        if (!presenterSocket.has(mine.instrumentId)) decideState(mine.instrumentId, null);
      }, PRESENTER_GRACE_MS),
    );
  };

  async function handle(connection: Connection, payload: string, documentName: string) {
    const message = readPresenterMessage(payload);
    if (message === null) return;
    const ctx = connection.context as CollabContext;
    const refuse = (why: string, detail?: string) => {
      log.warn(
        { event: "plenary.refused", userId: ctx?.user?.id, clauseId: ctx?.clauseId, why, detail },
        "refused a presentation message",
      );
      connection.sendStateless(JSON.stringify({ type: "plenary.refused", message: why } satisfies PlenaryMessage));
    };
    if (!ctx?.user) return;
    if (message === "invalid") return refuse(PLENARY_REFUSALS.unreadable);
    if (ctx.following) return refuse(PLENARY_REFUSALS.follower);
    // Before the database is asked or the instrument told: a flood of starts costs nobody else.
    const mayGoOn = pace.get(connection) ?? viewRate();
    pace.set(connection, mayGoOn);
    if (!mayGoOn()) return refuse(PLENARY_REFUSALS.tooFast);

    if (message.type === "plenary.start") {
      const clause = await mayPresent(ctx);
      if (typeof clause === "string") return refuse(clause);
      const instrumentId = clause.instrumentId;
      await knowClause(documentName, ctx.clauseId);
      presenting.set(connection, { instrumentId, checkedAt: Date.now() });
      presenterSocket.set(instrumentId, connection);
      cancelEnd(instrumentId);
      log.info({ event: "plenary.presenting", userId: ctx.user.id, clauseId: ctx.clauseId }, "presentation moved");
      return decideState(instrumentId, {
        instrumentId,
        clauseId: ctx.clauseId,
        number: clause.number,
        title: clause.title,
        presenterId: ctx.user.id,
        presenterName: ctx.user.name,
      });
    }

    const mine = presenting.get(connection);
    const now = mine ? running.get(mine.instrumentId) : undefined;
    const current = now?.presentation.presenterId === ctx.user.id && now.presentation.clauseId === ctx.clauseId;
    if (!mine || !current) return refuse(PLENARY_REFUSALS.notPresenting);

    if (message.type === "plenary.stop") {
      presenting.delete(connection);
      presenterSocket.delete(mine.instrumentId);
      cancelEnd(mine.instrumentId);
      log.info({ event: "plenary.ended", userId: ctx.user.id, clauseId: ctx.clauseId }, "presentation ended");
      return decideState(mine.instrumentId, null);
    }

    if (Date.now() - mine.checkedAt > RECHECK_MS) {
      const still = await mayPresent(ctx);
      if (typeof still === "string") {
        presenting.delete(connection);
        decideState(mine.instrumentId, null);
        return refuse(still);
      }
      mine.checkedAt = Date.now();
    }
    const document = instance?.documents.get(documentName);
    const { type: _type, ...view } = message;
    const misfit = document ? viewMisfit(view, document) : "the clause is not open";
    if (misfit) return refuse(PLENARY_REFUSALS.unreadable, misfit);
    deliverView(mine.instrumentId, ctx.clauseId, view);
    link?.publish(mine.instrumentId, { type: "plenary.view", clauseId: ctx.clauseId, ...view });
  }

  return {
    extensionName: "plenary",
    priority: PLENARY_PRIORITY,

    async onConfigure({ instance: configured }) {
      instance = configured;
      registerPresentations(running);
      await link?.listen((instrumentId, message) => {
        if (message.type === "plenary.state") {
          // Another instance decided (the presenter may have come back there): an end waiting
          // here for a presenter's socket that closed must not undo it.
          cancelEnd(instrumentId);
          presenterSocket.delete(instrumentId);
          deliverState(instrumentId, message.presentation);
        }
        if (message.type === "plenary.view") {
          const { type: _type, clauseId, ...view } = message;
          deliverView(instrumentId, clauseId, view);
        }
      });
    },

    async afterLoadDocument({ document }) {
      silenceFollowersOf(document);
    },

    async connected({ connection, context, documentName }) {
      const ctx = context as CollabContext | undefined;
      connection.onClose(() => presenterLeft(connection));
      const clauseId = parseClauseDocumentName(documentName);
      if (!ctx?.user || !clauseId) return;
      const instrumentId = await knowClause(documentName, clauseId);
      const now = instrumentId ? running.get(instrumentId) : undefined;
      // The clause may have been restricted since it began to be presented.
      if (!instrumentId || !now || !(await presentationSeenBy(ctx.user, now.presentation))) return;
      // Changed while we asked: the change itself has reached this connection.
      if (running.get(instrumentId) !== now) return;
      connection.sendStateless(JSON.stringify({ type: "plenary.state", presentation: now.presentation }));
      if (ctx.following && now.view && now.presentation.clauseId === clauseId) {
        connection.sendStateless(JSON.stringify({ type: "plenary.view", clauseId, ...now.view }));
      }
    },

    async beforeHandleAwareness({ connection, context, states }) {
      // A following screen is not in the room: whatever presence it sends is dropped.
      if (connection && (context as CollabContext | undefined)?.following) states.clear();
    },

    async onStateless({ connection, payload, documentName }) {
      await handle(connection, payload, documentName);
    },

    async afterUnloadDocument({ documentName }) {
      const instrumentId = instrumentOf.get(documentName);
      instrumentOf.delete(documentName);
      if (instrumentId) openClauses.get(instrumentId)?.delete(documentName);
    },

    async onDestroy() {
      for (const timer of pendingEnds.values()) clearTimeout(timer);
      pendingEnds.clear();
      await link?.stop();
    },
  };
}
