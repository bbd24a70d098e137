// Helpers for the journeys that point at words: select words in the clause or put the caret after
// them as a person would (the browser's own selection), comment on them, and change the
// instrument's observer setting in the test database.
import { expect, type Page } from "@playwright/test";
import pg from "pg";

/** Selects the first occurrence of `words` in the clause text, across formatting and anchors. */
export async function selectWords(page: Page, words: string): Promise<void> {
  await page.getByTestId("clause-editor").evaluate((root, wanted) => {
    (root as HTMLElement).focus();
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes: { node: Text; start: number }[] = [];
    let text = "";
    while (walker.nextNode()) {
      const node = walker.currentNode as Text;
      nodes.push({ node, start: text.length });
      text += node.data;
    }
    const start = text.indexOf(wanted);
    if (start < 0) throw new Error(`"${wanted}" is not in the clause`);
    const at = (offset: number) => {
      const hit = nodes.find(({ node, start: s }) => offset >= s && offset <= s + node.data.length);
      if (!hit) throw new Error("offset outside the text");
      return [hit.node, offset - hit.start] as const;
    };
    const range = document.createRange();
    range.setStart(...at(start));
    range.setEnd(...at(start + wanted.length));
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  }, words);
}

/** Puts the caret right after the first occurrence of `words`, as a click there would. */
export async function caretAfter(page: Page, words: string): Promise<void> {
  await page.getByTestId("clause-editor").evaluate((root, target) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const index = node.textContent?.indexOf(target) ?? -1;
      if (index < 0) continue;
      const range = document.createRange();
      range.setStart(node, index + target.length);
      range.collapse(true);
      (root as HTMLElement).focus();
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      return;
    }
    throw new Error(`"${target}" is not in the clause`);
  }, words);
  // Let ProseMirror read the new DOM selection.
  await page.waitForTimeout(100);
}

/** Starts a comment on `words` with the bubble's button, writes `body` and posts it. */
export async function commentOn(page: Page, words: string, body: string): Promise<void> {
  await selectWords(page, words);
  await page.getByRole("toolbar", { name: "Selected words" }).getByRole("button").click();
  await postNewComment(page, body);
}

export async function postNewComment(page: Page, body: string): Promise<void> {
  const draft = page.getByTestId("new-thread");
  await draft.getByRole("combobox", { name: "Your comment" }).fill(body);
  await draft.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(draft).toHaveCount(0);
}

export function thread(page: Page, text: string | RegExp) {
  return page.getByTestId("thread").filter({ hasText: text });
}

export async function setObserversMayComment(value: boolean): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`UPDATE "Instrument" SET "observersMayComment" = $1`, [value]);
  } finally {
    await client.end();
  }
}
