// One margin beside the clause text, as in Google Docs: every suggestion and every comment
// thread is a card level with its words, stacked without overlap, the active one pulled to its
// words; a list view on request; on a phone the cards open in a sheet from the words. Several
// browsers at once, at 1440×900, 1024×768 and 390×844.
import { commentOn, postNewComment, selectWords } from "./support/comments";
import { openClause, signIn } from "./support/demo";
import { negotiateOpen } from "./support/negotiate-open";
import { type Browser, expect, type Page, test } from "./support/test";

const CLAUSE = /Respect for human rights/;
const DESKTOP = { width: 1440, height: 900 };
const LAPTOP = { width: 1024, height: 768 };
const PHONE = { width: 390, height: 844 };

// Agreed as a whole in the demo: reopened first, so delegations may propose in it.
test.beforeAll(() => negotiateOpen("Respect for human rights"));

async function open(browser: Browser, email: string, viewport: { width: number; height: number }, touch = false) {
  const page = await (await browser.newContext({ viewport, hasTouch: touch, isMobile: touch })).newPage();
  await signIn(page, email);
  await openClause(page, CLAUSE);
  return page;
}

type Placed = { key: string; place: string; active: boolean; top: number; bottom: number; wordsTop: number | null };

/** Every card in the margin with where it is and where its words are, top to bottom. */
function measure(page: Page): Promise<Placed[]> {
  return page.getByTestId("margin").evaluate((margin) => {
    const text = document.querySelector('[data-testid="clause-editor"]') as HTMLElement;
    return [...margin.querySelectorAll<HTMLElement>("[data-margin-card]")]
      .map((card) => {
        const box = card.getBoundingClientRect();
        const words = card.dataset.words ? text.querySelector(card.dataset.words) : null;
        return {
          key: card.dataset.key ?? "",
          place: card.dataset.place ?? "",
          active: card.dataset.active === "true",
          top: box.top,
          bottom: box.bottom,
          wordsTop: words ? words.getBoundingClientRect().top : null,
        };
      })
      .sort((a, b) => a.top - b.top);
  });
}

/** The margin once its cards have stopped moving (they glide for 150 ms). */
async function settled(page: Page): Promise<Placed[]> {
  let previous = JSON.stringify(await measure(page));
  for (let tries = 0; tries < 40; tries++) {
    await page.waitForTimeout(250);
    const now = await measure(page);
    if (JSON.stringify(now) === previous) return now;
    previous = JSON.stringify(now);
  }
  throw new Error("the margin kept moving");
}

/**
 * Each card level with its words unless the card above pushed it, none overlapping; the active
 * card level with its words (the cards above it may be moved up to make room for it).
 */
function expectAligned(cards: Placed[]) {
  const activeIndex = cards.findIndex((card) => card.active && card.wordsTop !== null);
  cards.forEach((card, i) => {
    const above = cards[i - 1];
    if (above) expect(card.top, `${card.key} overlaps ${above.key}`).toBeGreaterThanOrEqual(above.bottom);
    if (card.wordsTop === null || i < activeIndex) return;
    const pushed = above !== undefined && Math.abs(card.top - (above.bottom + 8)) <= 2;
    if (!pushed)
      expect(Math.abs(card.top - card.wordsTop), `${card.key} is level with its words`).toBeLessThanOrEqual(2);
    else expect(card.top, `${card.key} is not above its words`).toBeGreaterThanOrEqual(card.wordsTop - 2);
  });
}

/** Comments on words, scrolled to the middle of the screen first (the bubble is beside them). */
async function commentBeside(page: Page, words: string, body: string) {
  await page
    .getByTestId("clause-editor")
    .locator("p", { hasText: words })
    .first()
    .evaluate((p) => p.scrollIntoView({ block: "center" }));
  await commentOn(page, words, body);
}

/**
 * The active card is level with its words — or, when the cards before it do not fit above its
 * words, right under them, with those cards packed from the top of the margin.
 */
async function expectActiveAligned(page: Page, cards: Placed[]) {
  const index = cards.findIndex((c) => c.active);
  const active = cards[index];
  expect(active, "an active card").toBeDefined();
  if (Math.abs(active.top - (active.wordsTop as number)) <= 2) return;
  const marginTop = (await page.getByTestId("margin").evaluate((m) => m.getBoundingClientRect().top)) as number;
  expect(active.top, "below its words only when pushed").toBeGreaterThan(active.wordsTop as number);
  expect(Math.abs(cards[0].top - marginTop)).toBeLessThanOrEqual(2);
  for (let i = 1; i <= index; i++) expect(Math.abs(cards[i].top - (cards[i - 1].bottom + 8))).toBeLessThanOrEqual(2);
}

