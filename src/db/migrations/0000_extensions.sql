-- Hand-written (drizzle-kit cannot express extensions). pg_trgm backs the typo-tolerant model and
-- chassis-code search; PGlite loads it from @electric-sql/pglite/contrib/pg_trgm (see client.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
