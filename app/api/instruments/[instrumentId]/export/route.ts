// GET /api/instruments/:instrumentId/export?format=html|text&variant=clean|proposals — the
// instrument's draft as a file to print or keep, of the clauses the person may see. Audited.
import { downloadDoor } from "@/lib/doors/download-door";
import { exportInstrument, ZExportInstrument } from "@/lib/exports/export-instrument";

export const dynamic = "force-dynamic";

export const GET = downloadDoor("instrument.export", ZExportInstrument, exportInstrument);
