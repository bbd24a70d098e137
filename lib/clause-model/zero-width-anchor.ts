// The zero-width space the suggest transform puts inside a proposal mark to anchor it at a
// paragraph's edge (a proposed paragraph break, a wholly proposed empty paragraph). It means
// nothing once the proposal is settled, and is never part of a proposal's words.
export const ANCHOR = "\u200B";

export function withoutAnchors(text: string): string {
  return text.replaceAll(ANCHOR, "");
}
