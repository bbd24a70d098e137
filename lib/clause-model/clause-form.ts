// A comparable string of a clause's nodes: equal exactly when they read the same — structure,
// attributes, words, formatting, comment anchors, brackets and proposal marks — however the words happen
// to be cut into Yjs text nodes and runs.
import type { ClauseNode, Inline, TextRun } from "./clause-model";

function runKey(run: TextRun): string {
  return JSON.stringify([
    run.formatting,
    run.anchors,
    run.proposal?.kind ?? null,
    run.proposal?.attrs ?? null,
    // Brackets are part of how the text reads: moving, forging or removing one changes the form.
    run.brackets.length > 0 ? run.brackets : null,
    // So are alternatives: taking the mark off, or moving it, changes the form.
    run.alternatives ?? null,
  ]);
}

function inlinesForm(inlines: readonly Inline[]): string {
  const out: string[] = [];
  let key: string | null = null;
  let text = "";
  const flush = () => {
    if (key !== null) out.push(`${JSON.stringify(text)}${key}`);
    key = null;
    text = "";
  };
  for (const inline of inlines) {
    if (inline.type === "hardBreak") {
      flush();
      out.push("<br/>");
      continue;
    }
    const k = runKey(inline);
    if (k !== key) flush();
    key = k;
    text += inline.text;
  }
  flush();
  return out.join("");
}

function nodeForm(node: ClauseNode): string {
  if (node.type === "paragraph") return `<p>${inlinesForm(node.inlines)}</p>`;
  if (node.type === "listItem")
    return `<li${node.status === "OPEN" ? "" : ` status="${node.status}"`}>${clauseForm(node.blocks)}</li>`;
  if (node.type === "orderedList") return `<ol ${node.start} ${node.numbering}>${clauseForm(node.items)}</ol>`;
  return `<ul>${clauseForm(node.items)}</ul>`;
}

export function clauseForm(nodes: readonly ClauseNode[]): string {
  return nodes.map(nodeForm).join("");
}
