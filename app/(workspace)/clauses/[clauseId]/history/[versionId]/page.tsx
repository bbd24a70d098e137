// One version of a clause: the agreed text as it was, numbered paragraph by paragraph, with the
// proposals open then (their delegations and positions) and the passages still in brackets.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { loadReadingsClause } from "@/components/readings/clause-page-access";
import { ReadingsHeader } from "@/components/readings/readings-header";
import { RestoreVersion } from "@/components/readings/restore-version";
import { STATUS_LABEL, TRIGGER_LABEL } from "@/components/readings/version-labels";
import { RelativeTime } from "@/components/ui/relative-time";
import { isAppError } from "@/lib/errors/app-error";
import { can } from "@/lib/permissions/can";
import { findClauseVersion } from "@/lib/readings/list-clause-versions";
import { previewRestore } from "@/lib/readings/restore-clause-version";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ clauseId: string; versionId: string }> };

export const metadata: Metadata = { title: "Version" };

async function versionOr404(clauseId: string, versionId: string) {
  try {
    return await findClauseVersion(clauseId, versionId);
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
}

export default async function ClauseVersionPage({ params }: Props) {
  const { clauseId, versionId } = await params;
  const { clause, user, actor, target } = await loadReadingsClause(clauseId);
  const version = await versionOr404(clause.id, versionId);
  // What a restore would propose now, for the chair's confirmation.
  const restore = can(actor, "clause.restoreVersion", target)
    ? await previewRestore(user, { clauseId: clause.id, versionId: version.id })
    : null;
  return (
    <main className="mx-auto max-w-4xl px-6 py-6">
      <ReadingsHeader clause={clause} title={version.name} />
      <p className="mt-1 text-sm text-slate-600">
        {TRIGGER_LABEL[version.trigger]}
        {version.madeBy ? ` · ${version.madeBy}` : ""} · <RelativeTime iso={version.createdAt} /> ·{" "}
        {STATUS_LABEL[version.status]}
      </p>
      {version.note ? <p className="mt-2">{version.note}</p> : null}
      <Link
        href={`/clauses/${clause.id}/compare?from=${version.id}&to=current`}
        className="mt-2 inline-block text-sm text-un hover:underline"
      >
        Compare with now
      </Link>
      {restore ? (
        <RestoreVersion clauseId={clause.id} versionId={version.id} versionName={version.name} preview={restore} />
      ) : null}
      <article
        aria-label="Text of this version"
        className="mt-4 space-y-3 rounded border border-slate-200 bg-white p-5 font-serif leading-relaxed"
      >
        {version.paragraphs
          .map((paragraph, at) => ({ ...paragraph, key: `p${at}` }))
          .map((paragraph) => (
            <p
              key={paragraph.key}
              style={{ marginLeft: `${paragraph.depth * 1.5}rem` }}
              className="whitespace-pre-wrap"
            >
              {paragraph.label ? <span className="mr-2 text-slate-500">{paragraph.label}</span> : null}
              {paragraph.text}
            </p>
          ))}
      </article>
      <section className="mt-6" aria-label="Open proposals then">
        <h2 className="text-lg font-semibold">Open proposals then ({version.openProposals.length})</h2>
        <ul className="mt-2 space-y-2 text-sm">
          {version.openProposals.map((proposal) => (
            <li key={proposal.id} className="rounded border border-slate-200 bg-white p-2">
              <span className="font-medium">{proposal.delegation?.code ?? "Unknown"}</span>: …{proposal.contextBefore}
              {proposal.deletedText ? <del className="text-red-700">{proposal.deletedText}</del> : null}
              {proposal.insertedText ? <ins className="text-green-800">{proposal.insertedText}</ins> : null}
              {proposal.contextAfter}…
              {proposal.positions.length > 0 ? (
                <span className="block text-slate-600">
                  {proposal.positions.map((p) => `${p.delegation} ${p.stance.toLowerCase()}`).join(", ")}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
        {version.brackets.length > 0 ? (
          <p className="mt-3 text-sm text-slate-600">In brackets: {version.brackets.join(", ")}</p>
        ) : null}
      </section>
    </main>
  );
}
