import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  isBad,
  looksLikeScore,
  mayBeYen,
  quickCc,
  quickDrive,
  quickLetterGrade,
  quickScore,
  quickUpper,
  readCc,
  readDate,
  readDrive,
  readLetterGrade,
  readMileage,
  readResult,
  readScore,
  readYearMonth,
  readYen,
} from "./values.js";

const bad = (v: unknown) => isBad(v as never);

describe("readYen", () => {
  it.each([
    ["268000", 268000],
    ["268,000", 268000],
    ["¥268,000", 268000],
    ["268000円", 268000],
    ["２６８，０００", 268000],
    ["26.8万", 268000],
    ["27万", 270000],
    ["268千", 268000],
    [" 50000 ", 50000],
  ])("%j -> %d", (raw, yen) => {
    expect(readYen(raw)).toBe(yen);
  });

  it("reads thousands of yen when the list is in them", () => {
    expect(readYen("252", 1000)).toBe(252000);
    expect(readYen("252.5", 1000)).toBe(252500);
  });

  it("blank and placeholder cells are null; text is a reason", () => {
    for (const s of ["", "  ", "-", "***", "不明"]) expect(readYen(s)).toBeNull();
    for (const s of ["abc", "12.5", "1,23", "$500"]) expect(bad(readYen(s))).toBe(true);
  });

  it("any whole number of yen written with separators reads back (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), (n) => {
        expect(readYen(n.toLocaleString("en-US"))).toBe(n);
        expect(readYen(`¥${n}`)).toBe(n);
      }),
    );
  });
});

describe("readMileage", () => {
  it.each([
    ["48200", 48200, null],
    ["48,200 km", 48200, null],
    ["4.8万km", 48000, null],
    ["48千km", 48000, null],
    ["48k", 48000, null],
    ["48", 48, "low"],
    ["不明", null, "unknown"],
    ["", null, "unknown"],
    ["メーター交換", null, "replaced"],
    ["TMU", null, "replaced"],
  ])("%j -> %s km (%s)", (raw, km, flag) => {
    expect(readMileage(raw)).toEqual({ km, flag });
  });

  it("refuses what is not a distance", () => {
    expect(bad(readMileage("lots"))).toBe(true);
    expect(bad(readMileage("9999999"))).toBe(true);
  });
});

describe("readYearMonth: Gregorian and Japanese eras", () => {
  it.each([
    ["1998", 1998, null, false],
    ["1998-04", 1998, 4, false],
    ["1998/4", 1998, 4, false],
    ["1998年4月", 1998, 4, false],
    ["H10", 1998, null, true],
    ["h10", 1998, null, true],
    ["H10/4", 1998, 4, true],
    ["H.10", 1998, null, true],
    ["平成10年", 1998, null, true],
    ["平成10年4月", 1998, 4, true],
    ["平成元年", 1989, null, true],
    ["Ｈ１０", 1998, null, true],
    ["S61", 1986, null, true],
    ["S64", 1989, null, true],
    ["昭和63年", 1988, null, true],
    ["R1", 2019, null, true],
    ["令和元年", 2019, null, true],
    ["R8", 2026, null, true],
  ])("%j -> %d-%s", (raw, year, month, era) => {
    expect(readYearMonth(raw)).toMatchObject({ year, month, era });
  });

  it("gives the month as text once, for rows to share", () => {
    expect(readYearMonth("H10/4")).toMatchObject({ text: "1998-04" });
    expect(readYearMonth("1998")).toMatchObject({ text: null });
  });

  it("refuses impossible years and months", () => {
    for (const s of ["H45", "S65", "H0", "1998-13", "1890", "98", "Heisei"])
      expect(bad(readYearMonth(s))).toBe(true);
    expect(readYearMonth("")).toBeNull();
  });

  it("an era year reads as the Gregorian year it stands for (property)", () => {
    const eras = [
      { letter: "S", base: 1925, last: 64 },
      { letter: "H", base: 1988, last: 31 },
      { letter: "R", base: 2018, last: 30 },
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...eras),
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 1, max: 12 }),
        (e, n, m) => {
          fc.pre(n <= e.last && e.base + n >= 1950);
          expect(readYearMonth(`${e.letter}${n}/${m}`)).toMatchObject({ year: e.base + n, month: m });
        },
      ),
    );
  });
});

