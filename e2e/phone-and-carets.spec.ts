// On a 390×844 phone the pages fit the screen: the chair's header wraps instead of pushing
// "Sign out" off it, and another person's caret label near the edge of the text is clipped to
// the editor instead of widening the page. Labels show for a moment after the caret moves and
// on hover, not over the words all the time.
import { selectWords } from "./support/comments";
import { openClause, signIn } from "./support/demo";
import { type Browser, expect, type Page, test } from "./support/test";

const CLAUSE = /Gender mainstreaming/;
// Long paragraphs of plain words (no brackets, alternatives or proposals), for the caret at a line's end.
const PLAIN = /Solicitation or grooming of a child/;
const PHONE = { width: 390, height: 844 };

async function fitsTheScreen(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth))
    .toBeLessThanOrEqual(0);
}

async function personAt(browser: Browser, email: string, viewport = { width: 1440, height: 900 }): Promise<Page> {
  const page = await (await browser.newContext({ viewport, hasTouch: viewport === PHONE })).newPage();
  await signIn(page, email);
  return page;
}

test("the chair's header and the clause list fit a phone, Sign out on screen", async ({ browser }) => {
  const chair = await personAt(browser, "chair@clausework.demo", PHONE);
  const signOut = chair.getByRole("button", { name: "Sign out" });
  await expect(signOut).toBeVisible();
  const box = await signOut.boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= PHONE.width).toBe(true);
  await expect(chair.getByRole("link", { name: "Administration" })).toBeInViewport();
  await fitsTheScreen(chair);
  await openClause(chair, CLAUSE);
  await expect(signOut).toBeInViewport();
  await fitsTheScreen(chair);
});

test("another person's caret label shows after it moves and on hover, clipped to the editor on a phone", async ({
  browser,
}) => {
  const phone = await personAt(browser, "new-zealand@clausework.demo", PHONE);
  const desk = await personAt(browser, "australia-legal@clausework.demo");
  await openClause(phone, PLAIN);
  await openClause(desk, PLAIN);

  // The words that end the first line of a paragraph on the phone, at its right edge.
  const lineEnd = await phone.getByTestId("clause-editor").evaluate((root) => {
    // A run of plain words (outside brackets, alternatives and proposals) longer than a line.
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let text: Node | null = walker.nextNode();
    while (text && !(text instanceof Text && text.data.length > 150 && text.parentElement?.tagName === "P"))
      text = walker.nextNode();
    if (!(text instanceof Text)) throw new Error("no long run of words");
    const range = document.createRange();
    const top = (i: number) => {
      range.setStart(text, i);
      range.setEnd(text, i + 1);
      return range.getBoundingClientRect().top;
    };
    const first = top(0);
    let end = 1;
    while (end < text.data.length && top(end) === first) end++;
    // Up to the last letter of the first line (a line breaks after a space).
    const words = text.data.slice(0, end).trimEnd();
    return words.slice(-40);
  });
  await selectWords(desk, lineEnd);
  await desk.waitForTimeout(100);
  await desk.keyboard.press("Shift+ArrowRight");
  await desk.keyboard.press("Shift+ArrowLeft");

  const label = phone.locator(".collaboration-carets__label", { hasText: /AUS/ });
  // Shown at first, after the move…
  await expect(label).toHaveCSS("opacity", "1");
  await fitsTheScreen(phone);
  // …inside the editor's box (cut at its edge) …
  const frame = await phone.locator(".clause-editor-frame").boundingBox();
  const labelBox = await label.boundingBox();
  expect(frame && labelBox).toBeTruthy();
  if (frame && labelBox) expect(labelBox.x).toBeLessThanOrEqual(frame.x + frame.width);
  // …then out of the way of the words,
  await expect(label).toHaveCSS("opacity", "0");
  await fitsTheScreen(phone);

  // and back when it moves again, and on hover (at desk size, where a pointer hovers).
  const deskChair = await personAt(browser, "chair@clausework.demo");
  await openClause(deskChair, PLAIN);
  const seen = deskChair.locator(".collaboration-carets__label", { hasText: /AUS/ });
  await desk.keyboard.press("ArrowLeft");
  await expect(seen).toHaveCSS("opacity", "1");
  await expect(seen).toHaveCSS("opacity", "0");
  await deskChair.locator(".collaboration-carets__caret", { has: seen }).hover();
  await expect(seen).toHaveCSS("opacity", "1");
});
