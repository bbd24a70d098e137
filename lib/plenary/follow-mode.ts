// A following screen (the plenary view, a projector) connects to the presented clause with the
// follow token: the server makes that connection read-only whatever the person's role, and marks
// it so it publishes no presence and receives nobody's (plenary-extension.ts). The token chooses
// less power, never more: a person who may not read the clause is refused before this.
import type { onAuthenticatePayload } from "@hocuspocus/server";
import type { CollabContext } from "@/lib/collab/collab-context";
import { FOLLOW_TOKEN } from "./plenary-messages";

export function withFollowMode(data: onAuthenticatePayload, context: CollabContext): CollabContext {
  if (data.token !== FOLLOW_TOKEN) return context;
  data.connectionConfig.readOnly = true;
  return { ...context, following: true };
}
