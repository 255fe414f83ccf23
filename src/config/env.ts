// The only reader of process.env: parsed once with zod, frozen, with defaults that just work.
import { z } from "zod";

const envFields = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  /** Where the fact files live; the committed data/facts by default. */
  KEIYARD_FACTS_DIR: z.string().min(1).optional(),
  /** A PostgreSQL server (postgres://user@host/db); unset means the embedded PGlite database. */
  DATABASE_URL: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")
      .optional(),
  ),
  /** Folder of the embedded database (git-ignored); used only when DATABASE_URL is unset. */
  KEIYARD_DATA_DIR: z.string().min(1).default(".data/db"),
  /** Folder of listing photos on disk (the default storage; an object store can replace it). */
  KEIYARD_PHOTOS_DIR: z.string().min(1).default(".data/photos"),
  /** Where photos live: "disk" (KEIYARD_PHOTOS_DIR) or "s3", an S3-compatible object store (KEIYARD_S3_*). */
  KEIYARD_PHOTOS_STORE: z.enum(["disk", "s3"]).default("disk"),
  /** The object store's address; AWS S3 in KEIYARD_S3_REGION when unset. */
  KEIYARD_S3_ENDPOINT: z.preprocess((v) => (v === "" ? undefined : v), z.string().url().optional()),
  KEIYARD_S3_REGION: z.string().min(1).default("us-east-1"),
  KEIYARD_S3_BUCKET: z.preprocess((v) => (v === "" ? undefined : v), z.string().min(3).max(63).optional()),
  /** Prepended to every photo key ("keiyard/"), so one bucket can hold more than this site. */
  KEIYARD_S3_PREFIX: z
    .string()
    .regex(/^([A-Za-z0-9_-][A-Za-z0-9._-]*\/)*$/, "must be empty or end with a slash, like keiyard/")
    .default(""),
  /** The object store's credentials, under the names every S3 tool reads. */
  AWS_ACCESS_KEY_ID: z.preprocess((v) => (v === "" ? undefined : v), z.string().optional()),
  AWS_SECRET_ACCESS_KEY: z.preprocess((v) => (v === "" ? undefined : v), z.string().optional()),
  AWS_SESSION_TOKEN: z.preprocess((v) => (v === "" ? undefined : v), z.string().optional()),
  /**
   * The yen rate this site converts Japan listings with, shown beside every converted price. An operator
   * setting, not a fact: the default 150 is the middle of the illustrative 140-160 band the fact data
   * uses for typical costs (import-rules.json meta.notes), not a market rate.
   */
  KEIYARD_JPY_PER_USD: z.coerce.number().gt(10).lt(1000).default(150),
  /** "auto": seed demo listings into an empty database at start-up; "off": never. */
  KEIYARD_DEMO: z.enum(["auto", "off"]).default("auto"),
  KEIYARD_DEMO_COUNT: z.coerce.number().int().min(0).max(200_000).default(2000),
  LOG_LEVEL: z.enum(["silent", "error", "info", "debug"]).default("info"),
  /** Multiplies every rate limit (2 doubles them); 0 turns rate limiting off (load tests only). */
  KEIYARD_RATE_LIMIT_SCALE: z.coerce.number().min(0).max(1000).default(1),
  /** Behind a load balancer: take the client address from X-Forwarded-For's first entry. */
  TRUST_PROXY: z.enum(["0", "1", "true", "false"]).default("0"),
  /** A real mail server (smtp://user:pass@host:587); unset writes mail to KEIYARD_OUTBOX_DIR instead. */
  SMTP_URL: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
      .optional(),
  ),
  /** Where mail goes without SMTP_URL (viewable at /dev/outbox outside production). */
  KEIYARD_OUTBOX_DIR: z.string().min(1).default(".data/outbox"),
  MAIL_FROM: z.string().min(3).default("keiyard <alerts@keiyard.localhost>"),
  /** The site's public address, for links in emails (http://localhost:<port> when unset). */
  PUBLIC_URL: z.preprocess((v) => (v === "" ? undefined : v), z.string().url().optional()),
  /** How often the job runner checks saved searches and sends mail; 0 turns it off. */
  KEIYARD_JOBS_INTERVAL_MS: z.coerce.number().int().min(0).default(30_000),
});

const envSchema = envFields.superRefine((v, ctx) => {
  if (v.KEIYARD_PHOTOS_STORE !== "s3") return;
  for (const name of ["KEIYARD_S3_BUCKET", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"] as const)
    if (!v[name])
      ctx.addIssue({ code: "custom", path: [name], message: "required when KEIYARD_PHOTOS_STORE=s3" });
});

export type Config = Readonly<z.infer<typeof envSchema>>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ConfigError(`invalid environment variable ${issue?.path.join(".")}: ${issue?.message}`);
  }
  return Object.freeze(result.data);
}

let cached: Config | undefined;
export function getConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
