// `npm run db:generate` diffs src/db/schema against the committed snapshots and writes the next
// migration. Hand-written SQL (extensions) goes in `npx drizzle-kit generate --custom` files.
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./src/db/schema/index.ts",
  out: "./src/db/migrations",
  strict: true,
});
