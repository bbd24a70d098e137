"use client";
// The chair's choice of the topics an article is compiled under (gender; child sexual abuse
// material; victims and witnesses…). Saved as a whole; the page reads itself again.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { callRoute } from "@/components/call-route";

export function CompilationTopicsForm({
  clauseId,
  topics,
}: {
  clauseId: string;
  topics: { id: string; name: string; chosen: boolean }[];
}) {
  const router = useRouter();
  const [chosen, setChosen] = useState(new Set(topics.filter((t) => t.chosen).map((t) => t.id)));
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="flex flex-wrap items-center gap-3 rounded border border-slate-200 bg-slate-50 p-3 text-sm print:hidden"
      aria-label="Compilation topics"
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        const result = await callRoute<{ topics: string[] }>(
          "PUT",
          `/api/clauses/${clauseId}/compilation-topics`,
          { topicIds: [...chosen] },
          "No connection to the server. Nothing was changed; try again.",
        );
        setBusy(false);
        setMessage(result.ok ? "Topics saved." : result.error);
        if (result.ok) router.refresh();
      }}
    >
      <span className="font-medium">Compiled under:</span>
      {topics.map((topic) => (
        <label key={topic.id} className="flex items-center gap-1">
          <input
            type="checkbox"
            checked={chosen.has(topic.id)}
            onChange={(event) => {
              const next = new Set(chosen);
              if (event.target.checked) next.add(topic.id);
              else next.delete(topic.id);
              setChosen(next);
            }}
          />
          {topic.name}
        </label>
      ))}
      <button type="submit" disabled={busy} className="rounded border border-un px-2 py-1 text-un">
        Save topics
      </button>
      {message && (
        <span role="status" className="text-slate-600">
          {message}
        </span>
      )}
    </form>
  );
}
