// GET /api/instruments/:instrumentId/export?format=html|text&variant=clean|proposals — the
// instrument's draft as a file to print or keep, of the clauses the person may see. Audited.
import { answerDownload } from "@/lib/doors/request-input";
import { exportInstrument } from "@/lib/exports/export-instrument";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ instrumentId: string }> }) {
  return answerDownload(request, await params, exportInstrument);
}
