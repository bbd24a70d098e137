import "server-only";

// The first half of the older clause and instrument doors (clause-door.ts, instrument-door.ts),
// kept for the routes that still use them: the same steps as every door (run-door.ts).
export { actionDoor as userDoor } from "./action-door";
