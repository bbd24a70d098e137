// A clause's comment threads: list them, or start one.
import { createThread, ZCreateThread } from "@/lib/comments/create-thread";
import { listThreads, ZListThreads } from "@/lib/comments/list-threads";
import { routeDoor } from "@/lib/doors/route-door";

export const GET = routeDoor("thread.view", ZListThreads, listThreads);
export const POST = routeDoor("thread.create", ZCreateThread, createThread);
