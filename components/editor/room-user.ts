/** The person at this keyboard, as the clause room shows them to others. */
export type RoomUser = {
  id: string;
  name: string;
  colour: string;
  organizationId: string;
  organizationCode: string;
  organizationName: string;
};

/** What each client publishes in Yjs awareness (the server rewrites it from the session). */
export type AwarenessUser = { id: string; name: string; color: string; organizationCode: string };
