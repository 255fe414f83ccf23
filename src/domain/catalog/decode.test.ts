import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadFacts } from "../../facts/load.js";
import type { CatalogEntry } from "../../facts/schemas.js";
import { type DecodeResult, decodeFrameNumber, normalizeFrameInput, suggestChassisCodes } from "./decode.js";

const { catalog } = loadFacts();
const decode = (s: string) => decodeFrameNumber(s, catalog);

function decoded(s: string): Extract<DecodeResult, { kind: "decoded" }> {
  const r = decode(s);
  if (r.kind !== "decoded") throw new Error(`${s} did not decode: ${JSON.stringify(r)}`);
  return r;
}

/** The answer without the raw input it echoes, so two spellings can be compared. */
function answer(r: DecodeResult): unknown {
  const { input: _input, ...rest } = r as DecodeResult & { input?: string };
  return rest;
}

describe("decodeFrameNumber: accepted forms", () => {
  it.each([
    ["DA63T-123456", "DA63T", "123456", null],
    ["da63t 123456", "DA63T", "123456", null],
    ["DA63T123456", "DA63T", "123456", null],
    ["HA4", "HA4", null, null],
    ["HA4-", "HA4", null, null],
    ["HA4123456", "HA4", "123456", null], // a code ending in a digit, split by the catalog
    ["ha4 - 1234567", "HA4", "1234567", null],
    ["GD-DA52T", "DA52T", null, "GD"],
    ["V-KS4", "KS4", null, "V"],
    ["LE-HA6-1000001", "HA6", "1000001", "LE"],
    ["EBD-DA63T-123456", "DA63T", "123456", "EBD"],
    ["EBD-DA63T123456", "DA63T", "123456", "EBD"],
    ["GBD-DA63T-000123", "DA63T", "000123", "GBD"],
    ["HBD-DA16T-100001", "DA16T", "100001", "HBD"],
    ["3BD-DA16T", "DA16T", null, "3BD"],
    ["KC-DD51T-555555", "DD51T", "555555", "KC"],
    ["Q-DA71T", "DA71T", null, "Q"],
    ["M-DH41T", "DH41T", null, "M"],
    ["S-K77", "K77", null, "S"],
    ["E-KT1", "KT1", null, "E"],
    ["N-U14T", "U14T", null, "N"],
    ["GC-HA4", "HA4", null, "GC"],
    ["TE-S211P-1", "S211P", "1", "TE"],
    ["ABA-S200P", "S200P", null, "ABA"],
    ["DBA-S211P-0123456", "S211P", "0123456", "DBA"],
    ["TA-HA7", "HA7", null, "TA"], // TA is both an emissions prefix and a Honda code
    ["TA-1234", "TA", "1234", null],
    ["ＤＡ６３Ｔ", "DA63T", null, null],
    ["ＤＡ６３Ｔ－１２３４５６", "DA63T", "123456", null],
    ["ｇｄ－ｄａ５２ｔ", "DA52T", null, "GD"],
    ["DA63T‐123456", "DA63T", "123456", null],
    ["DA63T–123456", "DA63T", "123456", null],
    ["DA63T—123456", "DA63T", "123456", null],
    ["DA63Tー123456", "DA63T", "123456", null],
    ["DA63T－123456", "DA63T", "123456", null],
    ["  da63t  --  123 456 ", "DA63T", "123456", null],
    ["\tDA63T\u3000123456\n", "DA63T", "123456", null],
    ["DA 63T-123456", "DA63T", "123456", null], // a space inside the code, then a separator after it
  ])("%j -> %s serial %s prefix %s", (input, code, serial, prefix) => {
    const r = decoded(input);
    expect([r.chassisCode, r.serial, r.emissionsPrefix]).toEqual([code, serial, prefix]);
    expect(r.entry.framePrefix).toBe(code);
  });

  it("keeps the serial as written, leading zeros included, and reads no date from it", () => {
    const a = decoded("DA63T-000001");
    const b = decoded("DA63T-999999");
    expect(a.serial).toBe("000001");
    const keys = "chassisCode drive driveNote emissionsPrefix entry kind prefixHint serial warnings";
    expect(Object.keys(a).sort()).toEqual(keys.split(" "));
    expect({ ...a, serial: null }).toEqual({ ...b, serial: null }); // the serial changes nothing else
  });
});

