// A streaming RFC 4180 CSV parser: text goes in by chunks cut anywhere (inside a field, a quote pair or
// a CRLF), complete records come out with the line they start on. Quoted fields may hold commas, ""
// escapes and line breaks; records end at LF, CRLF or a lone CR; a byte-order mark at the very start is
// dropped. Only the incomplete tail of the text is kept between chunks, and a record longer than
// `maxRecordChars` stops the parse, so memory stays bounded whatever the file size or damage.
//
// It is lenient where spreadsheets are sloppy and says so where data could be misread: text after a
// closing quote is kept but the record is marked `malformed`, as is a quoted field still open at the end.

export interface CsvRecord {
  fields: string[];
  /** 1-based line on which the record starts (line breaks inside quoted fields count). */
  line: number;
  /** A field broke the quoting rules; the values are a best guess and should not be trusted. */
  malformed: string | null;
}

export class CsvError extends Error {
  override name = "CsvError";
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

export const DEFAULT_MAX_RECORD_CHARS = 1_000_000;

const COMMA = 44;
const LF = 10;
const CR = 13;
const QUOTE = 34;

/** The outcome of reading one field from `pos`; -1 as `next` means "needs more text". */
interface FieldRead {
  value: string;
  /** Position after the field's delimiter, or -1 when the text ran out first. */
  next: number;
  /** The delimiter: COMMA, or LF for end of record (CR and CRLF are reported as LF). */
  end: number;
  lines: number;
  malformed: string | null;
}

export interface CsvParserOptions {
  maxRecordChars?: number;
  /**
   * The line the text starts on (1); a later part of a file, cut at a record boundary and parsed on
   * its own, gives its own, and `atFileStart: false` so that a U+FEFF it starts with is kept as text.
   */
  firstLine?: number;
  atFileStart?: boolean;
}

export class CsvParser {
  private carry = "";
  private line: number;
  private started: boolean;
  private readonly maxRecordChars: number;
  private readonly read: FieldRead = { value: "", next: 0, end: 0, lines: 0, malformed: null };
  /** Fields in the last complete record: the next one's array is made that long at once (rows agree). */
  private width = 0;

  constructor(options: CsvParserOptions = {}) {
    this.maxRecordChars = options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS;
    this.line = options.firstLine ?? 1;
    this.started = options.atFileStart === false;
  }

  /** Adds text; returns the records it completed (possibly none). */
  push(chunk: string): CsvRecord[] {
    let text = this.carry + chunk;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    return this.parse(text, false);
  }

  /** The text of a record begun and not yet finished: what the next push continues. */
  get pending(): string {
    return this.carry;
  }

  /** Ends the input: returns the last record if the text did not end with a line break. */
  end(): CsvRecord[] {
    const text = this.carry;
    this.carry = "";
    return text.length === 0 ? [] : this.parse(text, true);
  }

  private parse(text: string, final: boolean): CsvRecord[] {
    const out: CsvRecord[] = [];
    const len = text.length;
    let pos = 0;
    while (pos < len) {
      const start = pos;
      const startLine = this.line;
      // Sized up front: an array grown field by field is copied twice on the way to twenty fields.
      const fields: string[] = this.width > 0 ? new Array<string>(this.width) : [];
      let count = 0;
      let lines = 0;
      let malformed: string | null = null;
      let complete = false;
      for (;;) {
        const r = this.readField(text, pos, final);
        if (r.next === -1) break;
        fields[count++] = r.value;
        lines += r.lines;
        if (r.malformed && !malformed) malformed = `field ${count}: ${r.malformed}`;
        pos = r.next;
        if (r.end === LF) {
          complete = true;
          break;
        }
      }
      if (!complete) {
        // The record continues in the next chunk: keep it (and only it) for then.
        if (len - start > this.maxRecordChars + 2) throw this.tooLong(startLine);
        this.carry = text.slice(start);
        return out;
      }
      // Checked on complete records too, so that where the chunks were cut never changes the outcome
      // (the record with its line break, of at most two characters, against the limit).
      if (pos - start > this.maxRecordChars + 2) throw this.tooLong(startLine);
      if (count < fields.length) fields.length = count;
      this.width = count;
      this.line += lines;
      out.push({ fields, line: startLine, malformed });
    }
    this.carry = "";
    return out;
  }

  private tooLong(line: number): CsvError {
    return new CsvError(
      `a record is longer than ${this.maxRecordChars.toLocaleString("en-US")} characters (an unclosed quote?)`,
      line,
    );
  }

  /** Reads one field at `pos`. At the end of final text a field ends there; otherwise it waits for more. */
  private readField(text: string, pos: number, final: boolean): FieldRead {
    const r = this.read;
    r.lines = 0;
    r.malformed = null;
    const len = text.length;
    if (pos < len && text.charCodeAt(pos) === QUOTE) return this.readQuoted(text, pos, final);
    let i = pos;
    while (i < len) {
      const c = text.charCodeAt(i);
      if (c === COMMA || c === LF || c === CR) break;
      i++;
    }
    if (i >= len) return final ? this.finish(text.slice(pos, i), len) : this.more();
    r.value = text.slice(pos, i);
    return this.delimit(text, i, final);
  }

