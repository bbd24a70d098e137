// A comment's words as text (never as HTML), with mentions shown as names.
import { parseComment } from "@/lib/comments/mentions";

export function CommentText({ body }: { body: string }) {
  return (
    <p className="whitespace-pre-wrap break-words text-sm text-slate-800">
      {parseComment(body).map((segment, index) =>
        segment.type === "text" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments have no identity beyond their place
          <span key={index}>{segment.text}</span>
        ) : (
          <span
            // biome-ignore lint/suspicious/noArrayIndexKey: segments have no identity beyond their place
            key={index}
            className="rounded bg-sky-50 px-0.5 font-medium text-sky-800"
            data-mention={segment.kind}
          >
            @{segment.label}
          </span>
        ),
      )}
    </p>
  );
}
