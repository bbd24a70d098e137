// Hocuspocus extension: names and colours on carets and in the presence list come from the
// server's idea of who is connected, never from what a client claims.
import type { Extension } from "@hocuspocus/server";
import type { CollabContext } from "./collab-context";

export function serverStampedPresence(): Extension {
  return {
    extensionName: "server-stamped-presence",
    async beforeHandleAwareness({ context, states }) {
      const user = (context as CollabContext | undefined)?.user;
      if (!user) return;
      for (const state of states.values()) {
        if (!state.user) continue;
        state.user = {
          id: user.id,
          name: user.name,
          color: user.colour,
          organizationCode: user.organizationCode,
          organizationName: user.organizationName,
        };
      }
    },
  };
}
