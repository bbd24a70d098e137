// What the import's door hands the commands: the instrument, the uploaded file and its name,
// and — to import — which delegation each Word author's changes and comments belong to.
import { z } from "zod";
import { zId } from "@/lib/admin/fields";

/** A mapping's value that leaves an author's changes and comments out (as if rejected). */
export const LEAVE_OUT = "leave-out";

/** The form sends the mapping as JSON text; what does not parse is refused by the schema. */
function readJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export const ZWordFile = z.object({
  instrumentId: zId("The instrument"),
  file: z.custom<Uint8Array>((value) => value instanceof Uint8Array && value.byteLength > 0, {
    message: "Choose a Word file (.docx) to upload.",
  }),
  fileName: z.string().max(255).default("Word draft.docx"),
});

export const ZWordImport = ZWordFile.extend({
  /** Word author → organisation id, or LEAVE_OUT. */
  authors: z
    .preprocess(
      (value) => (typeof value === "string" ? readJson(value) : value),
      z.record(z.string().max(300), z.string().max(64), { message: "Say which delegation each Word author is." }),
    )
    .default({}),
});

/** What a caller passes (the file name and mapping may be left out). */
export type TWordFile = z.input<typeof ZWordFile>;
export type TWordImport = z.input<typeof ZWordImport>;
