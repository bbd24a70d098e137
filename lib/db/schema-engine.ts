// Prisma's schema engine compiled to WebAssembly (@prisma/schema-engine-wasm), for what needs the
// engine itself: turning schema.prisma into SQL. Its package entry imports the .wasm file as an
// ES module, which Node 20 cannot do, so we compile and instantiate it ourselves and hand the
// instance to its JS bindings (what that entry would do).
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";

type Bindings = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");

let loading: Promise<Bindings> | undefined;

function loadBindings(): Promise<Bindings> {
  loading ??= (async () => {
    const bindingsFile = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bindings: Bindings = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const wasm = await WebAssembly.compile(
      await readFile(path.join(path.dirname(bindingsFile), "schema_engine_bg.wasm")),
    );
    const instance = await WebAssembly.instantiate(wasm, { "./schema_engine_bg.js": bindings });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bindings;
  })();
  return loading;
}

/** Runs `fn` with an engine for `schema` (the text of schema.prisma), then frees it. */
export async function withSchemaEngine<T>(
  schema: string,
  adapter: SqlMigrationAwareDriverAdapterFactory,
  fn: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const { SchemaEngine } = await loadBindings();
  const engine = await SchemaEngine.new(
    { datamodels: [["schema.prisma", schema]] },
    (message: string) => {
      if (process.env.SCHEMA_ENGINE_LOG) process.stderr.write(`${message}\n`);
    },
    bindMigrationAwareSqlAdapterFactory(adapter),
  );
  try {
    return await fn(engine);
  } finally {
    engine.free();
  }
}
