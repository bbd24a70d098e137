// Server actions called the way a page calls them: a POST to a page that uses the action, with
// the `Next-Action` header naming its id and the arguments encoded by React's own Flight client
// (the copy Next ships), and the answer decoded by the same client. So the request goes through
// server.ts, Next's server-action handling (its origin check included) and the action's door
// (lib/doors/action-door.ts), exactly as a browser's does — with whatever session it carries.
//
// Which server actions exist is read twice: from the source ("use server" files and what they
// export) and from the build (.next/server/server-reference-manifest.json, with each action's
// id, file, name and the pages that use it). The matrix checks both lists agree — so the build it
// runs against is the current code — and that it covers every action on them.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { createFromReadableStream, encodeReply } from "next/dist/compiled/react-server-dom-webpack/client.edge.js";

/** One server action, named by the file that defines it and the name it is exported as. */
export type ServerActionName = `${string}#${string}`;

export type BuiltServerAction = {
  name: ServerActionName;
  id: string;
  /** The app routes of the pages that use it, e.g. "/admin/[instrumentId]/people". */
  pages: string[];
};

const ROOT = process.cwd();
const SOURCE_DIRS = ["app", "components", "lib"];
const DIRECTIVE = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use server["']/;

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(relative);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

/** Every server action the source defines: the exports of each "use server" file. */
export function sourceServerActions(): ServerActionName[] {
  const names: ServerActionName[] = [];
  for (const file of SOURCE_DIRS.flatMap(sourceFiles)) {
    const text = readFileSync(path.join(ROOT, file), "utf8");
    if (!DIRECTIVE.test(text)) {
      // A server action written inside a component or function: the matrix reads files only.
      if (/^\s*["']use server["'];?\s*$/m.test(text)) {
        throw new Error(`${file} defines a server action inside a function; put it in a "use server" file.`);
      }
      continue;
    }
    if (/export\s+(default|\{|\*)/.test(text)) {
      throw new Error(`${file}: export server actions as \`export async function name\`, which the matrix reads.`);
    }
    for (const [, exported] of text.matchAll(/export\s+(?:async\s+function\s+|const\s+)(\w+)/g)) {
      names.push(`${file}#${exported}`);
    }
  }
  return names.sort();
}

type Manifest = {
  node: Record<string, { workers: Record<string, unknown>; filename?: string; exportedName?: string }>;
};

/** Every server action of the build, from the manifest `next build` writes. */
export function builtServerActions(): BuiltServerAction[] {
  const manifest = JSON.parse(
    readFileSync(path.join(ROOT, ".next/server/server-reference-manifest.json"), "utf8"),
  ) as Manifest;
  return Object.entries(manifest.node)
    .map(([id, entry]) => {
      if (!entry.filename || !entry.exportedName) throw new Error(`server action ${id} has no file or name`);
      return {
        id,
        name: `${entry.filename}#${entry.exportedName}` as ServerActionName,
        // "app/(workspace)/admin/[instrumentId]/page" → "/admin/[instrumentId]"
        pages: Object.keys(entry.workers).map(
          (worker) =>
            worker
              .replace(/^app/, "")
              .replace(/\/page$/, "")
              .replace(/\/\([^/)]+\)/g, "") || "/",
        ),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The page's path: the first page that uses the action, its [params] filled in. */
export function pagePathOf(action: BuiltServerAction, params: Record<string, string>): string {
  const route = action.pages[0];
  if (!route) throw new Error(`${action.name} is used by no page`);
  return route.replace(/\[(\w+)\]/g, (_, param: string) => {
    const value = params[param];
    if (value === undefined) throw new Error(`${action.name}: no value for [${param}] in ${route}`);
    return encodeURIComponent(value);
  });
}

/** Calls the action as a page does; answers what the action returned. */
export async function callServerAction(
  api: APIRequestContext,
  baseURL: string,
  action: BuiltServerAction,
  page: string,
  args: unknown[],
): Promise<unknown> {
  const body = await encodeReply(args);
  const headers = { "Next-Action": action.id, Origin: baseURL, Accept: "text/x-component" };
  const response =
    typeof body === "string"
      ? await api.post(page, { headers: { ...headers, "Content-Type": "text/plain;charset=UTF-8" }, data: body })
      : await api.post(page, { headers, multipart: body });
  if (response.status() !== 200 || !response.headers()["content-type"]?.startsWith("text/x-component")) {
    throw new Error(
      `${action.name} at ${page} answered ${response.status()}: ${(await response.text()).slice(0, 300)}`,
    );
  }
  const stream = new Response(new Uint8Array(await response.body())).body as ReadableStream<Uint8Array>;
  const root = (await createFromReadableStream(stream, {
    serverConsumerManifest: { moduleMap: {}, serverModuleMap: null, moduleLoading: null },
  })) as { a: Promise<unknown> };
  return await root.a;
}
