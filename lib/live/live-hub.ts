// The process's live hub: every signed-in tab's stream on this instance, and what reaches them.
// A signal (lib/live/raise-live.ts) is published on Redis when REDIS_URL is set, so every
// instance, this one included, acts on it; without Redis, only this one. Cost: per change, each
// instance reads the facts once (a clause's summary and who may see it) and judges every stream
// in memory with the permissions module — no query per stream; an unchanged summary is not sent.
// Sessions: a stream ends when its person's session ends (sign-out everywhere, a new password, a
// deactivation: announced as an access change, and confirmed for all streams at once every
// SESSION_RECHECK_MS in case an announcement was lost), and when its token's own time is up — the
// tab then reconnects with its current cookie, through the door again.
import { Redis } from "ioredis";
import { type AccessChange, watchAccessChanges } from "@/lib/access/announce-access-change";
import { isSessionLive, sessionEndsAt } from "@/lib/auth/session-lifetime";
import { clauseActor } from "@/lib/clauses/clause-actor";
import { prisma } from "@/lib/db/prisma";
import { log } from "@/lib/log";
import { can } from "@/lib/permissions/can";
import { type ClauseFacts, loadClauseFacts } from "./clause-summary";
import { type LiveEvent, sseFrame } from "./live-events";
import { type LiveListener, type LiveStreams, registerLiveStreams } from "./live-registry";
import { type LiveSignal, listenForLiveSignals } from "./raise-live";

export const LIVE_CHANNEL = "clausework:live";
/** How often every open stream's session is confirmed from the database (one query for all). */
export const SESSION_RECHECK_MS = 30_000;
/** A comment line this often keeps proxies from closing a quiet stream. */
const HEARTBEAT_MS = 25_000;
/** Changes to one clause within this window are read and sent once. */
const COALESCE_MS = 25;

export type LiveHubOptions = { redisUrl?: string; channel?: string };

export class LiveHub implements LiveStreams {
  private readonly listeners = new Set<LiveListener>();
  private readonly byUser = new Map<string, Set<LiveListener>>();
  private readonly lastSummary = new Map<string, string>();
  private readonly dueClauses = new Set<string>();
  private readonly summaryRuns = new Map<string, Promise<void>>();
  private flushTimer: NodeJS.Timeout | null = null;
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly pending = new Set<Promise<void>>();
  private publisher: Redis | null = null;
  private subscriber: Redis | null = null;
  private readonly channel: string;
  private registered = false;

  constructor(private readonly options: LiveHubOptions = {}) {
    this.channel = options.channel ?? LIVE_CHANNEL;
  }

  async start(): Promise<void> {
    const { redisUrl } = this.options;
    if (redisUrl) {
      this.publisher = new Redis(redisUrl, { maxRetriesPerRequest: 3 });
      this.subscriber = new Redis(redisUrl);
      // Both reconnect and resubscribe by themselves; a listener keeps ioredis from printing each try.
      for (const client of [this.publisher, this.subscriber])
        client.on("error", (error) => log.debug({ event: "live.redis-error", err: error }, "redis error"));
      this.subscriber.on("message", (_channel: string, message: string) => {
        try {
          this.act(JSON.parse(message) as LiveSignal);
        } catch (error) {
          log.warn({ event: "live.bad-signal", err: error }, "ignored a live signal");
        }
      });
      await this.subscriber.subscribe(this.channel);
    }
    this.timers.push(setInterval(() => this.track(this.confirmSessions().then(() => {})), SESSION_RECHECK_MS));
    this.timers.push(setInterval(() => this.heartbeat(), HEARTBEAT_MS));
    for (const timer of this.timers) timer.unref();
  }

  /** Makes this the process's hub: signals raised here and streams opened at the door come to it. */
  register(): this {
    this.registered = true;
    listenForLiveSignals((signal) => this.raise(signal));
    watchAccessChanges((change) => this.raise({ kind: "access", change }));
    registerLiveStreams(this);
    return this;
  }