describe("decodeFrameNumber: refusals", () => {
  it("never reads S21-123 as S211P: an unknown code with suggestions beside it", () => {
    const r = decode("S21-123");
    expect(r).toEqual({
      kind: "unknown",
      input: "S21-123",
      normalized: "S21-123",
      candidateCode: "S21",
      suggestions: expect.arrayContaining(["S211P"]),
    });
    expect(r).not.toHaveProperty("entry");
  });

  it.each([
    ["XX99T", "XX99T"],
    ["xx99t-123456", "XX99T"],
    ["GD-XX99T-123", "XX99T"],
    ["HA41-23456", "HA41"], // the user wrote HA41 as the code; HA4 + 123456 would be a guess
    ["TT-12345", "TT"],
    ["DA63TX", "DA63TX"],
    ["GDDA52T", "GDDA52T"], // without its hyphen a prefix cannot be told from the code
    ["ZZ", "ZZ"],
  ])("%j is unknown (candidate %s)", (input, candidate) => {
    const r = decode(input);
    expect(r.kind).toBe("unknown");
    if (r.kind !== "unknown") return;
    expect(r.candidateCode).toBe(candidate);
    expect(r.suggestions.length).toBeLessThanOrEqual(5);
    expect(r.suggestions).not.toContain(candidate);
  });

  it.each([
    ["", /empty/],
    ["   ", /empty/],
    [" - — ", /empty/],
    ["123456", /no chassis code/],
    ["DA63T/123456", /contains "\/"/],
    ["DA63T#1", /contains "#"/],
    ["🚚", /contains/],
    ["DA63T-12A456", /"12A456" is not a serial number/],
    ["DA63T12A456", /"12A456" is not a serial number/],
    ["EBD-DA63T-12345X", /after the chassis code DA63T/i],
    ["HA4-ABC", /"ABC" is not a serial/],
    ["A".repeat(300), /too long/],
    [`DA63T-${"1".repeat(40)}`, /too long/],
  ])("%j is invalid (%s)", (input, reason) => {
    const r = decode(input);
    expect(r.kind).toBe("invalid");
    if (r.kind === "invalid") expect(r.reason).toMatch(reason);
  });
});

describe("decodeFrameNumber: what a decoded code says", () => {
  it("says a 'both' code cannot tell 2WD from 4WD, and a null drive is unknown", () => {
    const both = catalog.filter((e) => e.drive === "both");
    expect(both.length).toBeGreaterThan(0);
    for (const e of both) {
      const r = decoded(`${e.framePrefix}-123456`);
      expect(r.drive).toBe("both");
      expect(r.driveNote).toMatch(/cannot tell them apart.*registration papers/);
    }
    const ta = decoded("TA");
    expect(ta.drive).toBeNull();
    expect(ta.driveNote).toMatch(/does not know whether TA is 2WD or 4WD/);
    expect(decoded("DA52T").driveNote).toBeNull();
    expect(decoded("KS4").driveNote).toMatch(/not verified/); // KS4's drive is in unverifiedFields
  });

  it("quotes the record where it mentions the exact prefixed form, and only then", () => {
    expect(decoded("GD-DA52T-100001").prefixHint).toMatch(/GD-DA52T.*2001.*documented/);
    expect(decoded("v ks4").prefixHint).toMatch(/'V-KS4' \(1990\)/);
    expect(decoded("M-DH41T").prefixHint).toMatch(/'M-DH41T' KC/);
    // DB52T's notes mention GD-DA52T, not GD-DB52T: no hint is borrowed from a sibling.
    expect(decoded("GD-DB52T").prefixHint).toBeNull();
    expect(decoded("EBD-DA63T-123456").prefixHint).toBeNull();
    expect(decoded("DA52T").prefixHint).toBeNull();
  });

  it("warns about low confidence, unverified codes and rebadges", () => {
    expect(decoded("TA").warnings.join(" ")).toMatch(/confidence in its TA record is low/);
    const dg52 = decoded("DG52T").warnings.join(" ");
    expect(dg52).toMatch(/not verified that DG52T is the chassis code/);
    expect(dg52).toMatch(/rebadge of the Suzuki Carry DA52T/);
    expect(decoded("DA63T").warnings.join(" ")).not.toMatch(/confidence/);
  });

  it.each(catalog.map((e) => [e.framePrefix, e.id]))("%s decodes to itself (%s)", (code, id) => {
    for (const form of [code, code.toLowerCase(), `${code}-123456`, `${code}123456`, `EBD-${code}-000123`]) {
      const r = decoded(form);
      expect(r.chassisCode).toBe(code);
      expect(r.entry.id).toBe(id);
      expect(r.entry.chassisCode).toBe(code);
    }
    expect(decoded(code).serial).toBeNull();
    expect(decoded(`${code}123456`).serial).toBe("123456");
  });
});

describe("decodeFrameNumber: codes that overlap (a made-up catalog)", () => {
  // The real catalog has no code that is another code plus digits; these rules wait for one.
  const base = catalog.find((e) => e.framePrefix === "DA63T")!;
  const make = (code: string, extra: Partial<CatalogEntry> = {}): CatalogEntry => ({
    ...base,
    id: `x-${code}-${extra.rebadgeOf ? "rebadge" : "original"}`,
    chassisCode: code,
    framePrefix: code,
    ...extra,
  });
  const overlapping = [make("A1"), make("A12")];

  it("prefers the longest code when nothing separates the serial, and says so", () => {
    const r = decodeFrameNumber("A12345", overlapping);
    expect(r).toMatchObject({ kind: "decoded", chassisCode: "A12", serial: "345" });
    if (r.kind === "decoded")
      expect(r.warnings[0]).toMatch(/could also be read as chassis code A1 with serial 2345/);
  });

  it("follows the user's separator over the longest code", () => {
    expect(decodeFrameNumber("A1-2345", overlapping)).toMatchObject({ chassisCode: "A1", serial: "2345" });
  });

  it("answers with the original when a rebadge shares its frame prefix", () => {
    const shared = [make("B5", { rebadgeOf: "Someone B5" }), make("B5")];
    const r = decodeFrameNumber("B5-1", shared);
    expect(r).toMatchObject({ kind: "decoded", entry: { id: "x-B5-original" } });
    if (r.kind === "decoded")
      expect(r.warnings.join(" ")).toMatch(/2 catalog records share the frame prefix B5/);
  });
});

