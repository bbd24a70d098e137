// POST /api/instruments/:instrumentId/import — a Word draft (.docx), as a form upload with the
// field `file`. With `?preview=1`: what would be imported, and the delegations its Word authors
// can be mapped to; nothing is stored. Without: the import, with the field `authors` (JSON:
// Word author → organisation id, or "leave-out"), in one transaction. The secretariat's.
import { uploadDoor } from "@/lib/doors/upload-door";
import { importWordDraft } from "@/lib/word-import/import-word-draft";
import { previewWordDraft } from "@/lib/word-import/preview-word-draft";
import { ZWordFile, ZWordImport } from "@/lib/word-import/word-import-input";

export const dynamic = "force-dynamic";

const preview = uploadDoor("word-import.preview", ZWordFile, previewWordDraft);
const importDraft = uploadDoor("word-import", ZWordImport, importWordDraft);

export function POST(request: Request, context: { params: Promise<Record<string, string>> }): Promise<Response> {
  return new URL(request.url).searchParams.get("preview") === "1"
    ? preview(request, context)
    : importDraft(request, context);
}
