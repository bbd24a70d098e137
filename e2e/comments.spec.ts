// Threaded comments anchored to the exact wording, in two (or more) browsers at once.

import { commentOn, postNewComment, selectWords, setObserversMayComment, thread } from "./support/comments";
import { signIn } from "./support/demo";
import { showMarginFilters } from "./support/margin";
import { type Browser, expect as baseExpect, type Page, test } from "./support/test";

const CLAUSE = /Protection of witnesses/;

// Several browsers sign in and open the clause in each journey: on two shared cores that alone
// can take half a minute.
test.describe.configure({ timeout: 120_000 });
const expect = baseExpect.configure({ timeout: 20_000 });

async function person(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  await page.goto("/");
  await page.getByRole("link", { name: CLAUSE }).click();
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", /saved|read-only/);
  return page;
}

test("a comment on selected words reaches another delegation live; the reply and the resolution come back", async ({
  browser,
}) => {
  const [australia, canada] = await Promise.all([
    person(browser, "australia@clausework.demo"),
    person(browser, "canada@clausework.demo"),
  ]);
  const words = "shield from reprisals and intimidation";
  const body = `Should this cover online harassment? ${Date.now()}`;

  await commentOn(australia, words, body);
  await expect(thread(australia, body)).toBeVisible();
  await expect(thread(australia, body).getByTestId("thread-quote")).toHaveText(`“${words}”`);

  // Canada sees the highlight on the same words and the thread, without reloading.
  const highlight = canada.getByTestId("clause-editor").locator("[data-comment-thread]", { hasText: words });
  await expect(highlight).toHaveText(words);
  await expect(thread(canada, body)).toContainText("Chloe Whitfield");
  await expect(thread(canada, body)).toContainText("AUS");

  // Clicking the highlight opens the thread; Canada replies.
  await highlight.click();
  const reply = `We would rather say "threats" ${Date.now()}`;
  await thread(canada, body).getByRole("combobox", { name: "Reply" }).fill(reply);
  await thread(canada, body).getByRole("button", { name: "Reply", exact: true }).click();
  await expect(thread(australia, body)).toContainText(reply);
  await expect(thread(australia, body)).toContainText("Marc-André Gagnon");

  // Australia resolves; Canada sees it resolved, with who did it.
  await thread(australia, body)
    .getByRole("button", { name: /Resolve/ })
    .click();
  await expect(thread(canada, body)).toHaveCount(0); // gone from the open threads
  await showMarginFilters(canada);
  await canada.getByRole("button", { name: "Resolved", exact: true }).click();
  await expect(thread(canada, body)).toHaveAttribute("data-state", "resolved");
  await expect(thread(canada, body).getByTestId("resolved-label")).toContainText("Chloe Whitfield (AUS)");

  // The anchor is part of the document: it is still there after a reload.
  await canada.reload();
  await expect(canada.getByTestId("clause-editor").locator("[data-comment-thread]", { hasText: words })).toHaveText(
    words,
  );
});

