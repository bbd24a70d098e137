// A proposal's words in context: "…agreed words [struck deletion][inserted words] agreed words…".
export function ProposalWords({
  contextBefore,
  contextAfter,
  deletedText,
  insertedText,
  colour,
}: {
  contextBefore: string;
  contextAfter: string;
  deletedText: string;
  insertedText: string;
  colour: string;
}) {
  return (
    <p className="text-sm leading-relaxed text-slate-700">
      {contextBefore && <span className="text-slate-500">…{contextBefore.slice(-40)}</span>}
      {deletedText && (
        <del className="proposal proposal-deletion" style={{ ["--proposal-colour" as string]: colour }}>
          {deletedText}
        </del>
      )}
      {insertedText && (
        <ins className="proposal proposal-insertion" style={{ ["--proposal-colour" as string]: colour }}>
          {insertedText}
        </ins>
      )}
      {contextAfter && <span className="text-slate-500">{contextAfter.slice(0, 40)}…</span>}
    </p>
  );
}
