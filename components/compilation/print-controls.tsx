"use client";
// "Print" for a compilation page, and what printing leaves out: the app's header and every
// control (anything marked print:hidden), so the paper holds the text and the proposals alone.
export function PrintControls() {
  return (
    <>
      <style>{"@media print { body > header { display: none !important; } @page { margin: 18mm 16mm; } }"}</style>
      <button
        type="button"
        onClick={() => window.print()}
        className="rounded border border-un px-3 py-1.5 text-sm font-medium text-un hover:bg-sky-50 print:hidden"
      >
        Print
      </button>
    </>
  );
}
