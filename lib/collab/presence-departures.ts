// When a connection closes, the instance that served it says so to the other instances, so
// its carets leave everyone's screen at once, not after y-protocols' 30 s.
//
// Why a channel of its own: Hocuspocus 4.7 hands every awareness message arriving through Redis
// to the same scratch decoding as a browser's (MessageReceiver.ts: decode into a fresh
// Awareness, re-encode what it holds), and a removed state is not held, so the removal the
// closing instance publishes is dropped on every other one. That dropping is also what keeps a
// browser from removing others' states, so it stays; this channel carries only what an instance
// itself decided (presence-guard.ts removes the states on arrival, with removeAwarenessStates,
// and Hocuspocus tells that instance's browsers).
//
// Best effort: a message lost while Redis is down leaves the state to y-protocols' timeout.
import { Redis as InstanceLink } from "@hocuspocus/extension-redis";
import type { Extension } from "@hocuspocus/server";
import { Redis } from "ioredis";
import { log } from "@/lib/log";

/** A client id whose connection closed, with the awareness clock its last state had there. */
export type Departure = { clientId: number; clock: number };

type Announcement = { from: string; documentName: string; departed: Departure[] };

export type PresenceDepartures = {
  announce(documentName: string, departed: Departure[]): void;
  /** Calls `arrived` for each announcement from another instance. */
  listen(arrived: (documentName: string, departed: Departure[]) => void): Promise<void>;
  stop(): Promise<void>;
};

function isDeparture(value: unknown): value is Departure {
  const { clientId, clock } = (value ?? {}) as Record<string, unknown>;
  return Number.isSafeInteger(clientId) && Number.isSafeInteger(clock);
}

function parseAnnouncement(message: string): Announcement | null {
  try {
    const value = JSON.parse(message) as Partial<Announcement>;
    if (typeof value.from !== "string" || typeof value.documentName !== "string") return null;
    if (!Array.isArray(value.departed) || !value.departed.every(isDeparture)) return null;
    return value as Announcement;
  } catch {
    return null;
  }
}

/**
 * Departures through the Redis the instances already share documents through (the Hocuspocus
 * Redis extension among `extensions`, its host and prefix), or null when there is none: one
 * instance alone removes its own states.
 */
export function presenceDepartures(extensions: Extension[]): PresenceDepartures | null {
  const link = extensions.find((extension): extension is InstanceLink => extension instanceof InstanceLink);
  if (!link) return null;
  const { host, port, prefix, identifier } = link.configuration;
  // `#`, as the extension's reply channel: no document channel (`prefix:name`) can take this name.
  const channel = `${prefix}#presence-departed`;
  // Not queued while Redis is away: a late removal is worth nothing, the timeout does it then.
  const publisher = new Redis(port, host, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  const subscriber = new Redis(port, host);
  // An outage is logged once by the documents' link (lib/server/redis-extension.ts).
  for (const client of [publisher, subscriber]) {
    client.on("error", (error) => log.debug({ event: "collab.departures-redis-error", err: error }, "redis error"));
  }

  return {
    announce(documentName, departed) {
      if (departed.length === 0) return;
      const message: Announcement = { from: identifier, documentName, departed };
      publisher.publish(channel, JSON.stringify(message)).catch((error) => {
        log.debug({ event: "collab.departure-unpublished", documentName, err: error }, "departure not announced");
      });
    },

    async listen(arrived) {
      subscriber.on("message", (from: string, message: string) => {
        if (from !== channel) return;
        const announcement = parseAnnouncement(message);
        if (!announcement) {
          log.warn({ event: "collab.bad-departure" }, "ignored a malformed presence departure");
          return;
        }
        if (announcement.from !== identifier) arrived(announcement.documentName, announcement.departed);
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
