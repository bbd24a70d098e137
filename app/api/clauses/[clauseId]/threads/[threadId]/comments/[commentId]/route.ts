// Edit or delete one's own comment. Authorship is checked by the commands.
import { deleteComment, ZDeleteComment } from "@/lib/comments/delete-comment";
import { editComment, ZEditComment } from "@/lib/comments/edit-comment";
import { routeDoor } from "@/lib/doors/route-door";

export const PATCH = routeDoor("comment.edit", ZEditComment, editComment);
export const DELETE = routeDoor("comment.delete", ZDeleteComment, deleteComment);
