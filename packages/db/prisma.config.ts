import { defineConfig } from "prisma/config";

// The CLI needs a URL only for `migrate deploy`/`studio` on a developer's machine; generate needs none.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/emporium" },
});
