// The front matter of a guide (content/guides/<slug>.md), validated at start-up like the fact files.
import { z } from "zod";
import { isoDateString } from "../services/inputs.schema.js";

const tag = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "expected a lower-case tag such as 25-year-rule");

export const guideFrontMatterSchema = z
  .object({
    title: z.string().trim().min(5).max(120),
    /** One or two sentences: the index, the feed and share cards show it. */
    summary: z.string().trim().min(20).max(300),
    author: z.string().trim().min(1).max(80),
    published: isoDateString,
    /** The last real change to the content; defaults to `published`. */
    updated: isoDateString.optional(),
    tags: z.array(tag).min(1).max(8),
    /** Place on the guides page, lower first (a reading order); guides without one follow, newest first. */
    order: z.number().int().min(1).max(999).optional(),
    /** Chassis codes of the catalog the guide is about (related models). */
    models: z
      .array(z.string().regex(/^[A-Z0-9]+$/, "expected a chassis code such as DA63T"))
      .max(8)
      .default([]),
    /** A /trucks search for the related listings (the same parameters); default: from the tags. */
    listings: z.record(z.string(), z.union([z.string(), z.number()]).transform(String)).optional(),
  })
  .strict()
  .refine((g) => !g.updated || g.updated >= g.published, {
    message: "updated must not be before published",
    path: ["updated"],
  });

export type GuideFrontMatter = z.infer<typeof guideFrontMatterSchema>;

/** A guide as read from its file: validated front matter and the Markdown body. */
export interface GuideSource {
  slug: string;
  /** The file, as named in error messages. */
  file: string;
  meta: GuideFrontMatter & { updated: string };
  body: string;
}

export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
