// What a socket may do with a clause's text, from the permissions module: write directly,
// write only proposals (the suggest-only guard checks every update), or only read.
// Decided here once, for connecting and for re-checking open sockets after an access change.
import { type Actor, can, type Target } from "@/lib/permissions/can";

export type SocketRights = { readOnly: boolean; mayOnlySuggest: boolean };

export function socketRights(actor: Actor, target: Target): SocketRights {
  const mayEdit = can(actor, "clause.editText", target);
  const maySuggest = can(actor, "clause.suggest", target);
  return { readOnly: !mayEdit && !maySuggest, mayOnlySuggest: !mayEdit && maySuggest };
}
