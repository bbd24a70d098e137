import { defineConfig } from "prisma/config";

// Read the variable directly: prisma's env() throws during `generate` when it is unset.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
