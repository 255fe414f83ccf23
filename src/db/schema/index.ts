// Everything drizzle needs to know about the database; drizzle.config.ts and client.ts read this file.
export * from "./alerts.js";
export * from "./community.js";
export * from "./listings.js";
export * from "./lots.js";
export * from "./ops.js";
export * from "./relations.js";
export * from "./users.js";
export * from "./watchlist.js";
