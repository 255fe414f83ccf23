// Everything drizzle needs to know about the database; drizzle.config.ts and client.ts read this file.
export * from "./listings.js";
export * from "./relations.js";
export * from "./users.js";