function expectNoOverlap(cards: Placed[]) {
  for (let i = 1; i < cards.length; i++) expect(cards[i].top).toBeGreaterThanOrEqual(cards[i - 1].bottom);
}

test("suggestions and comments sit level with their words in one margin, at 1440 and 1024 px, and follow new proposals at once", async ({
  browser,
}) => {
  // Three browsers on a shared two-core machine, and the margin measured after every step.
  test.setTimeout(300_000);
  const tag = Date.now().toString(36);
  const chair = await open(browser, "chair@clausework.demo", DESKTOP);
  const australia = await open(browser, "australia@clausework.demo", DESKTOP);
  const france = await open(browser, "france@clausework.demo", LAPTOP);

  // France's margin never hears from the server's proposals index: what it shows of Australia's
  // proposals it reads from the text as it arrives.
  const index = (url: URL) => url.pathname.endsWith("/proposals");
  await france.route(index, (route) => (route.request().method() === "GET" ? route.abort() : route.continue()));

  await selectWords(australia, "in full conformity");
  await australia.keyboard.type(`in strict conformity ${tag}`);
  await expect(australia.getByTestId("save-status")).toHaveText("Saved");
  await australia.keyboard.press("ControlOrMeta+Home");

  const inFrance = france.getByTestId("margin").getByTestId("proposal");
  await expect(inFrance.filter({ hasText: `in strict conformity ${tag}` })).toContainText("Australia");
  await expect(inFrance.filter({ hasText: `in strict conformity ${tag}` })).toContainText("Replacement");
  // What only the index knows (positions, decisions) waits for it; the words do not.
  await expect(france.getByTestId("margin").getByTestId("proposal-recording")).toHaveCount(1);
  await france.unroute(index);
  await expect(france.getByTestId("proposal-recording")).toHaveCount(0);

  // Two comments on words a line apart: the second card is pushed below the first. Clicked, it
  // is pulled up level with its words, the first moved up to make room, and joined to its line.
  await commentBeside(france, "best interests of the child", `Children ${tag}`);
  await commentBeside(france, "primary consideration", `Consideration ${tag}`);
  const children = france.locator("[data-margin-card]").filter({ hasText: `Children ${tag}` });
  const consideration = france.locator("[data-margin-card]").filter({ hasText: `Consideration ${tag}` });
  await children.getByTestId("thread").click({ position: { x: 8, y: 8 } });
  await expect(children).toHaveAttribute("data-active", "true");
  let cards = await settled(france);
  expectAligned(cards);
  const considerationKey = (await consideration.getAttribute("data-key")) as string;
  const pushed = cards.find((c) => c.key === considerationKey) as Placed;
  expect(pushed.top - (pushed.wordsTop as number), "pushed below its words").toBeGreaterThan(2);
  await consideration.getByTestId("thread").click({ position: { x: 8, y: 8 } });
  await expect(consideration).toHaveAttribute("data-active", "true");
  cards = await settled(france);
  const pulled = cards.find((c) => c.key === considerationKey) as Placed;
  expect(Math.abs(pulled.top - (pulled.wordsTop as number))).toBeLessThanOrEqual(2);
  expectNoOverlap(cards);
  await expect(france.getByTestId("margin-connector")).toBeVisible();

  // More threads, and one on the whole clause, which heads the margin.
  await commentBeside(france, "freedom of expression", `Expression ${tag}`);
  await france.getByRole("button", { name: "Comment on the whole clause" }).click();
  await postNewComment(france, `Whole clause ${tag}`);
  for (const page of [chair, france]) {
    await expect(page.getByTestId("margin").getByTestId("thread").filter({ hasText: tag })).toHaveCount(4);
    await expect(page.getByTestId("margin").getByTestId("proposal").filter({ hasText: tag })).toHaveCount(1);
    const placed = await settled(page);
    expectAligned(placed);
    expect(placed[0].place).toBe("top");
    for (const card of placed.filter((c) => c.place === "words")) expect(card.wordsTop).not.toBeNull();
  }

  // At 1024 px the text and the margin sit side by side, and nothing is wider than the screen.
  const [textBox, marginBox] = await Promise.all([
    france.getByTestId("clause-editor").boundingBox(),
    france.getByTestId("margin").boundingBox(),
  ]);
  expect(marginBox?.x).toBeGreaterThan((textBox?.x ?? 0) + (textBox?.width ?? 0));
  expect(await france.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(LAPTOP.width);

  // The caret in a proposal's words makes its card the active one, in the chair's margin.
  await chair
    .getByTestId("clause-editor")
    .locator("ins.proposal", { hasText: `strict conformity ${tag}` })
    .click();
  await expect(
    chair
      .locator("[data-margin-card]")
      .filter({ has: chair.getByTestId("proposal"), hasText: `strict conformity ${tag}` }),
  ).toHaveAttribute("data-active", "true");
  const chairCards = await settled(chair);
  await expectActiveAligned(chair, chairCards);
  expectAligned(chairCards);

  // A new proposal typed by Australia lands in the others' margins beside its words.
  await selectWords(australia, "independent oversight");
  await australia.keyboard.type(`judicial oversight ${tag}`);
  for (const page of [chair, france]) {
    await expect(
      page
        .getByTestId("margin")
        .getByTestId("proposal")
        .filter({ hasText: `judicial oversight ${tag}` }),
    ).toBeVisible();
    expectAligned(await settled(page));
  }

  // The list view: the same cards in a compact list, with filters; then back beside the text.
  await chair.getByRole("button", { name: "List", exact: true }).click();
  await expect(chair.getByTestId("margin")).toHaveAttribute("data-view", "list");
  await expect(chair.getByTestId("margin").getByTestId("proposal").filter({ hasText: tag })).toHaveCount(2);
  const listed = await measure(chair);
  expectNoOverlap(listed);
  await chair.getByLabel("Status").selectOption("ACCEPTED");
  await expect(chair.getByTestId("margin").getByTestId("proposal").filter({ hasText: tag })).toHaveCount(0);
  await chair.getByLabel("Status").selectOption("OPEN");
  await chair.getByLabel("Delegation").selectOption({ label: "Australia" });
  await expect(chair.getByTestId("margin").getByTestId("proposal").filter({ hasText: tag })).toHaveCount(2);
  await chair.getByLabel("Delegation").selectOption("ALL");
  await chair.getByRole("button", { name: "Beside the text" }).click();
  await expect(chair.getByTestId("margin")).toHaveAttribute("data-view", "aligned");
  expectAligned(await settled(chair));

  // The chair rejects Australia's proposals: the passages read as before for later journeys.
  for (const words of [`in strict conformity ${tag}`, `judicial oversight ${tag}`]) {
    const card = chair.getByTestId("margin").getByTestId("proposal").filter({ hasText: words });
    await card.getByRole("button", { name: "Reject this proposal" }).click();
    await expect(card).toHaveCount(0);
  }
  await expect(chair.getByTestId("clause-editor")).not.toContainText(tag);
});

test("on a phone the margin is hidden and tapping words opens their cards in a sheet", async ({ browser }) => {
  const tag = Date.now().toString(36);
  const jamaica = await open(browser, "jamaica@clausework.demo", DESKTOP);
  await commentOn(jamaica, "lawful, necessary and proportionate", `Proportionality ${tag}`);
  await selectWords(jamaica, "fundamental freedoms");
  await jamaica.keyboard.type(`fundamental freedoms of everyone ${tag}`);
  await expect(jamaica.getByTestId("save-status")).toHaveText("Saved");

  const phone = await open(browser, "canada@clausework.demo", PHONE, true);
  await expect(phone.getByTestId("margin")).toBeHidden();
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  const sheet = phone.getByRole("dialog", { name: "On these words" });
  await expect(sheet).toBeHidden();

  // Tapping the proposed words opens Jamaica's proposal in the sheet.
  await phone
    .getByTestId("clause-editor")
    .locator("ins.proposal", { hasText: `of everyone ${tag}` })
    .tap();
  await expect(sheet).toBeVisible();
  await expect(sheet.getByTestId("proposal")).toContainText("Jamaica");
  await expect(sheet.getByTestId("proposal")).toContainText(`of everyone ${tag}`);
  await expect(sheet.getByTestId("thread")).toHaveCount(0);
  await phone.keyboard.press("Escape");
  await expect(sheet).toBeHidden();

  // Tapping highlighted words opens their thread; the Close button closes it.
  await phone.getByTestId("clause-editor").locator("[data-comment-thread]", { hasText: "necessary and" }).first().tap();
  await expect(sheet).toBeVisible();
  await expect(sheet.getByTestId("thread")).toContainText(`Proportionality ${tag}`);
  await expect(sheet.getByTestId("proposal")).toHaveCount(0);
  await sheet.getByRole("button", { name: "Close" }).click();
  await expect(sheet).toBeHidden();

  // The list view is there on a phone too, below the text.
  await phone.getByRole("button", { name: "List", exact: true }).click();
  await expect(phone.getByTestId("margin")).toBeVisible();
  await expect(phone.getByTestId("margin").getByTestId("thread").filter({ hasText: tag })).toHaveCount(1);

  await jamaica
    .getByTestId("margin")
    .getByTestId("proposal")
    .filter({ hasText: `of everyone ${tag}` })
    .getByRole("button", { name: "Withdraw my proposal" })
    .click();
  await expect(jamaica.getByTestId("clause-editor")).not.toContainText(`of everyone ${tag}`);
});
