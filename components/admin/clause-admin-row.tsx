// One clause on the administration page: its number, title and topics, status, place in the
// chapter, and who it is restricted to — edited in one form with one Save (lib/admin/save-article.ts).
import { moveClauseAction, saveArticleAction } from "@/app/(workspace)/admin/actions";
import { ClauseStatusBadge, type ClauseStatusValue } from "@/components/clauses/clause-status-badge";
import { ActionForm } from "./action-form";
import { Field, inputClass } from "./field";
import { RestrictionPicker } from "./restriction-picker";

type Props = {
  instrumentId: string;
  clause: {
    id: string;
    number: string;
    title: string;
    topics: string[];
    status: ClauseStatusValue;
    restrictedTo: string[];
  };
  organizations: { id: string; code: string; name: string }[];
};

const smallButton =
  "rounded-md border border-slate-300 px-2 py-1 text-xs hover:bg-slate-50 disabled:opacity-60 focus-visible:outline-2";

export function ClauseAdminRow({ instrumentId, clause, organizations }: Props) {
  const ids = { instrumentId, clauseId: clause.id };
  const restrictedCodes = organizations.filter((o) => clause.restrictedTo.includes(o.id)).map((o) => o.code);
  return (
    <li className="space-y-3 px-4 py-3" data-testid={`admin-clause-${clause.number}`}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="font-medium">
          Article {clause.number}. {clause.title}
        </p>
        <div className="flex items-center gap-2">
          {restrictedCodes.length > 0 && (
            <span className="rounded-full bg-violet-50 px-2 py-0.5 text-xs font-medium text-violet-800 ring-1 ring-violet-200">
              Restricted to {restrictedCodes.join(", ")}
            </span>
          )}
          <ClauseStatusBadge status={clause.status} />
          <ActionForm
            action={moveClauseAction}
            hidden={{ ...ids, direction: "up" }}
            submitLabel="↑"
            buttonClassName={smallButton}
            aria-label={`Move article ${clause.number} up`}
          />
          <ActionForm
            action={moveClauseAction}
            hidden={{ ...ids, direction: "down" }}
            submitLabel="↓"
            buttonClassName={smallButton}
            aria-label={`Move article ${clause.number} down`}
          />
        </div>
      </div>
      <details className="rounded-md bg-slate-50 p-3">
        <summary className="cursor-pointer text-sm text-slate-700">Edit article {clause.number}</summary>
        <div className="mt-3 space-y-4">
          <ActionForm
            action={saveArticleAction}
            hidden={ids}
            submitLabel="Save"
            aria-label={`Edit article ${clause.number}`}
          >
            <Field label="Number" name="number" defaultValue={clause.number} className="w-24" />
            <Field label="Title" name="title" defaultValue={clause.title} className="min-w-64 flex-1" />
            <Field
              label="Topics (comma-separated)"
              name="topics"
              defaultValue={clause.topics.join(", ")}
              className="min-w-48 flex-1"
            />
            <label className="block text-sm font-medium">
              Status
              <select name="status" defaultValue={clause.status} className={inputClass}>
                <option value="OPEN">Open</option>
                <option value="AGREED_AD_REF">Agreed ad referendum</option>
                <option value="AGREED">Agreed</option>
              </select>
            </label>
            <RestrictionPicker organizations={organizations} selected={clause.restrictedTo} />
          </ActionForm>
        </div>
      </details>
    </li>
  );
}