  raise(signal: LiveSignal): void {
    if (!this.publisher) {
      this.act(signal);
      return;
    }
    this.publisher.publish(this.channel, JSON.stringify(signal)).catch((error) => {
      // Redis down: at least this instance's streams hear it.
      log.error({ event: "live.publish-failed", err: error }, "could not publish a live signal");
      this.act(signal);
    });
  }

  add(listener: LiveListener): () => void {
    this.listeners.add(listener);
    const mine = this.byUser.get(listener.userId) ?? new Set();
    this.byUser.set(listener.userId, mine);
    mine.add(listener);
    return () => this.remove(listener);
  }

  get size(): number {
    return this.listeners.size;
  }

  async stop(): Promise<void> {
    if (this.registered) {
      listenForLiveSignals(undefined);
      watchAccessChanges(undefined);
      registerLiveStreams(undefined);
    }
    for (const timer of this.timers) clearInterval(timer);
    if (this.flushTimer) clearTimeout(this.flushTimer);
    for (const listener of [...this.listeners]) this.end(listener);
    await Promise.allSettled([...this.pending]);
    this.subscriber?.removeAllListeners("message");
    await Promise.allSettled([this.subscriber?.quit(), this.publisher?.quit()]);
  }

  private remove(listener: LiveListener): void {
    this.listeners.delete(listener);
    const mine = this.byUser.get(listener.userId);
    mine?.delete(listener);
    if (mine?.size === 0) this.byUser.delete(listener.userId);
  }

  private end(listener: LiveListener): void {
    this.remove(listener);
    listener.end();
  }

  private send(listener: LiveListener, event: LiveEvent): void {
    // A tab that stopped reading would make us buffer for it: end it; it catches up on reconnecting.
    if (!listener.write(sseFrame(event))) this.end(listener);
  }

  private track(work: Promise<void>): void {
    const run = work
      .catch((error) => log.error({ event: "live.failed", err: error }, "a live update failed"))
      .finally(() => this.pending.delete(run));
    this.pending.add(run);
  }

  private act(signal: LiveSignal): void {
    switch (signal.kind) {
      case "notifications":
        for (const userId of signal.userIds)
          for (const listener of this.byUser.get(userId) ?? []) this.send(listener, { type: "notifications.changed" });
        return;
      case "clause":
        this.dueClauses.add(signal.clauseId);
        this.flushTimer ??= setTimeout(() => {
          this.flushTimer = null;
          const due = [...this.dueClauses];
          this.dueClauses.clear();
          for (const clauseId of due) this.track(this.summaryInTurn(clauseId));
        }, COALESCE_MS);
        return;
      case "access":
        this.track(this.accessChanged(signal.change));
        return;
    }
  }

  /** Judged per stream by the permissions module, from facts read once. */
  private visibleTo(listener: LiveListener, facts: ClauseFacts): boolean {
    const role = facts.roles.get(listener.organizationId);
    const { actor, target } = clauseActor(
      // Streams of deactivated people are ended when it is announced (and confirmed every 30 s).
      { userId: listener.userId, organizationId: listener.organizationId, active: true },
      {
        restrictions: facts.clauseRestrictions.map((organizationId) => ({ organizationId })),
        chapter: { restrictions: facts.chapterRestrictions.map((organizationId) => ({ organizationId })) },
        instrument: { observersMayComment: facts.observersMayComment, participants: role ? [{ role }] : [] },
      },
    );
    return can(actor, "clause.view", target);
  }

  /** One clause's summaries are read and sent one after another: a slower, older read never lands last. */
  private summaryInTurn(clauseId: string): Promise<void> {
    const run = (this.summaryRuns.get(clauseId) ?? Promise.resolve())
      .catch(() => {})
      .then(() => this.sendSummary(clauseId))
      .finally(() => {
        if (this.summaryRuns.get(clauseId) === run) this.summaryRuns.delete(clauseId);
      });
    this.summaryRuns.set(clauseId, run);
    return run;
  }

