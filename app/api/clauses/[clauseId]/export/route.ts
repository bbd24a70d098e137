// GET /api/clauses/:clauseId/export?format=html|text|docx&variant=clean|proposals|changes
// [&version=<clause version id>][&since=<clause version id>] — one clause as a file, now or of a
// saved version; "changes" (Word only) shows what changed since `since`. Audited.
import { downloadDoor } from "@/lib/doors/download-door";
import { exportClause, ZExportClause } from "@/lib/exports/export-clause";

export const dynamic = "force-dynamic";

export const GET = downloadDoor("clause.export", ZExportClause, exportClause);
