// One margin beside the clause text, as in Google Docs: every suggestion and every comment
// thread is a card level with its words, stacked without overlap, the active one pulled to its
// words; a list view on request; on a phone the cards open in a sheet from the words. Several
// browsers at once, at 1440×900, 1024×768 and 390×844.
import { commentOn, postNewComment, selectWords } from "./support/comments";
import { openClause, signIn } from "./support/demo";
import { showMarginFilters } from "./support/margin";
import { negotiateOpen } from "./support/negotiate-open";
import { withDatabase } from "./support/sessions";
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

/** The active card is level with its words, however many cards are about the words above. */
function expectActiveAligned(cards: Placed[]) {
  const active = cards.find((c) => c.active);
  expect(active, "an active card").toBeDefined();
  expect(
    Math.abs((active as Placed).top - ((active as Placed).wordsTop as number)),
    "active card level",
  ).toBeLessThanOrEqual(2);
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
  expectActiveAligned(chairCards);
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
  await showMarginFilters(chair);
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

test("the text starts near the top of the room, and the active card reaches its words under a crowd of cards", async ({
  browser,
}) => {
  const tag = Date.now().toString(36);
  const chair = await (await browser.newContext({ viewport: DESKTOP })).newPage();
  await signIn(chair, "chair@clausework.demo");
  const { instrumentId, chapterId } = await withDatabase(async (db) => {
    const instrument = (await db.query(`SELECT id FROM "Instrument" ORDER BY "createdAt" LIMIT 1`)).rows[0].id;
    const chapter = (await db.query(`SELECT id FROM "Chapter" WHERE "instrumentId" = $1 LIMIT 1`, [instrument])).rows[0]
      .id;
    return { instrumentId: instrument, chapterId: chapter };
  });
  const created = await chair.request.post("/api/admin/clause.create", {
    data: { instrumentId, chapterId, number: `M-${tag.slice(-5)}`, title: "Margin journey", topics: "gender" },
  });
  expect(created.status()).toBe(200);
  const { clauseId } = (await created.json()) as { clauseId: string };
  await chair.goto(`/clauses/${clauseId}`);
  await expect(chair.getByTestId("save-status")).toHaveAttribute("data-state", "saved", { timeout: 30_000 });
  await chair.getByTestId("clause-editor").click();
  await chair.keyboard.type("Alpha beta gamma delta: each State Party shall take measures.");
  for (const line of ["Second paragraph.", "Third paragraph.", "Fourth paragraph.", "Omega stands far below."]) {
    await chair.keyboard.press("Enter");
    await chair.keyboard.type(line);
  }
  await expect(chair.getByTestId("save-status")).toHaveText("Saved");

  // As in Docs, the text starts near the top: the margin's heading lines and its folded filters
  // take no more room than the controls above the text, so the first words start level with the
  // top of the margin, a short way below its heading.
  const header = (await chair.getByTestId("margin-header").boundingBox()) as { y: number; height: number };
  const firstLine = (await chair.getByTestId("clause-editor").locator("p").first().boundingBox()) as { y: number };
  const margin = (await chair.getByTestId("margin").boundingBox()) as { y: number };
  expect(firstLine.y - header.y, "the text's first line below the top of the margin's heading").toBeLessThan(240);
  expect(header.y + header.height, "the margin's heading ends above the text").toBeLessThanOrEqual(margin.y);

  // Four threads on the first line, one far below.
  for (const words of ["Alpha", "beta", "gamma", "delta", "Omega"]) await commentOn(chair, words, `${words} ${tag}`);
  const cardOn = (words: string) => chair.locator("[data-margin-card]").filter({ hasText: `${words} ${tag}` });
  await expect(chair.getByTestId("margin").getByTestId("thread").filter({ hasText: tag })).toHaveCount(5);
  // The first card is level with the first line.
  await cardOn("Alpha")
    .getByTestId("thread")
    .click({ position: { x: 8, y: 8 } });
  let cards = await settled(chair);
  expectActiveAligned(cards);
  expectAligned(cards);

  // The fourth cannot have the three before it above its words: it is level with them all the
  // same, and they follow it, none overlapping, none above the top of the margin.
  await cardOn("delta")
    .getByTestId("thread")
    .click({ position: { x: 8, y: 8 } });
  await expect(cardOn("delta")).toHaveAttribute("data-active", "true");
  cards = await settled(chair);
  expectActiveAligned(cards);
  expectNoOverlap(cards);
  const marginTop = (await chair.getByTestId("margin").boundingBox())?.y as number;
  for (const card of cards) expect(card.top).toBeGreaterThanOrEqual(marginTop - 1);
  await expect(chair.getByTestId("margin-connector")).toBeVisible();
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
