import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { countWords, GuideError, loadGuides, parseGuide, readingMinutes } from "./load.js";

const FRONT = `---
title: A test guide
summary: A summary long enough to pass the check.
author: keiyard
published: 2026-11-20
tags: [basics]
---
`;

describe("parseGuide", () => {
  it("reads the front matter and the body; updated defaults to published", () => {
    const g = parseGuide("content/guides/a-test.md", `${FRONT}\n## Hello\n\nText.\n`);
    expect(g.slug).toBe("a-test");
    expect(g.meta).toMatchObject({ title: "A test guide", published: "2026-11-20", updated: "2026-11-20" });
    expect(g.meta.models).toEqual([]);
    expect(g.body).toBe("\n## Hello\n\nText.\n");
  });

  it.each([
    ["no front matter", "## Hello", /a\.md: expected front matter between "---" lines/],
    ["bad YAML", "---\ntitle: [oops\n---\nx", /a\.md: front matter is not valid YAML/],
    [
      "a missing field",
      FRONT.replace("author: keiyard\n", ""),
      /a\.md: invalid front matter\n {2}- field author:/,
    ],
    [
      "a bad date",
      FRONT.replace("2026-11-20", "20 Nov 2026"),
      /field published: expected a calendar date YYYY-MM-DD/,
    ],
    [
      "an unknown field",
      FRONT.replace("tags:", "colour: red\ntags:"),
      /front matter: Unrecognized key.*colour/,
    ],
    ["a bad tag", FRONT.replace("[basics]", "[Basics Stuff]"), /field tags\.0: expected a lower-case tag/],
    [
      "updated before published",
      FRONT.replace("tags:", "updated: 2026-01-01\ntags:"),
      /field updated: updated must not be before published/,
    ],
    [
      "a bad model code",
      FRONT.replace("tags:", "models: [da63t]\ntags:"),
      /field models\.0: expected a chassis code/,
    ],
    ["no body", FRONT, /a\.md: the guide has no text/],
  ])("names the file and field for %s", (_, text, message) => {
    expect(() => parseGuide("content/guides/a.md", `${text}\n`)).toThrow(GuideError);
    expect(() => parseGuide("content/guides/a.md", `${text}\n`)).toThrow(message);
  });

  it("refuses a file name that is not a slug", () => {
    expect(() => parseGuide("content/guides/My Guide.md", `${FRONT}x`)).toThrow(
      /the file name must be a slug/,
    );
  });
});

describe("loadGuides", () => {
  it("reads every .md file of a folder, newest first", () => {
    const dir = mkdtempSync(join(tmpdir(), "keiyard-guides-"));
    writeFileSync(join(dir, "older.md"), `${FRONT}x`);
    writeFileSync(join(dir, "newer.md"), `${FRONT.replace("2026-11-20", "2026-11-22")}x`);
    writeFileSync(join(dir, "notes.txt"), "ignored");
    expect(loadGuides(dir).map((g) => g.slug)).toEqual(["newer", "older"]);
  });

  it("stops at a bad file, naming it", () => {
    const dir = mkdtempSync(join(tmpdir(), "keiyard-guides-"));
    writeFileSync(join(dir, "broken.md"), FRONT.replace("title: A test guide", "title: Hi"));
    expect(() => loadGuides(dir)).toThrow(/broken\.md: invalid front matter\n {2}- field title: Too small/);
  });

  it("loads the repository's guides", () => {
    const guides = loadGuides();
    expect(guides.length).toBeGreaterThanOrEqual(6);
    expect(new Set(guides.map((g) => g.slug)).size).toBe(guides.length);
  });
});

describe("reading time", () => {
  it("counts words, not punctuation or markup", () => {
    expect(countWords("Kei trucks — they're small, 4WD and 660-cc.")).toBe(7);
    expect(countWords("")).toBe(0);
  });

  it("rounds to whole minutes at 200 words a minute, at least one", () => {
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(299)).toBe(1);
    expect(readingMinutes(300)).toBe(2);
    expect(readingMinutes(1000)).toBe(5);
  });
});
