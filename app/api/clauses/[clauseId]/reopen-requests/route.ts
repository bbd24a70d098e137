// Requests to reopen agreed text in a clause. GET: the chair sees the open ones, a delegation its
// own. POST `{ "paragraph": 3 | null, "reason": "…" }`: a delegation asks the chair to reopen.
import { routeDoor } from "@/lib/doors/route-door";
import {
  listReopenRequests,
  requestReopen,
  ZListReopenRequests,
  ZRequestReopen,
} from "@/lib/paragraph-status/reopen-requests";

export const GET = routeDoor("reopen.list", ZListReopenRequests, listReopenRequests);
export const POST = routeDoor("reopen.request", ZRequestReopen, requestReopen);