  private async sendSummary(clauseId: string): Promise<void> {
    if (this.listeners.size === 0) return;
    const facts = await loadClauseFacts(clauseId);
    if (!facts) return;
    const json = JSON.stringify(facts.summary);
    if (this.lastSummary.get(clauseId) === json) return; // typing inside a proposal changes no count
    this.lastSummary.set(clauseId, json);
    for (const listener of [...this.listeners])
      if (this.visibleTo(listener, facts)) this.send(listener, { type: "clause.summary", clause: facts.summary });
  }

  /**
   * Ends the streams of sessions that ended; tells the streams the change may concern to read
   * their page again (what they may see changed). Carries no id: nothing about a clause leaks.
   */
  private async accessChanged(change: AccessChange): Promise<void> {
    const aboutPeople = change.userId !== undefined || change.organizationId !== undefined;
    let concerned = [...this.listeners].filter(
      (l) =>
        (change.userId === undefined || l.userId === change.userId) &&
        (change.organizationId === undefined || l.organizationId === change.organizationId),
    );
    if (aboutPeople) concerned = await this.confirmSessions(concerned);
    // A restriction of a clause or chapter: the organisations taking part in its instrument.
    const instrumentId =
      change.instrumentId ??
      (change.clauseId
        ? (await prisma.clause.findUnique({ where: { id: change.clauseId }, select: { instrumentId: true } }))
            ?.instrumentId
        : undefined);
    if (instrumentId) {
      const taking = new Set(
        (await prisma.participant.findMany({ where: { instrumentId }, select: { organizationId: true } })).map(
          (p) => p.organizationId,
        ),
      );
      concerned = concerned.filter((l) => taking.has(l.organizationId));
    } else if (change.clauseId) {
      return; // a clause that no longer exists
    }
    for (const listener of concerned) this.send(listener, { type: "outline.changed" });
  }

  /** Ends the streams whose session ended; returns those still live. One query for all of them. */
  private async confirmSessions(listeners: LiveListener[] = [...this.listeners]): Promise<LiveListener[]> {
    if (listeners.length === 0) return [];
    const now = Date.now();
    const users = await prisma.user.findMany({
      where: { id: { in: [...new Set(listeners.map((l) => l.userId))] } },
      select: {
        id: true,
        active: true,
        sessionVersion: true,
        memberships: { select: { organizationId: true }, orderBy: { createdAt: "asc" }, take: 1 },
      },
    });
    const byId = new Map(users.map((user) => [user.id, user]));
    const live: LiveListener[] = [];
    for (const listener of listeners) {
      const user = byId.get(listener.userId);
      const ended =
        !user?.active ||
        user.sessionVersion !== listener.sessionVersion ||
        // Moved to another organisation: the page speaks for the old one.
        user.memberships[0]?.organizationId !== listener.organizationId ||
        !isSessionLive(listener.times, now) ||
        (listener.expiresAt !== null && listener.expiresAt <= now);
      if (ended) this.end(listener);
      else live.push(listener);
    }
    return live;
  }

  private heartbeat(): void {
    const now = Date.now();
    for (const listener of [...this.listeners]) {
      // The token's own time is up: the tab reconnects with its current (slid) cookie.
      if (sessionEndsAt(listener.times) <= now || (listener.expiresAt !== null && listener.expiresAt <= now))
        this.end(listener);
      else if (!listener.write(": keep\n\n")) this.end(listener);
    }
  }
}

/** Starts this process's hub (server.ts). */
export async function startLiveHub(options: LiveHubOptions = { redisUrl: process.env.REDIS_URL }): Promise<LiveHub> {
  const hub = new LiveHub(options);
  await hub.start();
  return hub.register();
}
