export function TopicBadges({ topics }: { topics: string[] }) {
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Topics">
      {topics.map((topic) => (
        <li key={topic} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">
          {topic}
        </li>
      ))}
    </ul>
  );
}
