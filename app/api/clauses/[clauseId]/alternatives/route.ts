// Alternatives on a clause's words: list the sets (GET) or propose another wording for the
// selected words, starting a set (POST).
import { createAlternatives, ZCreateAlternatives } from "@/lib/alternatives/create-alternatives";
import { listAlternatives, ZListAlternatives } from "@/lib/alternatives/list-alternatives";
import { routeDoor } from "@/lib/doors/route-door";

export const GET = routeDoor("alternatives.list", ZListAlternatives, listAlternatives);
export const POST = routeDoor("alternatives.create", ZCreateAlternatives, createAlternatives);
