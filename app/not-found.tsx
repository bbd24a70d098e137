import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto flex max-w-xl flex-col items-start gap-4 px-6 py-24">
      <p className="text-sm font-semibold uppercase tracking-wide text-un">Not found</p>
      <h1 className="text-3xl font-semibold">There is nothing here</h1>
      <p className="text-slate-600">This clause or page does not exist, or it is not shared with your delegation.</p>
      <Link
        href="/"
        className="rounded-md bg-un px-4 py-2 text-white hover:bg-un-dark focus-visible:outline-2 focus-visible:outline-offset-2"
      >
        Back to the draft
      </Link>
    </main>
  );
}
