// The rolling text as agreed so far, paragraph by paragraph with its numbering (every open
// proposal left out: those follow, each with its delegation).
import type { ClauseCompilation } from "@/lib/compilation/compilation";

export function RollingText({ compilation }: { compilation: ClauseCompilation }) {
  if (compilation.text.length === 0) return <p className="text-sm text-slate-500">This article has no text yet.</p>;
  return (
    <div className="space-y-2 font-serif text-[15px] leading-relaxed" data-testid="compilation-text">
      {compilation.text.map((paragraph, index) => (
        <p
          // Paragraphs have no identity of their own here: the text is read once for this page.
          // biome-ignore lint/suspicious/noArrayIndexKey: the order is the identity
          key={index}
          style={{ paddingInlineStart: `${paragraph.depth * 1.5}rem` }}
        >
          {paragraph.label && <span className="me-2 tabular-nums">{paragraph.label}</span>}
          {paragraph.text}
        </p>
      ))}
    </div>
  );
}
