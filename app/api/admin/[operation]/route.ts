// POST /api/admin/<operation> with a JSON body: the administration writes for scripts and tests,
// through the same doors as the admin pages' server actions.
import { ADMIN_OPERATIONS } from "@/lib/admin/admin-operations";
import { type DoorResult, doorResultToResponse, NOT_FOUND } from "@/lib/doors/door-result";
import { isSameOriginRequest } from "@/lib/doors/same-origin";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ operation: string }> }) {
  if (!isSameOriginRequest(request)) {
    return Response.json({ error: "Cross-site requests are not accepted." }, { status: 403 });
  }
  const { operation } = await params;
  const run: ((raw: unknown) => Promise<DoorResult<unknown>>) | null = Object.hasOwn(ADMIN_OPERATIONS, operation)
    ? ADMIN_OPERATIONS[operation as keyof typeof ADMIN_OPERATIONS]
    : null;
  if (!run) return Response.json({ error: NOT_FOUND }, { status: 404 });
  const body: unknown = await request.json().catch(() => undefined);
  if (body === undefined) return Response.json({ error: "The request body is not valid JSON." }, { status: 400 });
  return doorResultToResponse(await run(body));
}