  private readQuoted(text: string, pos: number, final: boolean): FieldRead {
    const r = this.read;
    const len = text.length;
    let value = "";
    let from = pos + 1;
    for (;;) {
      const q = text.indexOf('"', from);
      if (q === -1) {
        if (!final) return this.more();
        r.malformed = "a quoted field is never closed";
        value += text.slice(from);
        r.lines += countLines(text, from, len);
        return this.finish(value, len);
      }
      r.lines += countLines(text, from, q);
      value += text.slice(from, q);
      if (q + 1 >= len) {
        if (!final) return this.more(); // "" split across chunks, or the closing quote: wait and see
        return this.finish(value, len);
      }
      if (text.charCodeAt(q + 1) === QUOTE) {
        value += '"';
        from = q + 2;
        continue;
      }
      // Closed. Anything before the delimiter breaks RFC 4180; keep it, but say so.
      let i = q + 1;
      while (i < len) {
        const c = text.charCodeAt(i);
        if (c === COMMA || c === LF || c === CR) break;
        i++;
      }
      if (i > q + 1) r.malformed = "text after the closing quote";
      if (i >= len && !final) return this.more();
      value += text.slice(q + 1, i);
      if (i >= len) return this.finish(value, len);
      r.value = value;
      return this.delimit(text, i, final);
    }
  }

  /** At a delimiter at `i`: a comma continues the record; LF, CRLF or a lone CR ends it. */
  private delimit(text: string, i: number, final: boolean): FieldRead {
    const r = this.read;
    const c = text.charCodeAt(i);
    if (c === COMMA) {
      // After a comma at the very end of final text, readField reads one more, empty, field.
      r.next = i + 1;
      r.end = COMMA;
      return r;
    }
    if (c === CR) {
      if (i + 1 >= text.length && !final) return this.more(); // maybe CRLF across chunks
      r.next = text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
    } else r.next = i + 1;
    r.end = LF;
    r.lines += 1;
    return r;
  }

  /** The field ends where the final text does, and so does its record. */
  private finish(value: string, next: number): FieldRead {
    const r = this.read;
    r.value = value;
    r.next = next;
    r.end = LF;
    return r;
  }

  private more(): FieldRead {
    this.read.next = -1;
    return this.read;
  }
}

function countLines(text: string, from: number, to: number): number {
  let n = 0;
  let i = text.indexOf("\n", from);
  while (i !== -1 && i < to) {
    n++;
    i = text.indexOf("\n", i + 1);
  }
  // A lone CR inside a quoted field is a line break too (CRLF counts once, through its LF).
  let j = text.indexOf("\r", from);
  while (j !== -1 && j < to) {
    if (text.charCodeAt(j + 1) !== LF) n++;
    j = text.indexOf("\r", j + 1);
  }
  return n;
}

/** Parses a whole text at once (tests, small inputs). */
/** Text is parsed in slices of this many characters (about a hundred lots), so each slice's records die young. */
const SLICE_CHARS = 16 * 1024;

/**
 * A parser fed text of any size a slice at a time, which also says whether the records may hold bytes
 * that were not UTF-8 (U+FFFD in the text they came from): the one-pass reader and each block of the
 * parallel one read a file through it.
 */
export class SlicedCsvParser {
  /** Set while the text being parsed, or a record left over from it, may hold U+FFFD. */
  suspect = false;

  constructor(readonly parser: CsvParser) {}

  /** The records of `text`, a slice at a time; read them all before pushing more. */
  *push(text: string): Generator<CsvRecord[]> {
    const hasBadBytes = text.includes("\uFFFD");
    this.suspect ||= hasBadBytes;
    for (let at = 0; at < text.length; at += SLICE_CHARS)
      yield this.parser.push(text.length <= SLICE_CHARS ? text : text.slice(at, at + SLICE_CHARS));
    // Every record given so far has been read: only one still unfinished can hold bad bytes now, over
    // as many slices as it spans (a record of 40,000 characters spans three).
    this.suspect = this.parser.pending.includes("\uFFFD");
  }
}

export function parseCsv(text: string): CsvRecord[] {
  const p = new CsvParser();
  return [...p.push(text), ...p.end()];
}

// A leading U+FEFF is quoted so that, as the first field of a file, it is not read as a byte-order mark.
const NEEDS_QUOTES = /^\uFEFF|[",\r\n]/;

/** One field as RFC 4180 writes it: quoted only when it must be. */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One record, without its line break. */
export function csvRow(fields: readonly string[]): string {
  let out = "";
  for (let i = 0; i < fields.length; i++) out += (i === 0 ? "" : ",") + csvField(fields[i]!);
  return out;
}
