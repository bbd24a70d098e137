// POST /api/admin/<operation> with a JSON body: the administration commands for scripts and
// tests, through a door built like every other route's (session → input → command).
import { isAdminOperation } from "@/lib/admin/admin-operations";
import { NOT_FOUND } from "@/lib/errors/messages";
import { adminRoutes } from "./admin-route";

export const dynamic = "force-dynamic";

export async function POST(request: Request, context: { params: Promise<{ operation: string }> }) {
  const { operation } = await context.params;
  if (!isAdminOperation(operation)) return Response.json({ error: NOT_FOUND }, { status: 404 });
  return adminRoutes[operation](request);
}
