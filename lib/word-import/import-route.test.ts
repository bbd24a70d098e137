// The import route as a browser (or anyone else) calls it, the signed-in person given as
// next-auth would: what is not a form upload, a form without a file, an upload to an instrument
// the person does not run, and a preview or import by a delegation are each refused with a
// message, and nothing is stored.
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { findSessionUser } from "@/lib/auth/find-session-user";
import type { SessionUser } from "@/lib/auth/session-user";
import { prisma } from "@/lib/db/prisma";
import { seedIfEmpty } from "@/lib/seed/seed-demo-data";
import { draftConvention } from "./test-support/word-fixtures";

vi.mock("server-only", () => ({}));
const signedIn = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/current-user", () => ({
  getCurrentUser: async () => signedIn.user,
  requireUser: async () => signedIn.user,
}));

const route = await import("@/app/api/instruments/[instrumentId]/import/route");

let secretariat: SessionUser;
let jamaica: SessionUser;
let instrumentId: string;

function post(who: SessionUser, id: string, body: BodyInit, query = "", headers: Record<string, string> = {}) {
  signedIn.user = who;
  const request = new Request(`http://localhost/api/instruments/${id}/import${query}`, {
    method: "POST",
    body,
    headers: { origin: "http://localhost", host: "localhost", ...headers },
  });
  return route.POST(request, { params: Promise.resolve({ instrumentId: id }) });
}

async function form(fields: Record<string, string | Uint8Array>): Promise<FormData> {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === "string") data.append(name, value);
    else data.append(name, new Blob([new Uint8Array(value)]), "draft.docx");
  }
  return data;
}

const imported = () => prisma.auditEvent.count({ where: { action: "instrument.word-imported" } });

beforeAll(async () => {
  await seedIfEmpty(prisma);
  const session = async (email: string) =>
    (await findSessionUser((await prisma.user.findUniqueOrThrow({ where: { email } })).id)) as SessionUser;
  secretariat = await session("secretariat@clausework.demo");
  jamaica = await session("jamaica@clausework.demo");
  instrumentId = (await prisma.clause.findFirstOrThrow({ where: { number: "14" } })).instrumentId;
});

afterAll(() => {
  signedIn.user = null;
});

it("refuses what is not a form upload, a form without a file, another's instrument and a delegation, storing nothing", async () => {
  const before = await imported();
  const file = await draftConvention();
  const json = await post(secretariat, instrumentId, JSON.stringify({ file: "UEsDBA==" }), "", {
    "content-type": "application/json",
  });
  expect(json.status).toBe(400);
  expect(((await json.json()) as { error: string }).error).toMatch(/form upload \(multipart\/form-data\)/);

  const empty = await post(secretariat, instrumentId, await form({ authors: "{}" }));
  expect(empty.status).toBe(400);
  expect(((await empty.json()) as { error: string }).error).toMatch(/Choose a Word file/);

  // An instrument that does not exist for the person, and a delegation of this one.
  const unknown = await post(secretariat, "00000000-0000-4000-8000-000000000000", await form({ file }), "?preview=1");
  expect(unknown.status).toBe(404);
  for (const query of ["?preview=1", ""]) {
    const delegation = await post(jamaica, instrumentId, await form({ file, authors: "{}" }), query);
    expect(delegation.status).toBe(403);
  }
  expect(await imported()).toBe(before);
});
