// Proposal marks in the shared schema: proposed insertions (<ins>), proposed deletions (<del>)
// and the formatting changes the suggest transform can track. Each carries the proposal's id,
// its author and delegation, and when it was made, so server, exports and hover cards read
// the same facts. They stay on inline text: y-tiptap does not store marks on whole blocks.
import { Mark, mergeAttributes } from "@tiptap/core";

// Attribute key → the data-* name it is rendered as (and read back from when pasting HTML).
const DATA_NAMES: Record<string, string> = {
  id: "proposal-id",
  authorId: "author-id",
  authorName: "author-name",
  organizationId: "organization-id",
  organizationCode: "organization-code",
  organizationName: "organization-name",
  colour: "colour",
  at: "at",
};

function proposalAttributes() {
  return Object.fromEntries(
    Object.entries(DATA_NAMES).map(([key, dataName]) => [
      key,
      {
        default: null,
        parseHTML: (element: HTMLElement) => element.getAttribute(`data-${dataName}`),
        renderHTML: (values: Record<string, unknown>) =>
          values[key] == null ? {} : { [`data-${dataName}`]: String(values[key]) },
      },
    ]),
  );
}

function colourStyle(HTMLAttributes: Record<string, unknown>): string {
  const colour = HTMLAttributes["data-colour"];
  return typeof colour === "string" && /^#[0-9a-f]{6}$/i.test(colour) ? `--proposal-colour: ${colour}` : "";
}

export const ProposedInsertion = Mark.create({
  name: "insertion",
  inclusive: false,
  excludes: "deletion modification insertion",
  addAttributes: () => ({
    ...proposalAttributes(),
    // Words taken from the library of agreed language: the entry's id (the server checks it).
    citation: {
      default: null,
      parseHTML: (element: HTMLElement) => element.getAttribute("data-citation"),
      renderHTML: (values: Record<string, unknown>) =>
        values.citation == null ? {} : { "data-citation": String(values.citation) },
    },
  }),
  parseHTML: () => [{ tag: "ins[data-proposal-id]", priority: 60 }],
  renderHTML: ({ HTMLAttributes }) => [
    "ins",
    mergeAttributes(HTMLAttributes, { class: "proposal proposal-insertion", style: colourStyle(HTMLAttributes) }),
    0,
  ],
});

export const ProposedDeletion = Mark.create({
  name: "deletion",
  inclusive: false,
  excludes: "insertion modification deletion",
  // Above Strike's and Bold's rules, so a proposed deletion is never read back as formatting.
  parseHTML: () => [{ tag: "del[data-proposal-id]", priority: 60 }],
  addAttributes: () => proposalAttributes(),
  renderHTML: ({ HTMLAttributes }) => [
    "del",
    mergeAttributes(HTMLAttributes, { class: "proposal proposal-deletion", style: colourStyle(HTMLAttributes) }),
    0,
  ],
});

export const ProposedFormatting = Mark.create({
  name: "modification",
  inclusive: false,
  excludes: "deletion insertion",
  addAttributes: () => ({
    ...proposalAttributes(),
    type: { default: null },
    attrName: { default: null },
    previousValue: { default: null },
    newValue: { default: null },
  }),
  parseHTML: () => [{ tag: "span[data-modification]", priority: 60 }],
  renderHTML: ({ HTMLAttributes }) => [
    "span",
    mergeAttributes(HTMLAttributes, { "data-modification": "", class: "proposal proposal-modification" }),
    0,
  ],
});

export const proposalMarks = [ProposedInsertion, ProposedDeletion, ProposedFormatting];
