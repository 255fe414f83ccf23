import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvError, CsvParser, type CsvRecord, csvField, csvRow, parseCsv } from "./csv.js";

/** Feeds `text` cut at the given positions (any, including inside "" or CRLF) and collects the records. */
function parseInChunks(text: string, cuts: number[], p = new CsvParser()): CsvRecord[] {
  const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const out: CsvRecord[] = [];
  let prev = 0;
  for (const c of [...at, text.length]) {
    out.push(...p.push(text.slice(prev, c)));
    prev = c;
  }
  out.push(...p.end());
  return out;
}

const fields = (records: CsvRecord[]) => records.map((r) => r.fields);

// Fields drawn mostly from the characters that matter to CSV, plus Japanese text and the rest of Unicode.
const field = fc.oneof(
  fc.string({ unit: fc.constantFrom("a", "1", ",", '"', "\n", "\r", " ", "キ", "ャ", "\uFEFF") }),
  fc.string({ unit: "grapheme" }),
);
const row = fc.array(field, { minLength: 1, maxLength: 6 });
const eol = fc.constantFrom("\n", "\r\n");

function serialize(rows: string[][], newline: string): string {
  return rows.map((r) => `${csvRow(r)}${newline}`).join("");
}

describe("CsvParser: round trips (property)", () => {
  it("serialize rows -> parse in chunks cut anywhere -> the same rows", () => {
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 8 }),
        eol,
        fc.array(fc.nat(), { maxLength: 6 }),
        (rows, nl, cuts) => {
          expect(fields(parseInChunks(serialize(rows, nl), cuts))).toEqual(rows);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("without a final line break, the last record still comes out", () => {
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 5 }).filter((rs) => csvRow(rs.at(-1)!) !== ""),
        eol,
        fc.array(fc.nat(), { maxLength: 4 }),
        (rows, nl, cuts) => {
          const text = serialize(rows, nl).slice(0, -nl.length);
          expect(fields(parseInChunks(text, cuts))).toEqual(rows);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("a byte-order mark at the start is dropped, wherever the first chunk ends", () => {
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 4 }),
        fc.array(fc.nat(), { maxLength: 3 }),
        (rows, cuts) => {
          const text = `\uFEFF${serialize(rows, "\r\n")}`;
          expect(fields(parseInChunks(text, cuts))).toEqual(rows);
        },
      ),
    );
  });

  it("each record carries the line it starts on, counting breaks inside quoted fields", () => {
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 6 }),
        eol,
        fc.array(fc.nat(), { maxLength: 4 }),
        (rows, nl, cuts) => {
          const records = parseInChunks(serialize(rows, nl), cuts);
          let line = 1;
          rows.forEach((r, i) => {
            expect(records[i]!.line).toBe(line);
            const text = csvRow(r);
            line += 1 + (text.match(/\r\n|\r|\n/g)?.length ?? 0);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** The records, or the error's line and message: what a caller sees either way. */
function outcome(run: () => CsvRecord[]): unknown {
  try {
    return run().map((r) => [r.line, r.fields, r.malformed]);
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    return { line: e.line, message: e.message };
  }
}

describe("CsvParser: a file cut into parts at record boundaries (property)", () => {
  // Raw CSV text, sloppy quoting included: what a later part of a file may start with.
  const raw = fc.string({ unit: fc.constantFrom("a", ",", '"', "\n", "\r", "\uFEFF", "キ") });

  it("the part after the first k records, parsed from its first line, gives the same records", () => {
    fc.assert(
      fc.property(raw, fc.nat(), fc.array(fc.nat(), { maxLength: 4 }), (text, k, cuts) => {
        const whole = parseCsv(text);
        const n = whole.length === 0 ? 0 : k % whole.length;
        // The text of the first n records: parse the prefixes until n records are complete.
        let end = 0;
        while (end <= text.length && new CsvParser().push(text.slice(0, end)).length < n) end++;
        const head = parseInChunks(text.slice(0, end), []);
        const firstLine = n < whole.length ? whole[n]!.line : 1;
        if (n === 0 || head.length !== n) return;
        const tail = parseInChunks(text.slice(end), cuts, new CsvParser({ firstLine, atFileStart: false }));
        expect(tail).toEqual(whole.slice(n));
      }),
      { numRuns: 500 },
    );
  });

  it("the record-length limit gives the same outcome wherever the chunks are cut", () => {
    fc.assert(
      fc.property(
        raw,
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.integer({ min: 1, max: 8 }),
        (text, cuts, max) => {
          const once = outcome(() => parseInChunks(text, [], new CsvParser({ maxRecordChars: max })));
          const cut = outcome(() => parseInChunks(text, cuts, new CsvParser({ maxRecordChars: max })));
          expect(cut).toEqual(once);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("CsvParser: examples", () => {
  it("reads quoted commas, escaped quotes and embedded newlines", () => {
    const text = 'lot,notes\r\n1,"a, b"\r\n2,"say ""hi"""\r\n3,"two\nlines"\r\n4,\r\n';
    expect(fields(parseCsv(text))).toEqual([
      ["lot", "notes"],
      ["1", "a, b"],
      ["2", 'say "hi"'],
      ["3", "two\nlines"],
      ["4", ""],
    ]);
    expect(parseCsv(text).map((r) => r.line)).toEqual([1, 2, 3, 4, 6]);
  });

  it("treats a lone CR as a line break (old spreadsheets)", () => {
    expect(fields(parseCsv("a,b\rc,d\r"))).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
  });

  it("keeps a blank line as one empty field, so the caller decides to skip it", () => {
    expect(fields(parseCsv("a\n\nb\n"))).toEqual([["a"], [""], ["b"]]);
  });

  it("marks text after a closing quote and a quote never closed, keeping the text", () => {
    const [bad] = parseCsv('"abc"def,x\n');
    expect(bad!.fields).toEqual(["abcdef", "x"]);
    expect(bad!.malformed).toMatch(/field 1: text after the closing quote/);
    const [open] = parseCsv('1,"never closed\n2,3\n');
    expect(open!.fields).toEqual(["1", "never closed\n2,3\n"]);
    expect(open!.malformed).toMatch(/never closed/);
    expect(parseCsv("a,b\n")[0]!.malformed).toBeNull();
  });

  it("stops with the line number when one record outgrows the limit (bounded memory)", () => {
    const p = new CsvParser({ maxRecordChars: 100 });
    p.push("a,b\n");
    expect(() => {
      for (let i = 0; i < 10; i++) p.push(`"${"x".repeat(30)}`);
    }).toThrow(CsvError);
    const q = new CsvParser({ maxRecordChars: 100 });
    q.push("h\n");
    try {
      for (let i = 0; i < 10; i++) q.push(`"${"x".repeat(30)}`);
    } catch (e) {
      expect((e as CsvError).line).toBe(2);
    }
  });

  it("gives each record exactly its own fields when widths change from row to row (no holes)", () => {
    // The parser sizes a record's array from the record before it; a shorter row must not keep the
    // longer one's length, and a longer row must grow without gaps.
    const records = parseCsv("a,b,c,d\ne\nf,g\nh,i,j,k,l,m\n,\n");
    expect(fields(records)).toEqual([
      ["a", "b", "c", "d"],
      ["e"],
      ["f", "g"],
      ["h", "i", "j", "k", "l", "m"],
      ["", ""],
    ]);
    for (const r of records) expect(Object.keys(r.fields)).toHaveLength(r.fields.length);
  });

  it("keeps only the unfinished record between chunks", () => {
    const p = new CsvParser({ maxRecordChars: 50 });
    // 10,000 short records through a 50-character limit: fine, since complete records are not kept.
    let n = 0;
    for (let i = 0; i < 10_000; i++) n += p.push(`${i},x\n`).length;
    expect(n).toBe(10_000);
  });
});

describe("csvField / csvRow", () => {
  it("quotes only what needs quoting", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('5" bed')).toBe('"5"" bed"');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvRow(["1", "", "キャリイ"])).toBe("1,,キャリイ");
  });
});
