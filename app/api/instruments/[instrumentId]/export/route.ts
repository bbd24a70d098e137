// GET /api/instruments/:instrumentId/export?format=html|text|docx&variant=clean|proposals|changes
// [&version=<instrument version id>][&since=<instrument version id>][&chapter=<chapter id>] — the
// instrument's draft (or one chapter's) as a file to print or keep, of the clauses the person may
// see, now or of a saved version; "changes" (Word only) shows what changed since `since`. Audited.
import { downloadDoor } from "@/lib/doors/download-door";
import { exportInstrument, ZExportInstrument } from "@/lib/exports/export-instrument";

export const dynamic = "force-dynamic";

export const GET = downloadDoor("instrument.export", ZExportInstrument, exportInstrument);
