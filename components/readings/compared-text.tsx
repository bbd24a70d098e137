// A comparison shown inline (deleted words struck, inserted words underlined, in one text) or side
// by side (the paragraph then and now on one row, numbers on each side), with the list of changes.
import type { Change, ComparedParagraph, Piece } from "@/lib/readings/compare-readings";

/** Stable keys for lists that are never reordered: each item's place in the list. */
function keyed<T>(items: readonly T[], prefix: string): (T & { key: string })[] {
  return items.map((item, at) => ({ ...item, key: `${prefix}${at}` }));
}

function rowKey(row: ComparedParagraph): string {
  return `${row.from?.index ?? "none"}-${row.to?.index ?? "none"}`;
}

function Pieces({ pieces, show }: { pieces: Piece[]; show: readonly Piece["kind"][] }) {
  return (
    <>
      {keyed(
        pieces.filter((piece) => show.includes(piece.kind)),
        "p",
      ).map((piece) =>
        piece.kind === "delete" ? (
          <del key={piece.key} className="bg-red-50 text-red-800">
            {piece.text}
          </del>
        ) : piece.kind === "insert" ? (
          <ins key={piece.key} className="bg-green-50 text-green-900 underline">
            {piece.text}
          </ins>
        ) : (
          <span key={piece.key}>{piece.text}</span>
        ),
      )}
    </>
  );
}

function Label({ place }: { place: ComparedParagraph["from"] }) {
  return place?.label ? <span className="mr-2 text-slate-500">{place.label}</span> : null;
}

/** "2." → "3.": a paragraph renumbered shows both numbers. */
function labels(row: ComparedParagraph): string {
  const from = row.from?.label ?? "";
  const to = row.to?.label ?? "";
  if (from === to) return from;
  if (!row.from) return to;
  if (!row.to) return from;
  return `${from || "–"} → ${to || "–"}`;
}

export function InlineComparison({ rows }: { rows: ComparedParagraph[] }) {
  return (
    <article
      aria-label="Inline comparison"
      className="space-y-3 rounded border border-slate-200 bg-white p-5 font-serif leading-relaxed"
    >
      {rows.map((row) => (
        <p
          key={rowKey(row)}
          className="whitespace-pre-wrap"
          style={{ marginLeft: `${((row.to ?? row.from)?.depth ?? 0) * 1.5}rem` }}
        >
          {labels(row) ? <span className="mr-2 text-slate-500">{labels(row)}</span> : null}
          <Pieces pieces={row.pieces} show={["same", "delete", "insert"]} />
        </p>
      ))}
    </article>
  );
}

export function SideBySideComparison({
  rows,
  fromName,
  toName,
}: {
  rows: ComparedParagraph[];
  fromName: string;
  toName: string;
}) {
  return (
    <table
      aria-label="Side by side comparison"
      className="w-full table-fixed border-collapse rounded bg-white font-serif leading-relaxed"
    >
      <thead>
        <tr className="text-left font-sans text-sm text-slate-600">
          <th className="border-b border-slate-200 p-2">{fromName}</th>
          <th className="border-b border-slate-200 p-2">{toName}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)} className="align-top">
            <td className="whitespace-pre-wrap border-b border-slate-100 p-2">
              {row.from ? (
                <>
                  <Label place={row.from} />
                  <Pieces pieces={row.pieces} show={["same", "delete"]} />
                </>
              ) : (
                <span className="font-sans text-sm text-slate-400">(not there)</span>
              )}
            </td>
            <td className="whitespace-pre-wrap border-b border-slate-100 p-2">
              {row.to ? (
                <>
                  <Label place={row.to} />
                  <Pieces pieces={row.pieces} show={["same", "insert"]} />
                </>
              ) : (
                <span className="font-sans text-sm text-slate-400">(removed)</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function attributionText(change: Change): string {
  const who = change.attribution;
  if (!who) return "";
  if (who.by === "chair") return `${who.name} (direct edit)`;
  return `${who.delegation.name} (${who.delegation.code}) — proposal accepted by ${who.decision.decidedBy}`;
}

export function ChangeList({ changes }: { changes: Change[] }) {
  return (
    <section aria-label="Changes" className="rounded border border-slate-200 bg-white p-4">
      <h2 className="text-lg font-semibold">
        {changes.length === 0
          ? "No changes to the agreed text"
          : `${changes.length} ${changes.length === 1 ? "change" : "changes"}`}
      </h2>
      <ol className="mt-2 space-y-2 text-sm">
        {keyed(changes, "c").map((change) => (
          <li key={change.key} className="border-b border-slate-100 pb-2">
            <span className="font-medium">{change.kind === "insert" ? "Inserted" : "Deleted"}</span>
            {change.paragraph.to || change.paragraph.from
              ? ` in paragraph ${change.paragraph.to || change.paragraph.from}`
              : ""}
            :{" "}
            {change.kind === "insert" ? (
              <ins className="text-green-900">{change.text}</ins>
            ) : (
              <del className="text-red-800">{change.text}</del>
            )}
            <span className="block text-slate-600">{attributionText(change)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
