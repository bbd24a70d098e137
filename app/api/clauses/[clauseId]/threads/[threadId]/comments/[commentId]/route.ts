// Edit or delete one's own comment. The door checks the clause; authorship is checked inside.
import { z } from "zod";
import { deleteComment } from "@/lib/comments/delete-comment";
import { editComment, ZEditComment } from "@/lib/comments/edit-comment";
import { clauseDoor } from "@/lib/doors/clause-door";
import { answer } from "@/lib/doors/request-input";

type Params = { params: Promise<{ clauseId: string; threadId: string; commentId: string }> };
const ZIds = z.object({ clauseId: z.string(), threadId: z.string(), commentId: z.string() });

const edit = clauseDoor("thread.view", ZEditComment.extend(ZIds.shape), (ctx, data) =>
  editComment(ctx, data.threadId, data.commentId, data),
);
const remove = clauseDoor("thread.view", ZIds, (ctx, data) => deleteComment(ctx, data.threadId, data.commentId));

export async function PATCH(request: Request, { params }: Params) {
  return answer(request, await params, edit);
}

export async function DELETE(request: Request, { params }: Params) {
  return answer(request, await params, remove);
}
