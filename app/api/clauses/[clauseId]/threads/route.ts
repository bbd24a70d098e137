// A clause's comment threads: list them, or start one.
import { z } from "zod";
import { createThread, ZCreateThread } from "@/lib/comments/create-thread";
import { listThreads } from "@/lib/comments/list-threads";
import { clauseDoor } from "@/lib/doors/clause-door";
import { answer } from "@/lib/doors/request-input";

type Params = { params: Promise<{ clauseId: string }> };

const list = clauseDoor("thread.view", z.object({ clauseId: z.string() }), (ctx) => listThreads(ctx));
const start = clauseDoor("thread.create", ZCreateThread.extend({ clauseId: z.string() }), (ctx, data) =>
  createThread(ctx, data),
);

export async function GET(request: Request, { params }: Params) {
  return answer(request, await params, list);
}

export async function POST(request: Request, { params }: Params) {
  return answer(request, await params, start);
}
