// Demo data: deterministic sellers and listings from the catalog (src/domain/listings/demo.ts), with a
// small pool of generated, clearly labelled illustrations shared by the listings, so a newcomer sees a
// living marketplace within a minute. Every demo row is marked is_demo and says so on the page.
import { sql } from "drizzle-orm";
import { type Database, withTransaction } from "../db/client.js";
import { reviews } from "../db/schema/community.js";
import { listingPhotos, listingPrices, listings, type NewListing } from "../db/schema/listings.js";
import { users } from "../db/schema/users.js";
import { watches } from "../db/schema/watchlist.js";
import { generateDemoListings, generateDemoSellers } from "../domain/listings/demo.js";
import { demoPriceHistory, demoReview } from "../domain/listings/demo-market.js";
import { demoPersonName } from "../domain/listings/demo-text.js";
import { dropPercent } from "../domain/listings/price-history.js";
import type { IsoDate } from "../domain/units/dates.js";
import { streamOf } from "../domain/units/random.js";
import type { Facts } from "../facts/schemas.js";
import { getGuides } from "../guides/load.js";
import { generateDemoPhoto } from "../photos/demo-photo.js";
import { savePhotoVariants } from "../photos/photos.js";
import { processPhoto } from "../photos/process.js";
import type { PhotoStorage } from "../photos/storage.js";
import { hashPassword } from "./accounts.js";
import { refreshDealRatings } from "./deals.js";
import { rowFromDraft } from "./listings.js";
import { seedDemoComments } from "./seed-comments.js";

export const DEMO_LOGIN = { email: "demo-seller@keiyard.test", password: "keiyard-demo-seller" };
/** A buyer who has bought and reviewed demo trucks and watches a few whose prices changed. */
export const DEMO_BUYER_LOGIN = { email: "demo-buyer@keiyard.test", password: "keiyard-demo-buyer" };
const DAY_MS = 86_400_000;
const PHOTO_POOL = 12;

export interface SeedOptions {
  count: number;
  seed?: number;
  today: IsoDate;
  jpyPerUsd: number;
  log?: (line: string) => void;
}

/** True when the database has no users yet (a fresh embedded database). */
export async function isEmpty(database: Database): Promise<boolean> {
  const [row] = await database.db.select({ n: sql<number>`count(*)::int` }).from(users);
  return (row?.n ?? 0) === 0;
}

async function demoPhotoPool(
  storage: PhotoStorage,
): Promise<{ key: string; width: number; height: number }[]> {
  const pool = [];
  for (let i = 0; i < PHOTO_POOL; i++) {
    const photo = await processPhoto(
      await generateDemoPhoto(i + 1, {
        title: "Demo kei truck",
        subtitle: `Illustration ${i + 1} of ${PHOTO_POOL}`,
      }),
    );
    // Shared by many listings under a prefix of its own, so deleting one listing's photos keeps them.
    await savePhotoVariants(storage, "demo", `pool-${i}`, photo);
    pool.push({ key: `listings/demo/pool-${i}`, width: photo.width, height: photo.height });
  }
  return pool;
}

