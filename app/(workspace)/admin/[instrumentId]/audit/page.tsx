import type { Metadata } from "next";
import Link from "next/link";
import { inputClass } from "@/components/admin/field";
import { auditDayRange } from "@/lib/audit/audit-date";
import { auditActionLabel, auditDetails, auditSummary } from "@/lib/audit/audit-labels";
import { AUDIT_PAGE_SIZE, listAuditActions, listAuditEvents } from "@/lib/audit/list-audit-events";
import { requireInstrumentPage } from "@/lib/doors/page-door";

export const metadata: Metadata = { title: "Administration · Audit trail" };

type Search = { action?: string; who?: string; from?: string; to?: string; before?: string };

export default async function AuditTrailPage({
  params,
  searchParams,
}: {
  params: Promise<{ instrumentId: string }>;
  searchParams: Promise<Search>;
}) {
  const { instrumentId } = await params;
  const { user } = await requireInstrumentPage(instrumentId, "audit.view");
  const search = await searchParams;
  const days = auditDayRange(search.from?.slice(0, 40), search.to?.slice(0, 40));
  const filter = {
    action: search.action?.slice(0, 80) || undefined,
    who: search.who?.slice(0, 80) || undefined,
    from: days.from,
    to: days.to,
    before: search.before && /^\d{1,19}$/.test(search.before) ? BigInt(search.before) : undefined,
  };
  const [{ events, nextBefore }, actions] = await Promise.all([
    listAuditEvents(instrumentId, user.id, filter),
    listAuditActions(instrumentId, user.id),
  ]);
  const next = new URLSearchParams(
    Object.entries({ ...search, before: nextBefore?.toString() }).filter((e): e is [string, string] => !!e[1]),
  );

  return (
    <section aria-labelledby="audit" className="space-y-4">
      <h2 id="audit" className="text-lg font-semibold">
        Audit trail
      </h2>
      <p className="text-sm text-slate-600">
        Every access change and decision in this instrument, and the sign-ins of the people taking part in it, newest
        first. Entries cannot be changed; each carries the hash of the one before it, and{" "}
        <code>npm run audit:verify</code> checks the whole chain and that nothing was cut from its end.
      </p>
      <form
        method="get"
        className="flex flex-wrap items-end gap-2 rounded-lg border border-slate-200 bg-white p-3"
        aria-label="Filter the audit trail"
      >
        <label className="block text-sm font-medium">
          What
          <select name="action" defaultValue={filter.action ?? ""} className={inputClass}>
            <option value="">Everything</option>
            {actions.map((action) => (
              <option key={action} value={action}>
                {auditActionLabel(action)}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm font-medium">
          Who (name or organisation code)
          <input name="who" defaultValue={filter.who ?? ""} className={inputClass} />
        </label>
        <label className="block text-sm font-medium">
          From (UTC day)
          <input
            name="from"
            defaultValue={search.from ?? ""}
            placeholder="2026-12-01"
            aria-describedby="audit-date-hint"
            aria-invalid={days.invalid.includes("From") || undefined}
            className={inputClass}
          />
        </label>
        <label className="block text-sm font-medium">
          To (UTC day)
          <input
            name="to"
            defaultValue={search.to ?? ""}
            placeholder="2026-12-31"
            aria-describedby="audit-date-hint"
            aria-invalid={days.invalid.includes("To") || undefined}
            className={inputClass}
          />
        </label>
        <button type="submit" className="rounded-md bg-un px-3 py-1.5 text-sm font-medium text-white hover:bg-un-dark">
          Filter
        </button>
        <Link href={`/admin/${instrumentId}/audit`} className="px-2 py-1.5 text-sm text-slate-600 hover:underline">
          Clear
        </Link>
        <p id="audit-date-hint" className="basis-full text-xs text-slate-600">
          Dates as year-month-day (2026-12-01) or day, month and year (1 December 2026).
        </p>
        {days.invalid.length > 0 && (
          <p role="alert" className="basis-full rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            {days.invalid.join(" and ")}: not a date this filter reads, so it was left out. Write it as 2026-12-01 or 1
            December 2026.
          </p>
        )}
      </form>
      <table
        className="w-full overflow-hidden rounded-lg border border-slate-200 bg-white text-sm"
        data-testid="audit-trail"
      >
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            <th className="px-3 py-2">When (UTC)</th>
            <th className="px-3 py-2">What</th>
            <th className="px-3 py-2">Who</th>
            <th className="px-3 py-2">Details</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {events.map((event) => (
            <tr key={event.id.toString()}>
              <td className="whitespace-nowrap px-3 py-2 text-slate-600">
                {event.at.toISOString().replace("T", " ").slice(0, 19)}
              </td>
              <td className="px-3 py-2" data-testid="audit-action" title={event.action}>
                {auditSummary(event.action, event.details)}
              </td>
              <td className="px-3 py-2">
                {event.actorName ?? "—"}
                {event.organizationCode && <span className="text-slate-500"> ({event.organizationCode})</span>}
              </td>
              <td className="px-3 py-2 text-slate-700">{auditDetails(event.details)}</td>
            </tr>
          ))}
          {events.length === 0 && (
            <tr>
              <td colSpan={4} className="px-3 py-6 text-center text-slate-500">
                No entries match.
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {nextBefore !== null && (
        <Link href={`/admin/${instrumentId}/audit?${next}`} className="text-sm text-un hover:underline">
          Older entries ({AUDIT_PAGE_SIZE} per page) →
        </Link>
      )}
    </section>
  );
}
