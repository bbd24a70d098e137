// What PostgreSQL's catalog says about a database's schema, in a form two databases can be
// compared by: tables with their columns, indexes and constraints, enums and sequences. Only
// what schema.prisma can express is included; CHECK constraints, triggers, views and functions
// that a migration adds by hand are left out, so adding them never reads as drift. Column and
// enum value order are ignored too: ALTER TABLE ADD COLUMN and ALTER TYPE ADD VALUE append.
import pg from "pg";

export interface ColumnShape {
  type: string;
  notNull: boolean;
  default: string | null;
  identity: string;
  generated: string;
}

export interface TableShape {
  columns: Record<string, ColumnShape>;
  /** Index name → CREATE INDEX statement (primary keys and unique constraints have one too). */
  indexes: Record<string, string>;
  /** Constraint name → definition: primary keys, unique, foreign keys, exclusion. */
  constraints: Record<string, string>;
}

export interface SchemaCatalog {
  tables: Record<string, TableShape>;
  enums: Record<string, string[]>;
  sequences: Record<string, string>;
}

export async function describeSchema(url: string): Promise<SchemaCatalog> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const catalog: SchemaCatalog = { tables: {}, enums: {}, sequences: {} };
    const table = (name: string) => {
      catalog.tables[name] ??= { columns: {}, indexes: {}, constraints: {} };
      return catalog.tables[name];
    };
    for (const row of await rows(client, COLUMNS)) {
      table(row.table).columns[row.name] = {
        type: row.type,
        notNull: row.not_null,
        default: row.default,
        identity: row.identity,
        generated: row.generated,
      };
    }
    for (const row of await rows(client, INDEXES)) table(row.table).indexes[row.name] = row.definition;
    for (const row of await rows(client, CONSTRAINTS)) table(row.table).constraints[row.name] = row.definition;
    for (const row of await rows(client, ENUMS)) catalog.enums[row.name] = [...row.labels].sort();
    for (const row of await rows(client, SEQUENCES)) catalog.sequences[row.name] = row.definition;
    return catalog;
  } finally {
    await client.end();
  }
}

// biome-ignore lint/suspicious/noExplicitAny: rows of the fixed queries below
async function rows(client: pg.Client, sql: string): Promise<any[]> {
  return (await client.query(sql)).rows;
}

const IN_SCHEMA = "n.nspname = current_schema()";

const COLUMNS = `
  SELECT c.relname AS table, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
         a.attnotnull AS not_null, pg_get_expr(d.adbin, d.adrelid) AS default,
         a.attidentity::text AS identity, a.attgenerated::text AS generated
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
   WHERE ${IN_SCHEMA} AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
   ORDER BY 1, 2`;

const INDEXES = `
  SELECT c.relname AS table, i.relname AS name, pg_get_indexdef(i.oid) AS definition
    FROM pg_index x
    JOIN pg_class i ON i.oid = x.indexrelid
    JOIN pg_class c ON c.oid = x.indrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE ${IN_SCHEMA}
   ORDER BY 1, 2`;

const CONSTRAINTS = `
  SELECT c.relname AS table, k.conname AS name, pg_get_constraintdef(k.oid) AS definition
    FROM pg_constraint k
    JOIN pg_class c ON c.oid = k.conrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE ${IN_SCHEMA} AND k.contype IN ('p', 'u', 'f', 'x')
   ORDER BY 1, 2`;

const ENUMS = `
  SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
    FROM pg_type t
    JOIN pg_enum e ON e.enumtypid = t.oid
    JOIN pg_namespace n ON n.oid = t.typnamespace
   WHERE ${IN_SCHEMA}
   GROUP BY 1
   ORDER BY 1`;

const SEQUENCES = `
  SELECT sequencename AS name,
         format('%s start %s increment %s min %s max %s cycle %s', data_type, start_value, increment_by,
                min_value, max_value, cycle) AS definition
    FROM pg_sequences
   WHERE schemaname = current_schema()
   ORDER BY 1`;
