// Carries presentations between instances, so a screen following on one instance follows a chair
// presenting on another. Like lib/collab/presence-departures.ts: a Redis channel of its own beside
// the documents' link (its host and prefix), carrying only what an instance itself decided and
// checked — a presentation started, moved or ended, and each view the presenter sent. Each message
// is one small JSON string, read again on arrival with the browser's strict reading.
import { Redis as InstanceLink } from "@hocuspocus/extension-redis";
import type { Extension } from "@hocuspocus/server";
import { Redis } from "ioredis";
import { log } from "@/lib/log";
import { type PlenaryMessage, readPlenaryMessage } from "./plenary-messages";

export type PlenaryLink = {
  publish(instrumentId: string, message: PlenaryMessage): void;
  listen(arrived: (instrumentId: string, message: PlenaryMessage) => void): Promise<void>;
  stop(): Promise<void>;
};

type Envelope = { from: string; instrumentId: string; message: string };

export function plenaryLink(extensions: Extension[]): PlenaryLink | null {
  const link = extensions.find((extension): extension is InstanceLink => extension instanceof InstanceLink);
  if (!link) return null;
  const { host, port, prefix, identifier } = link.configuration;
  const channel = `${prefix}#plenary`;
  // Not queued while Redis is away: a stale view is worth nothing.
  const publisher = new Redis(port, host, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  const subscriber = new Redis(port, host);
  for (const client of [publisher, subscriber]) {
    client.on("error", (error) => log.debug({ event: "plenary.redis-error", err: error }, "redis error"));
  }

  return {
    publish(instrumentId, message) {
      const envelope: Envelope = { from: identifier, instrumentId, message: JSON.stringify(message) };
      publisher.publish(channel, JSON.stringify(envelope)).catch((error) => {
        log.debug({ event: "plenary.unpublished", instrumentId, err: error }, "presentation not relayed");
      });
    },

    async listen(arrived) {
      subscriber.on("message", (from: string, raw: string) => {
        if (from !== channel) return;
        let envelope: Partial<Envelope>;
        try {
          envelope = JSON.parse(raw) as Partial<Envelope>;
        } catch {
          envelope = {};
        }
        const message = typeof envelope.message === "string" ? readPlenaryMessage(envelope.message) : null;
        // A presentation travels under its own instrument only, so a forged envelope cannot show
        // one instrument's screens another instrument's clause.
        const elsewhere =
          message?.type === "plenary.state" &&
          message.presentation !== null &&
          message.presentation.instrumentId !== envelope.instrumentId;
        if (!message || elsewhere || typeof envelope.instrumentId !== "string" || typeof envelope.from !== "string") {
          log.warn({ event: "plenary.bad-relay" }, "ignored a malformed presentation message");
          return;
        }
        if (envelope.from !== identifier) arrived(envelope.instrumentId, message);
      });
      await subscriber.subscribe(channel);
    },

    async stop() {
      subscriber.removeAllListeners("message");
      subscriber.disconnect(false);
      publisher.disconnect(false);
    },
  };
}
