// The mark that anchors a comment thread to the exact words it is about. It lives in the
// clause's Yjs document, so it follows everyone's concurrent edits and survives reloads.
// `excludes: ""` lets threads overlap: y-tiptap then stores each such mark under a hashed key
// (`commentAnchor--<hash>`), which server code reading Yjs attributes must expect
// (lib/clause-model/read-runs.ts).
import { Mark, mergeAttributes } from "@tiptap/core";
import { Fragment, type Node, Slice } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";

import { COMMENT_ANCHOR } from "./schema-names";

export { COMMENT_ANCHOR };

/** Pasted text must not carry another thread's anchor: a thread sits on the words it was started on. */
function withoutAnchors(fragment: Fragment): Fragment {
  const nodes: Node[] = [];
  fragment.forEach((node) => {
    const marks = node.marks.filter((mark) => mark.type.name !== COMMENT_ANCHOR);
    nodes.push(node.isText ? node.mark(marks) : node.copy(withoutAnchors(node.content)).mark(marks));
  });
  return Fragment.fromArray(nodes);
}

export const CommentAnchor = Mark.create({
  name: COMMENT_ANCHOR,
  excludes: "",
  // Typing just before or after the anchored words does not extend the thread's span.
  inclusive: false,
  spanning: true,

  addAttributes() {
    return {
      threadId: {
        default: null,
        parseHTML: (element) => element.getAttribute("data-comment-thread"),
        renderHTML: (attributes) => ({ "data-comment-thread": attributes.threadId }),
      },
    };
  },

  parseHTML() {
    return [{ tag: "span[data-comment-thread]" }];
  },

  renderHTML({ HTMLAttributes }) {
    return ["span", mergeAttributes({ class: "comment-anchor" }, HTMLAttributes), 0];
  },

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey("commentAnchorPaste"),
        props: {
          transformPasted: (slice) => new Slice(withoutAnchors(slice.content), slice.openStart, slice.openEnd),
        },
      }),
    ];
  },
});
