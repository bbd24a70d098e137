// A numbered paragraph's status — open, agreed ad referendum, agreed — is an attribute of its
// list item in the clause's text, so every reading of the text (versions, exports, the clause
// model) carries it. Open is the absence of the attribute. Only the server writes it
// (lib/paragraph-status/set-paragraph-status.ts); the guard refuses any client that changes it.
import { Extension } from "@tiptap/core";

import { PARAGRAPH_STATUS_ATTRIBUTE, PARAGRAPH_STATUSES } from "./schema-names";

export { PARAGRAPH_STATUS_ATTRIBUTE, PARAGRAPH_STATUSES, type StoredParagraphStatus } from "./schema-names";

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
