"use client";
import type { Editor } from "@tiptap/react";
import { useEditorState } from "@tiptap/react";

type Tool = { label: string; shortcut: string; glyph: string; run: () => boolean; active?: boolean; enabled: boolean };

/** `formatting`: false in suggest mode, where only wording can be proposed (undo/redo stay). */
export function EditorToolbar({ editor, formatting = true }: { editor: Editor; formatting?: boolean }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      ordered: e.isActive("orderedList"),
      bullet: e.isActive("bulletList"),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
      editable: e.isEditable,
    }),
  });
  if (!state.editable) return null;
  const chain = () => editor.chain().focus();
  const tools: Tool[] = [
    {
      label: "Bold",
      shortcut: "Ctrl+B",
      glyph: "B",
      run: () => chain().toggleBold().run(),
      active: state.bold,
      enabled: true,
    },
    {
      label: "Italic",
      shortcut: "Ctrl+I",
      glyph: "I",
      run: () => chain().toggleItalic().run(),
      active: state.italic,
      enabled: true,
    },
    {
      label: "Numbered paragraphs",
      shortcut: "Ctrl+Shift+7",
      glyph: "1.",
      run: () => chain().toggleOrderedList().run(),
      active: state.ordered,
      enabled: true,
    },
    {
      label: "Bulleted list",
      shortcut: "Ctrl+Shift+8",
      glyph: "•",
      run: () => chain().toggleBulletList().run(),
      active: state.bullet,
      enabled: true,
    },
    {
      label: "Undo your last change",
      shortcut: "Ctrl+Z",
      glyph: "↶",
      run: () => chain().undo().run(),
      enabled: state.canUndo,
    },
    { label: "Redo", shortcut: "Ctrl+Shift+Z", glyph: "↷", run: () => chain().redo().run(), enabled: state.canRedo },
  ];
  const shown = formatting ? tools : tools.filter((tool) => tool.label.startsWith("Undo") || tool.label === "Redo");
  return (
    <div role="toolbar" aria-label="Formatting" className="flex flex-wrap gap-1 border-b border-slate-200 px-2 py-1.5">
      {shown.map((tool) => (
        <button
          key={tool.label}
          type="button"
          onClick={tool.run}
          disabled={!tool.enabled}
          aria-label={tool.label}
          aria-pressed={tool.active === undefined ? undefined : tool.active}
          title={`${tool.label} (${tool.shortcut})`}
          className={`min-w-8 rounded px-2 py-1 text-sm font-semibold hover:bg-slate-100 disabled:opacity-40 focus-visible:outline-2 focus-visible:outline-un ${tool.active ? "bg-slate-200" : ""} ${tool.glyph === "I" ? "italic" : ""}`}
        >
          {tool.glyph}
        </button>
      ))}
    </div>
  );
}
