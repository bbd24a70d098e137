// Journeys about proposals in a room (the margin, mentions, a role change, accessibility, offline,
// readings) use clauses the demo
// has agreed as a whole; an agreed clause refuses delegations' proposals (lib/paragraph-status),
// so these journeys first reopen their clause, as the chair would. No other journey reads the
// status of these clauses.
import { withDatabase } from "./sessions";

export async function negotiateOpen(title: string): Promise<void> {
  await withDatabase((db) => db.query(`UPDATE "Clause" SET status = 'OPEN' WHERE title = $1`, [title]));
}
