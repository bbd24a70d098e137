// Writing XML by hand, safely: every piece of text and every attribute value goes through
// `xmlText`, which escapes markup and drops the characters XML 1.0 cannot carry at all (control
// characters, lone surrogates, U+FFFE/U+FFFF) — a clause that holds them still exports as a
// well-formed document. Attributes are written in the order given, so output is deterministic.

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** The characters XML 1.0 allows: tab, line feed, carriage return, and the rest of Unicode
 * except the other control characters, lone surrogates, U+FFFE and U+FFFF. */
function isXmlCharacter(code: number): boolean {
  if (code < 0x20) return code === 0x09 || code === 0x0a || code === 0x0d;
  return code <= 0xd7ff || (code >= 0xe000 && code <= 0xfffd) || code >= 0x10000;
}

export function xmlText(text: string): string {
  let kept = "";
  // Iterating a string walks code points: a surrogate pair is one character, a lone half is dropped.
  for (const char of text) if (isXmlCharacter(char.codePointAt(0) ?? 0)) kept += char;
  return kept.replace(/[&<>"]/g, (char) => ENTITIES[char]);
}

/** Attributes in order; those whose value is null or undefined are left out. */
export type Attributes = readonly (readonly [string, string | null | undefined])[];

function attributes(attrs: Attributes): string {
  return attrs
    .filter((attr): attr is readonly [string, string] => attr[1] !== null && attr[1] !== undefined)
    .map(([name, value]) => ` ${name}="${xmlText(value)}"`)
    .join("");
}

/** An element; `inner` is markup already written (escape text with xmlText). Empty: `<name/>`. */
export function element(name: string, attrs: Attributes = [], inner = ""): string {
  return inner === "" ? `<${name}${attributes(attrs)}/>` : `<${name}${attributes(attrs)}>${inner}</${name}>`;
}

export function openTag(name: string, attrs: Attributes = []): string {
  return `<${name}${attributes(attrs)}>`;
}
