// The heading of a clause's readings pages: where one is, and the way back to the clause room.
import Link from "next/link";

export function ReadingsHeader({
  clause,
  title,
}: {
  clause: { id: string; number: string; title: string; instrument: { shortTitle: string } };
  title: string;
}) {
  return (
    <>
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
        <Link href="/" className="hover:text-un hover:underline">
          {clause.instrument.shortTitle}
        </Link>
        <span aria-hidden> / </span>
        <Link href={`/clauses/${clause.id}`} className="hover:text-un hover:underline">
          Article {clause.number}. {clause.title}
        </Link>
        <span aria-hidden> / </span>
        <Link href={`/clauses/${clause.id}/history`} className="hover:text-un hover:underline">
          History
        </Link>
      </nav>
      <h1 className="mt-2 text-2xl font-semibold">{title}</h1>
    </>
  );
}
