// What the bell says of a request to reopen agreed text: which paragraph, and the reason or the
// chair's answer.
export const reopenPreviewFields = { paragraph: true, status: true, reason: true, answer: true } as const;

type ReopenRow = { paragraph: number | null; status: string; reason: string; answer: string | null };

export function reopenPreview(row: ReopenRow): string {
  const what = row.paragraph === null ? "The clause" : `Paragraph ${row.paragraph}`;
  if (row.status === "REOPENED") return `${what} was reopened.`;
  if (row.status === "DECLINED") return `${what} stays agreed${row.answer ? `: ${row.answer}` : "."}`;
  return `${what}: ${row.reason}`;
}
