// Everything that comes from a clause, a title or a person's name is text, never markup: a
// clause that reads `<script>` prints those characters and runs nothing.
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char]);
}
