// Relations for drizzle's relational queries (db.query.listings.findMany({ with: { photos: true } })).
// Kept apart so the table files import each other in one direction only.
import { relations } from "drizzle-orm";
import { listingEvents, listingPhotos, listings } from "./listings.js";
import { sessions, users } from "./users.js";

export const usersRelations = relations(users, ({ many }) => ({
  sessions: many(sessions),
  listings: many(listings),
}));

export const sessionsRelations = relations(sessions, ({ one }) => ({
  user: one(users, { fields: [sessions.userId], references: [users.id] }),
}));

export const listingsRelations = relations(listings, ({ one, many }) => ({
  seller: one(users, { fields: [listings.sellerId], references: [users.id] }),
  photos: many(listingPhotos),
  events: many(listingEvents),
}));

export const listingPhotosRelations = relations(listingPhotos, ({ one }) => ({
  listing: one(listings, { fields: [listingPhotos.listingId], references: [listings.id] }),
}));

export const listingEventsRelations = relations(listingEvents, ({ one }) => ({
  listing: one(listings, { fields: [listingEvents.listingId], references: [listings.id] }),
}));
