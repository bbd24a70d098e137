// Who an Akoma Ntoso export is and where it sits among its siblings: the FRBR identifiers after
// the AKN4UN naming convention. The Work is the instrument, dated by its creation in Clausework
// (`/akn/un/bill/2026-11-20/cybercrime-convention`); the Expression is its English text on a
// day — the day a version was saved, or the day of the export for the text as it stands
// (`…/eng@2026-12-07`); the Manifestation is this XML file (`…/eng@2026-12-07/!main.xml`). An
// export of one clause is a portion of the instrument: its component name ends in
// `~<the article's eId>`, as the naming convention names portions.

/** What is exported: the instrument, or one clause (by its number, as the article is cited). */
export type AknScope = { kind: "instrument" } | { kind: "clause"; number: string };

export type AknIdentity = {
  /** The instrument's slug (Instrument.slug): the Work's name in its IRIs. */
  instrumentSlug: string;
  /** When the instrument was created (Instrument.createdAt): the Work's date, the same in every export. */
  instrumentCreatedAt: Date;
  scope: AknScope;
  /** The version exported; absent: the text as it stands at the export (ExportContent.exportedAt). */
  version?: { id: string; name: string; savedAt: Date };
};

/** A date as the IRIs and FRBRdate write it (UTC): 2026-12-07. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function workName(slug: string): string {
  return (
    slug
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, "-")
      .replace(/^-+|-+$/g, "") || "instrument"
  );
}

export type AknIris = {
  /** `/akn/un/bill/<created>/<slug>` */
  work: string;
  /** `<work>/eng@<day>` */
  expression: string;
  /** The component: `!main`, or `!main~<eId>` for a portion. */
  component: string;
  workDate: string;
  expressionDate: string;
};

export function aknIris(identity: AknIdentity, exportedAt: Date, portion: string | null): AknIris {
  const workDate = isoDay(identity.instrumentCreatedAt);
  const expressionDate = isoDay(identity.version?.savedAt ?? exportedAt);
  const work = `/akn/un/bill/${workDate}/${workName(identity.instrumentSlug)}`;
  return {
    work,
    expression: `${work}/eng@${expressionDate}`,
    component: portion ? `!main~${portion}` : "!main",
    workDate,
    expressionDate,
  };
}
