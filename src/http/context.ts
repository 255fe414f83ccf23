// What every request may carry, and the dependencies the marketplace routes take.
import type { Database } from "../db/client.js";
import type { IsoDate } from "../domain/units/dates.js";
import type { Facts } from "../facts/schemas.js";
import type { PhotoStorage } from "../photos/storage.js";
import type { PublicUser } from "../services/accounts.js";
import type { ViewCounts } from "../services/view-counts.js";

export interface MarketDeps {
  database: Database;
  storage: PhotoStorage;
  /** The site's yen rate for Japan listings, set by the operator (KEIYARD_JPY_PER_USD) and shown with prices. */
  jpyPerUsd: number;
  /** Secure cookies behind HTTPS (production). */
  secureCookies: boolean;
  /** Rate limits: a multiplier (0: off) and whether X-Forwarded-For names the client. Default 1, no. */
  rateLimits?: { scale: number; trustProxy: boolean };
  /**
   * The site's public address for links in emails. The server always sets it (PUBLIC_URL, else its own
   * local address); only in-process tests leave it unset, and get the request's origin.
   */
  publicUrl?: string;
  /** The outbox folder, shown at /dev/outbox (only set outside production, without SMTP_URL). */
  outboxDir?: string;
  /** Asks the job runner to run soon (after queuing mail a user waits for, such as a reset link). */
  kickJobs?: () => void;
  /** Listing page views, written in batches (services/view-counts.ts); without it, one write a view. */
  views?: ViewCounts;
}

export interface AppDeps {
  facts: Facts;
  /** Today's date as the server sees it; passed into the domain, never read there. */
  today: () => IsoDate;
  /** The database-backed marketplace; the knowledge pages and API work without it. */
  market?: MarketDeps;
  /** Structured request log (one object per request); none in tests. */
  log?: (entry: Record<string, unknown>) => void;
}

export type AppEnv = {
  Variables: {
    user: PublicUser | null;
    /** The visitor's home state: the account's, else the cookie's, else null. */
    viewerState: string | null;
    sessionToken: string | null;
  };
};
