// Resolve or reopen a thread: `{ "resolved": true | false }`. Who may is decided by the command,
// against the thread's author.
import { setThreadResolved, ZSetThreadResolved } from "@/lib/comments/resolve-thread";
import { routeDoor } from "@/lib/doors/route-door";

export const PATCH = routeDoor("thread.resolve", ZSetThreadResolved, setThreadResolved);
