// A clause's text as an export shows it, read from its stored Yjs state by the clause model.
// The clean variant is the model's prediction of rejecting every open proposal — exactly what
// the chair's "reject all" would leave (a proposed paragraph break joined again, a proposed
// paragraph gone). Throws ClauseUnreadable if the stored state is not a clause.
import * as Y from "yjs";
import type { ClauseModel } from "@/lib/clause-model/clause-model";
import { predictDecision } from "@/lib/clause-model/predict-decision";
import { readClause } from "@/lib/clause-model/read-clause";
import type { ExportVariant } from "./export-variant";

export function clauseForExport(state: Uint8Array | null, variant: ExportVariant): ClauseModel {
  const doc = new Y.Doc();
  try {
    if (state) Y.applyUpdate(doc, state);
    const model = readClause(doc);
    return variant === "clean" ? predictDecision(model, "all", "REJECTED") : model;
  } finally {
    doc.destroy();
  }
}