test("markup and script in a comment stay inert text", async ({ browser }) => {
  const jamaica = await person(browser, "jamaica@clausework.demo");
  const payload = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> ${Date.now()}`;
  await jamaica.getByRole("button", { name: "Comment on the whole clause" }).click();
  await postNewComment(jamaica, payload);
  const card = thread(jamaica, payload);
  await expect(card).toContainText(payload);
  await expect(card).toContainText("On the whole clause");
  await expect(card.locator("img, script")).toHaveCount(0);
  expect(await jamaica.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test("deleting the anchored words leaves the thread, detached, quoting them", async ({ browser }) => {
  const [france, chair] = await Promise.all([
    person(browser, "france@clausework.demo"),
    person(browser, "chair@clausework.demo"),
  ]);
  const words = "Rules of evidence";
  const body = `Which rules? ${Date.now()}`;

  // This time with the keyboard shortcut, which the comments panel listens for: it loads with the
  // editor (components/editor/lazy-room-parts.tsx), so wait until it is there.
  await expect(france.getByRole("region", { name: /^Comments/ })).toBeVisible();
  await selectWords(france, words);
  await france.keyboard.press("Control+Alt+m");
  await postNewComment(france, body);
  await expect(chair.getByTestId("clause-editor").locator("[data-comment-thread]", { hasText: words })).toBeVisible();

  // The chair deletes the words outright (a delegate's deletion would only be proposed).
  await selectWords(chair, words);
  await chair.keyboard.press("Backspace");
  await expect(chair.getByTestId("clause-editor")).not.toContainText(words);
  for (const page of [chair, france]) {
    await expect(thread(page, body)).toHaveAttribute("data-detached", "true");
    await expect(thread(page, body).getByTestId("detached-label")).toBeVisible();
    await expect(thread(page, body).getByTestId("thread-quote")).toHaveText(`“${words}”`);
  }
});

test("an observer comments on words through a read-only connection; the clause list counts open threads", async ({
  browser,
}) => {
  const [observer, chair] = await Promise.all([
    person(browser, "observer@clausework.demo"),
    person(browser, "chair@clausework.demo"),
  ]);
  await expect(observer.getByTestId("save-status")).toHaveText("Read only");
  const words = "video or other suitable technology";
  const body = `Include encrypted channels ${Date.now()}`;
  await commentOn(observer, words, body);
  await expect(chair.getByTestId("clause-editor").locator("[data-comment-thread]", { hasText: words })).toHaveText(
    words,
  );
  await expect(thread(chair, body)).toContainText("LARKSPUR");

  await chair.goto("/");
  const row = chair.getByRole("link", { name: CLAUSE });
  await expect(row.getByTestId("open-thread-count")).toContainText(/[1-9]\d* open comment threads?/);
});

test("an observer who may not write sees no composer, and a forged request is refused", async ({ browser }) => {
  const delegate = await person(browser, "new-zealand@clausework.demo");
  const body = `A delegate's thread ${Date.now()}`;
  await delegate.getByRole("button", { name: "Comment on the whole clause" }).click();
  await postNewComment(delegate, body);
  const threadId = await thread(delegate, body).getAttribute("data-thread-id");
  const clauseId = new URL(delegate.url()).pathname.split("/").at(-1);

  await setObserversMayComment(false);
  try {
    const observer = await person(browser, "observer@clausework.demo");
    await expect(thread(observer, body)).toBeVisible();
    await expect(observer.getByTestId("comments-read-only")).toBeVisible();
    await expect(observer.getByRole("button", { name: "Comment on the whole clause" })).toHaveCount(0);
    await thread(observer, body).click();
    await expect(observer.getByRole("combobox", { name: "Reply" })).toHaveCount(0);
    await selectWords(observer, "Arrangements to keep");
    await expect(observer.getByRole("toolbar", { name: "Selected words" })).toHaveCount(0);

    const forgedThread = await observer.request.post(`/api/clauses/${clauseId}/threads`, { data: { body: "forged" } });
    expect(forgedThread.status()).toBe(403);
    const forgedReply = await observer.request.post(`/api/clauses/${clauseId}/threads/${threadId}/comments`, {
      data: { body: "forged" },
    });
    expect(forgedReply.status()).toBe(403);
    // A thread id under another clause is not found, even for someone who may comment.
    await delegate.goto("/");
    await delegate.getByRole("link", { name: /Assistance to and protection of victims/ }).click();
    const otherClauseId = new URL(delegate.url()).pathname.split("/").at(-1);
    const misplaced = await delegate.request.post(`/api/clauses/${otherClauseId}/threads/${threadId}/comments`, {
      data: { body: "wrong clause" },
    });
    expect(misplaced.status()).toBe(404);
    const empty = await delegate.request.post(`/api/clauses/${clauseId}/threads/${threadId}/comments`, {
      data: { body: "   " },
    });
    expect(empty.status()).toBe(400);
    expect((await empty.json()).error).toMatch(/write a comment/i);
  } finally {
    await setObserversMayComment(true);
  }
});

test("a mention reaches the person's bell, which links to the thread", async ({ browser }) => {
  const philippines = await person(browser, "philippines@clausework.demo");
  const body = `Please look at this ${Date.now()}`;
  await philippines.getByRole("button", { name: "Comment on the whole clause" }).click();
  const composer = philippines.getByTestId("new-thread").getByRole("combobox", { name: "Your comment" });
  await composer.pressSequentially(`${body} @Aroh`);
  await philippines.getByRole("option", { name: /Aroha Whitcombe/ }).click();
  // The writer reads the name, not the stored token.
  await expect(composer).toHaveValue(`${body} @Aroha Whitcombe `);
  await philippines.getByTestId("new-thread").getByRole("button", { name: "Comment", exact: true }).click();
  await expect(thread(philippines, body).locator("[data-mention]")).toHaveText("@Aroha Whitcombe");

  // Editing it shows the mention as a name too, and saving keeps it a mention.
  await thread(philippines, body).click();
  await thread(philippines, body).getByRole("button", { name: "Edit" }).click();
  const editor = thread(philippines, body).getByRole("combobox", { name: "Edit your comment" });
  await expect(editor).toHaveValue(`${body} @Aroha Whitcombe`);
  await editor.press("ControlOrMeta+End");
  await editor.pressSequentially(" (urgent)");
  await thread(philippines, body).getByRole("button", { name: "Save" }).click();
  await expect(thread(philippines, body).locator("[data-mention]")).toHaveText("@Aroha Whitcombe");
  await expect(thread(philippines, body)).toContainText("(urgent)");

  const newZealand = await (await browser.newContext()).newPage();
  await signIn(newZealand, "new-zealand@clausework.demo");
  await expect(newZealand.getByTestId("notification-count")).toHaveText(/[1-9]/);
  await newZealand.getByTestId("notification-bell").click();
  const item = newZealand
    .getByTestId("notification-list")
    .getByRole("link", { name: /Maria Lourdes Dizon/ })
    .first();
  await expect(item).toContainText("mentioned you");
  await item.click();
  await expect(newZealand).toHaveURL(/\?thread=/);
  await expect(thread(newZealand, body)).toHaveAttribute("data-thread-id", /.+/);
});
