// The rows the fuzz requests are about: a seller who owns a listing, a sale to a buyer (not yet reviewed)
// and a reviewed one, a saved search, a stranger with no part in any of it, and their sessions.
import { insertUser } from "../../src/db/repos/users.repo.js";
import { unsubscribeUrl } from "../../src/services/alerts.js";
import { listingOf, reviewOf, savedSearchOf, sessionFor, soldListing } from "../authz/fixtures.js";
import type { Market } from "../market.js";
import type { SessionTokens } from "./run.js";
import type { FuzzIds } from "./targets.js";

export async function createFuzzWorld(market: Market): Promise<{ ids: FuzzIds; tokens: SessionTokens }> {
  const db = market.database.db;
  const user = (name: string, role: "buyer" | "seller") =>
    insertUser(db, {
      email: `${name}@fuzz.example`,
      passwordHash: "not-a-hash",
      displayName: name,
      role,
      sellerKind: role === "seller" ? "private" : null,
    });
  const owner = await user("owner", "seller");
  const buyer = await user("buyer", "buyer");
  const stranger = await user("stranger", "buyer");
  const listing = await listingOf(db, owner.id);
  const sold = await soldListing(db, owner.id, buyer.id);
  const review = await reviewOf(db, owner.id, buyer.id);
  const saved = await savedSearchOf(db, owner.id);
  // The site's signing secret is made on first use: make it now, so the fuzz run does not.
  await unsubscribeUrl(db, "http://localhost", saved.id);
  return {
    ids: { listing: listing.id, soldListing: sold.id, review: review.id, savedSearch: saved.id },
    tokens: {
      owner: await sessionFor(db, owner.id),
      buyer: await sessionFor(db, buyer.id),
      stranger: await sessionFor(db, stranger.id),
    },
  };
}
