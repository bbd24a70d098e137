// "Compare versions": a From and a To among the saved versions (To may be now), sent as a plain
// GET form to the page that shows the comparison — the clause's compare or the instrument's readings.
type Version = { id: string; name: string };

const FIELD = "mt-1 rounded border border-slate-300 px-2 py-1";

export function CompareVersionsForm({
  action,
  versions,
  from,
  to,
}: {
  /** The page that compares; none: this page. */
  action?: string;
  /** Newest first, as the pages list them; From defaults to the oldest. */
  versions: Version[];
  from?: string;
  to?: string;
}) {
  const options = versions.map((v) => (
    <option key={v.id} value={v.id}>
      {v.name}
    </option>
  ));
  return (
    <form action={action} className="mt-4 flex flex-wrap items-end gap-2 text-sm" aria-label="Compare versions">
      <label className="flex flex-col">
        From
        <select name="from" className={FIELD} defaultValue={from ?? versions[versions.length - 1]?.id}>
          {options}
        </select>
      </label>
      <label className="flex flex-col">
        To
        <select name="to" className={FIELD} defaultValue={to ?? "current"}>
          <option value="current">Now</option>
          {options}
        </select>
      </label>
      <button type="submit" className="rounded border border-un px-3 py-1.5 font-medium text-un">
        Compare
      </button>
    </form>
  );
}
