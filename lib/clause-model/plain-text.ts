// A clause as plain text (search, the stored snapshot's text): every paragraph, also those in
// numbered lists, separated by a blank line; a line break is a new line. Every word in the
// text is in it, proposals included.
import type { ClauseModel } from "./clause-model";
import { paragraphsOf } from "./clause-model";

export function clausePlainText(model: ClauseModel, { between = "\n\n" }: { between?: string } = {}): string {
  return [...paragraphsOf(model.blocks)]
    .map((paragraph) => paragraph.inlines.map((inline) => (inline.type === "text" ? inline.text : "\n")).join(""))
    .join(between);
}