// ---- properties ---------------------------------------------------------------------------------
const codes = [...new Set(catalog.map((e) => e.framePrefix))];
const prefixes = "GD V LE EBD GBD HBD 3BD KC Q M S E N GC TE ABA DBA".split(" ");
const hyphens = ["-", "‐", "–", "—", "ー", "－", "\u2212", "\u00AD"];
const anySeparator = fc
  .array(fc.constantFrom(" ", "\u3000", "\t", ...hyphens), { minLength: 1, maxLength: 3 })
  .map((a) => a.join(""));
const serial = fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: 1, maxLength: 8 });

/** Re-spells text: random case, full width, any separator for each separator, padding at the ends. */
function respell(text: string): fc.Arbitrary<string> {
  const chars = [...text].map((ch) => {
    if (ch === "-" || ch === " ") return anySeparator;
    const forms = [ch.toUpperCase(), ch.toLowerCase()];
    const wide = forms.map((f) => String.fromCharCode(f.charCodeAt(0) + 0xfee0)); // ＡＢＣ１２３
    return fc.constantFrom(...forms, ...wide);
  });
  const pad = fc.option(anySeparator, { nil: "" });
  return fc.tuple(pad, fc.tuple(...chars), pad).map(([a, mid, b]) => a + mid.join("") + b);
}

/** Text shaped like a frame number: maybe a prefix, a catalog or random code, maybe a serial. */
const frameLike = fc
  .tuple(
    fc.option(fc.constantFrom(...prefixes)),
    fc.oneof(fc.constantFrom(...codes), fc.stringMatching(/^[A-Z][A-Z0-9]{0,5}$/)),
    fc.option(serial),
    fc.constantFrom("-", " ", ""),
  )
  .map(([p, c, s, sep]) => `${p === null ? "" : `${p}-`}${c}${s === null ? "" : sep + s}`);
const noisy = fc.stringMatching(/^[A-Za-z0-9 -]{0,20}$/);
/** Mostly frame-like text, so that most runs decode, plus noise for the refusals. */
const mixed = fc.oneof({ arbitrary: frameLike, weight: 3 }, { arbitrary: noisy, weight: 1 });

describe("properties", () => {
  it("decoding is insensitive to case, width, spaces and hyphen variants", () => {
    const pair = mixed.chain((t) => fc.tuple(fc.constant(t), respell(t)));
    fc.assert(
      fc.property(pair, ([text, respelled]) => {
        expect(answer(decode(respelled))).toEqual(answer(decode(text)));
      }),
      { numRuns: 500 },
    );
  });

  it("a separator between code and serial is optional", () => {
    const parts = fc.tuple(fc.option(fc.constantFrom(...prefixes)), fc.constantFrom(...codes), serial);
    fc.assert(
      fc.property(parts, anySeparator, ([p, code, s], sep) => {
        const head = p === null ? code : `${p}-${code}`;
        for (const form of [`${head}${s}`, `${head}${sep}${s}`]) {
          const r = decoded(form);
          expect([r.emissionsPrefix, r.chassisCode, r.serial]).toEqual([p, code, s]);
        }
      }),
    );
  });

  it("never returns an entry whose framePrefix differs from the chassis code, nor decodes a suggestion", () => {
    fc.assert(
      fc.property(mixed, (text) => {
        const r = decode(text);
        if (r.kind === "decoded") expect(r.entry.framePrefix).toBe(r.chassisCode);
        if (r.kind === "unknown") {
          expect(codes).not.toContain(r.candidateCode);
          expect(r.suggestions).not.toContain(r.candidateCode);
          expect(r.suggestions.length).toBeLessThanOrEqual(5);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("never throws on random strings", () => {
    const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)); // lone surrogates too
    const anything = fc.oneof(
      fc.string({ unit: "binary", maxLength: 300 }),
      fc.string({ unit: codeUnit, maxLength: 40 }),
      fc.string({ maxLength: 40 }),
    );
    fc.assert(
      fc.property(anything, (text) => {
        const r = decode(text);
        expect(["decoded", "unknown", "invalid"]).toContain(r.kind);
        if (r.kind === "invalid") expect(r.reason.length).toBeGreaterThan(0);
        normalizeFrameInput(text);
        suggestChassisCodes(text, catalog);
      }),
      { numRuns: 500 },
    );
  });
});
