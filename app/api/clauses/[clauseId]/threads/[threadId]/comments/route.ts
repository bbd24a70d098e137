// Reply in a thread.
import { replyToThread, ZReply } from "@/lib/comments/reply-to-thread";
import { routeDoor } from "@/lib/doors/route-door";

export const POST = routeDoor("comment.reply", ZReply, replyToThread);