export async function seedDemo(database: Database, storage: PhotoStorage, facts: Facts, o: SeedOptions) {
  const log = o.log ?? (() => {});
  // Seeding again adds more: emails stay unique, only the first run creates the demo login, and the
  // default seed moves on so a second run adds different trucks rather than copies.
  const [existing] = await database.db.select({ n: sql<number>`count(*)::int` }).from(users);
  const offset = existing?.n ?? 0;
  const seed = o.seed ?? 20261124 + offset;
  const started = Date.now();
  const stateCodes = facts.stateRules.map((s) => s.code);
  const sellerCount = Math.max(12, Math.round(o.count / 40));
  const sellers = generateDemoSellers(sellerCount, seed, stateCodes);
  const demoHash = await hashPassword(DEMO_LOGIN.password);
  const buyerHash = await hashPassword(DEMO_BUYER_LOGIN.password);
  const buyerCount = Math.max(8, Math.round(o.count / 100));
  const buyerRng = streamOf(seed, 0x42555952);
  // Generated sellers cannot log in (no password hashes to this string); the one demo login can.
  const unusable = "!demo-account-no-login";
  const ctx = { facts, today: o.today, jpyPerUsd: o.jpyPerUsd };
  const drafts = generateDemoListings({
    count: o.count,
    seed,
    sellers: sellerCount,
    catalog: facts.catalog,
    stateCodes,
    today: o.today,
    sellerProfiles: sellers,
  });
  const pool = await demoPhotoPool(storage);
  const now = Date.now();

  await withTransaction(database, async (tx) => {
    const userRows = await tx
      .insert(users)
      .values(
        sellers.map((s, i) => ({
          email: i === 0 && offset === 0 ? DEMO_LOGIN.email : `demo-seller-${offset + i}@keiyard.test`,
          passwordHash: i === 0 && offset === 0 ? demoHash : unusable,
          displayName: s.displayName,
          role: "seller" as const,
          sellerKind: s.kind,
          dealerName: s.dealerName,
          homeState: s.homeState,
          // Members for a while: their demo sales and reviews go back months.
          createdAt: new Date(now - (400 + (i % 300)) * DAY_MS),
          // Demo addresses (keiyard.test) count as confirmed: the demo logins' alerts work at once.
          emailConfirmedAt: new Date(now - (400 + (i % 300)) * DAY_MS),
        })),
      )
      .returning({ id: users.id });
    const buyerRows = await tx
      .insert(users)
      .values(
        Array.from({ length: buyerCount }, (_, i) => ({
          email: i === 0 && offset === 0 ? DEMO_BUYER_LOGIN.email : `demo-buyer-${offset + i}@keiyard.test`,
          passwordHash: i === 0 && offset === 0 ? buyerHash : unusable,
          displayName: demoPersonName(buyerRng),
          role: "buyer" as const,
          createdAt: new Date(now - (300 + (i % 200)) * DAY_MS),
          emailConfirmedAt: new Date(now - (300 + (i % 200)) * DAY_MS),
        })),
      )
      .returning({ id: users.id });
    const watched: { listingId: number; seenUsd: number | null; seenJpy: number | null }[] = [];
    const askedAbout: { id: number; sellerId: number }[] = [];
    for (let i = 0; i < drafts.length; i += 500) {
      const chunk = drafts.slice(i, i + 500);
      const rows: NewListing[] = [];
      const histories: { at: Date; usd: number | null; jpy: number | null }[][] = [];
      const sales: (NonNullable<ReturnType<typeof demoReview>> & { soldAt: Date })[] = [];
      chunk.forEach((d, j) => {
        const created = new Date(now - d.createdDaysAgo * DAY_MS - (i % 997) * 1000);
        const row = rowFromDraft(d, ctx);
        const us = row.location === "us";
        const current = us ? (row.priceUsdCents ?? 0) / 100 : (row.priceJpy ?? 0);
        const steps = demoPriceHistory(seed, i + j, d.createdDaysAgo, current, us ? 50 : 1000);
        const at = (daysAgo: number, k: number) => (k === 0 ? created : new Date(now - daysAgo * DAY_MS));
        histories.push(
          steps.map((s, k) => ({
            at: at(s.daysAgo, k),
            usd: us ? Math.round(s.amount * 100) : null,
            jpy: us ? null : s.amount,
          })),
        );
        const [before, last] = [steps.at(-2), steps.at(-1)!];
        const review = d.status === "sold" ? demoReview(seed, i + j, buyerCount) : null;
        if (review) sales[j] = { ...review, soldAt: created };
        rows.push({
          ...row,
          sellerId: userRows[d.sellerIndex]!.id,
          status: d.status,
          isDemo: true,
          createdAt: created,
          updatedAt: created,
          soldAt: d.status === "sold" ? created : null,
          soldToId: review ? buyerRows[review.buyerIndex]!.id : null,
          priceChangedAt: before ? at(last.daysAgo, steps.length - 1) : null,
          priceDropPercent: before ? dropPercent(before.amount, last.amount) : null,
        });
      });
      const inserted = await tx.insert(listings).values(rows).returning({ id: listings.id });
      await tx.insert(listingPrices).values(
        inserted.flatMap((row, j) =>
          histories[j]!.map((h) => ({
            listingId: row.id,
            priceUsdCents: h.usd,
            priceJpy: h.jpy,
            at: h.at,
          })),
        ),
      );
      const reviewRows = inserted.flatMap((row, j) => {
        const s = sales[j];
        if (!s) return [];
        return [
          {
            listingId: row.id,
            listingTitle: rows[j]!.title,
            sellerId: rows[j]!.sellerId,
            buyerId: buyerRows[s.buyerIndex]!.id,
            rating: s.rating,
            body: s.body,
            createdAt: new Date(Math.min(now, s.soldAt.getTime() + s.daysAfterSale * DAY_MS)),
            reply: s.reply,
            repliedAt: s.reply
              ? new Date(Math.min(now, s.soldAt.getTime() + (s.daysAfterSale + 1) * DAY_MS))
              : null,
          },
        ];
      });
      if (reviewRows.length) await tx.insert(reviews).values(reviewRows);
      // The demo buyer watches a few trucks whose price changed, last seen at the earlier price.
      inserted.forEach((row, j) => {
        const h = histories[j]!;
        if (askedAbout.length < 5 && rows[j]!.status === "active")
          askedAbout.push({ id: row.id, sellerId: rows[j]!.sellerId });
        if (watched.length < 4 && h.length > 1 && rows[j]!.status === "active")
          watched.push({ listingId: row.id, seenUsd: h.at(-2)!.usd, seenJpy: h.at(-2)!.jpy });
      });
      const photos = inserted.flatMap((row, j) =>
        Array.from({ length: chunk[j]!.photoCount }, (_, k) => {
          const p = pool[(chunk[j]!.photoSeed + k) % pool.length]!;
          return { listingId: row.id, position: k, storageKey: p.key, width: p.width, height: p.height };
        }),
      );
      if (photos.length) await tx.insert(listingPhotos).values(photos);
    }
    if (offset === 0)
      await seedDemoComments(tx, {
        seed,
        now,
        guideSlugs: getGuides().map((g) => g.slug),
        listings: askedAbout,
        buyerIds: buyerRows.map((b) => b.id),
      });
    if (offset === 0 && watched.length)
      await tx.insert(watches).values(
        watched.map((w) => ({
          userId: buyerRows[0]!.id,
          listingId: w.listingId,
          seenPriceUsdCents: w.seenUsd,
          seenPriceJpy: w.seenJpy,
          seenStatus: "active" as const,
          seenAt: new Date(now - 30 * DAY_MS),
        })),
      );
  });
  const deals = await refreshDealRatings(database);
  // Rating every new row rewrote it once: compact the table (it halves the heap search scans; PGlite
  // never vacuums on its own), then fresh statistics and a visibility map after the bulk load.
  await database.db.execute(sql`vacuum full listings`);
  await database.db.execute(sql`vacuum analyze listings`);
  log(
    `seeded ${drafts.length} demo listings from ${sellerCount} demo sellers in ${Date.now() - started} ms (${deals.rated} rated)`,
  );
  return { listings: drafts.length, sellers: sellerCount };
}
