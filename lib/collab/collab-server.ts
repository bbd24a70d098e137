// The collaboration server: Hocuspocus with our doors (authentication), durable saves,
// server-stamped presence, and each capability's extension. Created once per process by
// server.ts (and by tests).
import { type Extension, Hocuspocus } from "@hocuspocus/server";
import { log } from "@/lib/log";
import { authenticateConnection } from "./authenticate-connection";
import { capabilityExtensions } from "./capability-extensions";
import type { CollabContext } from "./collab-context";
import { durableClauseStore } from "./durable-clause-store";
import { unlessDatabaseIsDown } from "./refusal";
import { serverStampedPresence } from "./server-stamped-presence";

export function createCollabServer(extra: Extension[] = []): Hocuspocus {
  return new Hocuspocus({
    name: "clausework",
    // Nothing is debounced: every update is durable before it is acknowledged (beforeSync).
    unloadImmediately: true,
    extensions: [durableClauseStore(), serverStampedPresence(), ...capabilityExtensions(), ...extra],

    async onAuthenticate(data) {
      return authenticateConnection(data).catch(unlessDatabaseIsDown);
    },

    async onDisconnect({ context }) {
      const ctx = context as CollabContext | undefined;
      if (ctx?.user) {
        log.info({ event: "collab.disconnected", userId: ctx.user.id, clauseId: ctx.clauseId }, "socket closed");
      }
    },
  });
}
