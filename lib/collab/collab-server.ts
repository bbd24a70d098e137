// The collaboration server: Hocuspocus with our doors (authentication), owned client ids,
// durable saves, server-owned presence, and each capability's extension. Created once per process by
// server.ts (and by tests).
import { type Extension, Hocuspocus } from "@hocuspocus/server";
import { log } from "@/lib/log";
import { withFollowMode } from "@/lib/plenary/follow-mode";
import { plenaryExtension } from "@/lib/plenary/plenary-extension";
import { authenticateConnection } from "./authenticate-connection";
import { capabilityExtensions } from "./capability-extensions";
import { clientIdGuard } from "./client-id-guard";
import { ClientIdOwners } from "./client-id-owners";
import type { CollabContext } from "./collab-context";
import { durableClauseStore } from "./durable-clause-store";
import { presenceDepartures } from "./presence-departures";
import { presenceGuard } from "./presence-guard";
import { unlessDatabaseIsDown } from "./refusal";
import { saveOutage } from "./save-until-stored";

export function createCollabServer(extra: Extension[] = []): Hocuspocus {
  const owners = new ClientIdOwners();
  // One outage for the whole server: logged once, and every wait for the database ends together.
  const outage = saveOutage();
  return new Hocuspocus({
    name: "clausework",
    // Nothing is debounced: every update is durable before it is acknowledged (beforeSync).
    unloadImmediately: true,
    extensions: [
      clientIdGuard(owners, outage),
      durableClauseStore(outage),
      presenceGuard(owners, presenceDepartures(extra)),
      ...capabilityExtensions(outage),
      plenaryExtension(extra),
      ...extra,
    ],

    async onAuthenticate(data) {
      // A following screen (lib/plenary) connects read-only and silent, whatever the person's role.
      return authenticateConnection(data)
        .then((context) => withFollowMode(data, context))
        .catch(unlessDatabaseIsDown);
    },

    async onDisconnect({ context }) {
      const ctx = context as CollabContext | undefined;
      if (ctx?.user) {
        log.info({ event: "collab.disconnected", userId: ctx.user.id, clauseId: ctx.clauseId }, "socket closed");
      }
    },
  });
}
