// Element identifiers (eIds) after the Akoma Ntoso naming convention: each is its parent's eId,
// "__", the element's abbreviation and its number as the text numbers it, stripped of
// punctuation ("Article 16 bis" → `art_16bis`, "(a)" → `point_a`): `chp_II__art_16__para_1`.
// The schema requires every eId in a document to be unique; numbers typed by people may repeat
// (two lists both starting at 1), so a repeated eId gets a suffix (`para_1-2`) — the document
// stays valid and each reference still points at one element.

export const ABBREVIATIONS = {
  chapter: "chp",
  article: "art",
  paragraph: "para",
  list: "list",
  point: "point",
  indent: "indent",
  alinea: "alinea",
  alternative: "alt",
} as const;

/** The part of a number that goes into an eId: letters and digits only. */
export function eIdNumber(number: string, ordinal: number): string {
  const kept = number.normalize("NFKD").replace(/[^A-Za-z0-9]/g, "");
  return kept === "" ? String(ordinal) : kept;
}

export class EIds {
  private readonly taken = new Set<string>();

  /** Claims an identifier, suffixed when it is already used. */
  claim(wanted: string): string {
    let eId = wanted;
    for (let n = 2; this.taken.has(eId); n++) eId = `${wanted}-${n}`;
    this.taken.add(eId);
    return eId;
  }

  /** The eId of a numbered element inside `parent` (null: at the top of the body). */
  child(parent: string | null, kind: keyof typeof ABBREVIATIONS, number: string, ordinal: number): string {
    const own = `${ABBREVIATIONS[kind]}_${eIdNumber(number, ordinal)}`;
    return this.claim(parent ? `${parent}__${own}` : own);
  }

  /** The eId of the next unnumbered element of a kind inside `parent`: `…__alt_1`, `…__alt_2`. */
  next(parent: string, kind: keyof typeof ABBREVIATIONS): string {
    let n = 1;
    while (this.taken.has(`${parent}__${ABBREVIATIONS[kind]}_${n}`)) n++;
    return this.claim(`${parent}__${ABBREVIATIONS[kind]}_${n}`);
  }
}