describe("other cells", () => {
  it("reads dates in the usual forms and refuses impossible ones", () => {
    expect(readDate("2026-11-19")).toBe("2026-11-19");
    expect(readDate("2026/11/9")).toBe("2026-11-09");
    expect(readDate("2026年11月19日")).toBe("2026-11-19");
    expect(bad(readDate("2026-02-30"))).toBe(true);
  });

  it("reads scores on the auction scale, and tells them from trims", () => {
    expect(readScore("3.5")).toBe("3.5");
    expect(readScore("3,5")).toBe("3.5");
    expect(readScore("ra")).toBe("RA");
    expect(readScore("4点")).toBe("4");
    expect(readScore("***")).toBe("***");
    expect(bad(readScore("KC"))).toBe(true);
    expect(looksLikeScore("4.5")).toBe(true);
    expect(looksLikeScore("SDX")).toBe(false);
    expect(looksLikeScore("Jumbo")).toBe(false);
  });

  it("reads letter grades, drive, engine size and results", () => {
    expect(readLetterGrade("b")).toBe("B");
    expect(bad(readLetterGrade("F"))).toBe(true);
    expect(readDrive("4x4")).toBe("4WD");
    expect(readDrive("四駆")).toBe("4WD");
    expect(readDrive("MR")).toBe("2WD");
    expect(bad(readDrive("6WD"))).toBe(true);
    expect(readCc("657cc")).toBe(657);
    expect(readCc("0.66L")).toBe(660);
    expect(readResult("落札")).toBe("sold");
    expect(readResult("流札")).toBe("unsold");
    expect(readResult("商談")).toBe("negotiation");
    expect(readResult("Not sold")).toBe("unsold");
    expect(bad(readResult("maybe"))).toBe(true);
  });
});

describe("the quick readers of common exact forms", () => {
  // Cells of every shape the quick readers look at, and their near misses.
  const cell = fc.oneof(
    fc.constantFrom(
      "657",
      "0660",
      "2WD",
      "4WD",
      "2wd",
      "4x4",
      "A",
      "B",
      "E",
      "F",
      "a",
      "4",
      "3.5",
      "4.5",
      "0",
      "3.0",
      "3,5",
      "R",
      "RA",
      "F5",
      "AT",
      "CVT",
      "c3",
      " F5",
      "",
      "¥1,000",
      "jpy 5000",
      "JPY5000",
      "sold",
      "流札",
      "12万",
      "-",
      "１２",
    ),
    fc.string({ maxLength: 5 }),
    fc.stringMatching(/^[0-9A-Za-z .,-]{1,5}$/),
  );

  it("answer as the readers do wherever they answer", () => {
    fc.assert(
      fc.property(cell, (s) => {
        const pairs: [unknown, unknown][] = [
          [quickCc(s), readCc(s)],
          [quickDrive(s), readDrive(s)],
          [quickLetterGrade(s), readLetterGrade(s)],
          [quickScore(s), readScore(s)],
          [quickUpper(s), s.toUpperCase()],
        ];
        for (const [quick, full] of pairs) if (quick !== undefined) expect(quick).toEqual(full);
      }),
      { numRuns: 5000 },
    );
  });

  it("answer the common forms", () => {
    expect([
      quickCc("657"),
      quickDrive("4WD"),
      quickLetterGrade("B"),
      quickScore("3.5"),
      quickUpper("F5"),
    ]).toEqual([657, "4WD", "B", "3.5", "F5"]);
  });

  it("never rule out a cleaned cell that reads as yen", () => {
    fc.assert(
      fc.property(cell, (s) => {
        const cleaned = s.trim().normalize("NFKC").trim();
        if (cleaned !== "" && typeof readYen(cleaned) === "number") expect(mayBeYen(cleaned)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});
