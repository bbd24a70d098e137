// With REDIS_URL set, instances share live documents through Hocuspocus' Redis extension.
// Durable state stays in PostgreSQL only; Redis just carries updates and presence between instances.
//
// When Redis is unreachable each instance keeps serving its own clients on its own (editing and
// saving go on: every update is stored in PostgreSQL before it is applied), says so once in the
// log, and stops publishing instead of queueing or failing every message. When Redis returns it
// rejoins: every open document is caught up from PostgreSQL (what the other instances stored
// meanwhile) and announced to the other instances, which answer with what they have.
import { Redis } from "@hocuspocus/extension-redis";
import type {
  afterLoadDocumentPayload,
  beforeBroadcastStatelessPayload,
  Document,
  Extension,
  onAwarenessUpdatePayload,
  onChangePayload,
  onStoreDocumentPayload,
} from "@hocuspocus/server";
import * as Y from "yjs";
import { parseClauseDocumentName } from "@/lib/collab/clause-document-name";
import { loadClauseState } from "@/lib/collab/clause-store";
import { log } from "@/lib/log";

/** Marks what was read back from PostgreSQL on rejoining, so it is not taken for a client's edit. */
const FROM_DATABASE = { source: "local" as const };

/** Applies to `document` whatever PostgreSQL holds that it lacks: others' stored edits. */
async function catchUpFromDatabase(documentName: string, document: Document): Promise<void> {
  const clauseId = parseClauseDocumentName(documentName);
  const stored = clauseId ? await loadClauseState(clauseId) : null;
  if (stored) Y.applyUpdate(document, Y.diffUpdate(stored, Y.encodeStateVector(document)), FROM_DATABASE);
}

class InstanceLink extends Redis {
  private apartSince: number | null = null;
  private stopping = false;
  private rejoining: Promise<void> | null = null;

  constructor(configuration: ConstructorParameters<typeof Redis>[0]) {
    super(configuration);
    for (const client of [this.pub, this.sub]) {
      // A listener also keeps ioredis from printing every failed reconnection attempt.
      client.on("error", (error: Error) => this.lost(error));
      client.on("close", () => this.lost(null));
      client.on("ready", () => {
        if (this.apartSince !== null && this.linked()) void this.rejoin();
      });
    }
  }

  private linked(): boolean {
    return this.pub.status === "ready" && this.sub.status === "ready";
  }

  private lost(error: Error | null) {
    if (this.stopping || this.apartSince !== null) return;
    this.apartSince = Date.now();
    log.error(
      { event: "collab.redis-unavailable", err: error ?? undefined },
      "Redis is unreachable: this instance serves its own clients alone until it returns",
    );
  }

  private rejoin(): Promise<void> {
    this.rejoining ??= (async () => {
      const since = this.apartSince ?? Date.now();
      this.apartSince = null;
      // Redis may have been down since this instance started, before its reply channel (named as
      // the extension names it) was subscribed: subscribing again is harmless.
      await this.sub.subscribe(`${this.configuration.prefix}#reply:${this.configuration.identifier}`);
      const open = [...this.instance.documents.entries()];
      const results = await Promise.allSettled(open.map(([name, document]) => this.share(name, document, true)));
      const failed = results.filter((result) => result.status === "rejected");
      log.warn(
        { event: "collab.redis-back", apartMs: Date.now() - since, documents: open.length, failed: failed.length },
        "Redis answers again: open documents caught up and shared with the other instances",
      );
      for (const result of failed) log.error({ event: "collab.rejoin-failed", err: result.reason }, "rejoin failed");
    })()
      .catch((error) => this.lost(error))
      .finally(() => {
        this.rejoining = null;
        // Lost and back again while rejoining: the "ready" that came meanwhile found us busy.
        if (this.apartSince !== null && this.linked()) void this.rejoin();
      });
    return this.rejoining;
  }

  /**
   * Listens to the document's channel and announces its state (a sync step 1 through `onChange`):
   * the other instances reply with what it lacks and ask for what they lack.
   */
  private async share(documentName: string, document: Document, catchUp: boolean) {
    await this.sub.subscribe(`${this.configuration.prefix}:${documentName}`);
    await super.onChange({ documentName, document, transactionOrigin: FROM_DATABASE } as onChangePayload);
    if (catchUp) await catchUpFromDatabase(documentName, document);
  }

  async afterLoadDocument(payload: afterLoadDocumentPayload) {
    if (this.apartSince !== null) return; // shared when Redis returns
    try {
      await super.afterLoadDocument(payload);
    } catch (error) {
      // Served here alone: a document is not refused because Redis faltered.
      if (!this.linked()) return this.lost(error as Error);
      log.warn({ event: "collab.share-failed", documentName: payload.documentName, err: error }, "sharing again");
      await this.share(payload.documentName, payload.document, false).catch((again) => this.lost(again));
    }
  }

  async onChange(data: onChangePayload) {
    if (this.apartSince === null) return super.onChange(data);
  }

  async onAwarenessUpdate(data: onAwarenessUpdatePayload) {
    if (this.apartSince === null) return super.onAwarenessUpdate(data);
  }

  // Nothing is stored in onStoreDocument here (updates are stored one by one): no lock to take.
  async onStoreDocument(data: onStoreDocumentPayload) {
    if (this.apartSince === null) return super.onStoreDocument(data);
  }

  // Hocuspocus does not await this hook: a rejection would be unhandled and stop the process.
  async beforeBroadcastStateless(data: beforeBroadcastStatelessPayload): Promise<number> {
    if (this.apartSince !== null) return 0;
    return super.beforeBroadcastStateless(data).catch((error: Error) => {
      this.lost(error);
      return 0;
    });
  }

  /**
   * On shutdown the extension closes its publishing connection before its subscription, so a
   * message from another instance arriving in between is answered on a closed connection — an
   * unhandled rejection while the process stops. Stop listening first.
   */
  async onDestroy() {
    this.stopping = true;
    this.sub.removeAllListeners("messageBuffer");
    this.sub.disconnect(false);
    await super.onDestroy();
  }
}

export function redisExtensions(url = process.env.REDIS_URL, prefix = "clausework"): Extension[] {
  if (!url) return [];
  const { hostname, port } = new URL(url);
  return [new InstanceLink({ host: hostname, port: Number(port || 6379), prefix })];
}
