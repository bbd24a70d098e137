// A numbered paragraph's status — open, agreed ad referendum, agreed — is an attribute of its
// list item in the clause's text, so every reading of the text (versions, exports, the clause
// model) carries it. Open is the absence of the attribute. Only the server writes it
// (lib/paragraph-status/set-paragraph-status.ts); the guard refuses any client that changes it.
import { Extension } from "@tiptap/core";

export const PARAGRAPH_STATUSES = ["AGREED_AD_REF", "AGREED"] as const;
/** A numbered paragraph's status as stored: absent (null) while it is open. */
export type StoredParagraphStatus = (typeof PARAGRAPH_STATUSES)[number];

export const PARAGRAPH_STATUS_ATTRIBUTE = "status";

export const ParagraphStatusAttribute = Extension.create({
  name: "paragraphStatus",
  addGlobalAttributes() {
    return [
      {
        types: ["listItem"],
        attributes: {
          [PARAGRAPH_STATUS_ATTRIBUTE]: {
            default: null,
            // A paragraph split from an agreed one is new text, not agreed.
            keepOnSplit: false,
            parseHTML: (element) => {
              const value = element.getAttribute("data-status");
              return (PARAGRAPH_STATUSES as readonly (string | null)[]).includes(value) ? value : null;
            },
            renderHTML: (attributes) =>
              attributes[PARAGRAPH_STATUS_ATTRIBUTE] ? { "data-status": attributes[PARAGRAPH_STATUS_ATTRIBUTE] } : {},
          },
        },
      },
    ];
  },
});
