// Reply in a thread.
import { z } from "zod";
import { replyToThread, ZReply } from "@/lib/comments/reply-to-thread";
import { clauseDoor } from "@/lib/doors/clause-door";
import { answer } from "@/lib/doors/request-input";

type Params = { params: Promise<{ clauseId: string; threadId: string }> };

const reply = clauseDoor("comment.reply", ZReply.extend({ clauseId: z.string(), threadId: z.string() }), (ctx, data) =>
  replyToThread(ctx, data.threadId, data),
);

export async function POST(request: Request, { params }: Params) {
  return answer(request, await params, reply);
}
