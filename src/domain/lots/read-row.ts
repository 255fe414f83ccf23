// One CSV row -> one normalised lot, or the row's errors. An error is a cell the evaluation cannot do
// without or could misread (a price that is not a number, a year that is not one): the row is reported,
// not evaluated. A warning is a cell that is unreadable but optional, or readable but doubtful; the row is
// evaluated without it. Every issue names its line and column.
import { COLUMN_ID as C, type HeaderMap, LOT_COLUMNS } from "./columns.js";
import type { Lot, LotIssue, ReadLot } from "./types.js";
import {
  clean,
  isBad,
  isPlainInt,
  looksLikeScore,
  type Mileage,
  mayBeYen,
  quickCc,
  quickDrive,
  quickLetterGrade,
  quickScore,
  quickUpper,
  type Read,
  readCc,
  readDate,
  readDrive,
  readLetterGrade,
  readMileage,
  readResult,
  readScore,
  readYearMonth,
  readYen,
  type YearMonthValue,
} from "./values.js";

export interface RowOptions {
  /** 1, or 1000 for lists in thousands of yen. */
  priceUnit: number;
}

/**
 * `checkText`: look for U+FFFD (bytes that were not UTF-8) in the row's cells; the caller knows when
 * none can be there (its decoded text had none), which saves a scan of every cell.
 */
export type RowReader = (
  fields: readonly string[],
  line: number,
  malformed?: string | null,
  checkText?: boolean,
) => ReadLot;

/** ¥100 million: far above any kei truck, so a larger number is a typo or a unit mix-up. */
const MAX_PRICE_JPY = 100_000_000;
const MEMO_LIMIT = 4096;

/**
 * A reader that remembers its answers: most columns repeat a few hundred distinct values over a
 * million rows (years, months, scores, dates), so each is read once. Bounded: cleared when full.
 */
function memo<T>(read: (s: string) => Read<T>, quick?: (s: string) => T | undefined): (s: string) => Read<T> {
  const seen = new Map<string, Read<T>>();
  return (s) => {
    // The common exact forms first: a string's first lookup in a map has to hash it, which costs
    // more than checking a few characters.
    if (quick) {
      const q = quick(s);
      if (q !== undefined) return q;
    }
    let v = seen.get(s);
    if (v === undefined) {
      v = read(s);
      if (seen.size >= MEMO_LIMIT) seen.clear();
      seen.set(s, v);
    }
    return v;
  };
}

/** Reads the rows of one file (one header); hot: called once per row, so it allocates little. */
class Rows {
  /** Field index of each column, by column id (-1 when the file lacks it). */
  private readonly pos: Int32Array;
  private fields: readonly string[] = [];
  private line = 0;
  private errors: LotIssue[] = [];
  private warnings: LotIssue[] = [];
  private readonly yearMonth = memo(readYearMonth);
  private readonly date = memo(readDate);
  private readonly score = memo(readScore, quickScore);
  private readonly letter = memo(readLetterGrade, quickLetterGrade);
  private readonly drive = memo(readDrive, quickDrive);
  private readonly result = memo(readResult);
  private readonly cc = memo(readCc, quickCc);
  // Prices and mileages are nearly all distinct: read directly (plain digits take a fast path).
  private readonly mileage = readMileage;
  private readonly yen: (s: string) => Read<number>;
  // A result cell is a handful of words ("sold", "unsold") or, on some lists, the hammer price; reading
  // it as a price (and building the reason it is not one) is remembered like the other few-valued cells.
  private readonly resultAsYen: (s: string) => Read<number>;
  private readonly upper = memo((s: string): Read<string> => s.toUpperCase(), quickUpper);

  constructor(
    private readonly header: HeaderMap,
    options: RowOptions,
  ) {
    this.pos = Int32Array.from(LOT_COLUMNS, (c) => header.index[c]);
    const unit = options.priceUnit;
    this.yen = (s) => readYen(s, unit);
    this.resultAsYen = memo(this.yen);
  }

  private raw(c: number): string {
    const i = this.pos[c]!;
    return i === -1 ? "" : (this.fields[i] ?? "");
  }

  private cell(c: number): string | null {
    if (this.pos[c] === -1) return null;
    const v = clean(this.raw(c));
    return v === "" ? null : v;
  }

  private upperCell(c: number): string | null {
    const v = this.cell(c);
    return v === null ? null : (this.upper(v) as string);
  }

  /** The value of an optional cell; an unreadable one is a warning and reads as blank. */
  private optional<T>(c: number, read: (s: string) => Read<T>): T | null {
    if (this.pos[c] === -1) return null;
    const v = read(this.raw(c));
    if (isBad(v)) {
      this.warnings.push({ line: this.line, column: LOT_COLUMNS[c]!, reason: `${v.bad}; left out` });
      return null;
    }
    return v;
  }

  /** The value of a cell the evaluation relies on; an unreadable one is an error. */
  private required<T>(c: number, read: (s: string) => Read<T>): T | null {
    if (this.pos[c] === -1) return null;
    const v = read(this.raw(c));
    if (isBad(v)) {
      this.errors.push({ line: this.line, column: LOT_COLUMNS[c]!, reason: v.bad });
      return null;
    }
    return v;
  }

  read(fields: readonly string[], line: number, malformed: string | null, checkText: boolean): ReadLot {
    this.fields = fields;
    this.line = line;
    const errors: LotIssue[] = [];
    const warnings: LotIssue[] = [];
    this.errors = errors;
    this.warnings = warnings;
    const width = this.header.width;
    if (malformed)
      errors.push({
        line,
        column: "row",
        reason: `the quoting is broken (${malformed}): check the quotes on this line`,
      });
    if (fields.length > width)
      errors.push({
        line,
        column: "row",
        reason: `the row has ${fields.length} fields but the header has ${width} (an unquoted comma?)`,
      });
    else if (fields.length < width)
      warnings.push({
        line,
        column: "row",
        reason: `the row has ${fields.length} fields but the header has ${width}: the rest read as empty`,
      });
    if (checkText)
      for (const f of fields)
        if (f.includes("\uFFFD")) {
          errors.push({
            line,
            column: "row",
            reason: "the row is not valid UTF-8 text (was the file saved as Shift_JIS? save it as UTF-8)",
          });
          break;
        }

    const lotNo = this.cell(C.lot_no) ?? "";
    if (lotNo === "" && this.pos[C.lot_no] !== -1)
      warnings.push({ line, column: "lot_no", reason: "no lot number: the line number identifies the row" });
    const chassisCode = this.cell(C.chassis_code);
    const frameNo = this.cell(C.frame_no);
    const model = this.cell(C.model);
    if (!chassisCode && !frameNo && !model)
      errors.push({
        line,
        column: "chassis_code",
        reason: "no chassis code, frame number or model name: the truck cannot be identified",
      });

    // The year cell: a year (or era year), or a month when the list gives one there.
    const year = this.required(C.year, this.yearMonth);
    const reg = this.required(C.first_reg, this.yearMonth);
    const { yearValue, firstReg } = combineYears(year, reg, line, warnings);

    // Plain digits (nearly every row) are read here without building a Mileage.
    const kmCell = this.raw(C.mileage_km);
    const plainKm = isPlainInt(kmCell) ? Number(kmCell) : null;
    const mileage: Mileage | null =
      plainKm !== null && plainKm >= 1000 ? null : this.optional(C.mileage_km, this.mileage);
    if (mileage?.flag === "low" && mileage.km !== null)
      warnings.push({
        line,
        column: "mileage_km",
        reason: `${mileage.km} km is very low: if the list gives thousands of km, it means ${(mileage.km * 1000).toLocaleString("en-US")} km (the fair price leaves the mileage out)`,
      });

    let score = this.optional(C.score, this.score);
    let trim = this.cell(C.trim);
    let gradeReadAs: ReadLot["gradeReadAs"] = null;
    const grade = this.cell(C.grade);
    if (grade !== null) {
      // research/auction-lots §5.1: "Grade" is the score on English lists, the trim on Japanese ones.
      if (looksLikeScore(grade)) {
        gradeReadAs = "score";
        const s = this.score(grade);
        if (score === null && !isBad(s)) score = s;
      } else {
        gradeReadAs = "trim";
        trim ??= grade;
      }
    }

    let soldPriceJpy = this.required(C.sold_price_jpy, this.yen);
    let result = null;
    const resultCell = this.cell(C.result);
    if (resultCell !== null) {
      // Some lists put the hammer price under "Result".
      const asPrice = mayBeYen(resultCell) ? this.resultAsYen(resultCell) : null;
      if (typeof asPrice === "number") soldPriceJpy ??= asPrice;
      else result = this.optional(C.result, this.result);
    }
    const startPriceJpy = this.required(C.start_price_jpy, this.yen);
    const priceErrors = errors.length;
    implausible(startPriceJpy, "start_price_jpy", line, errors);
    implausible(soldPriceJpy, "sold_price_jpy", line, errors);
    // (Unreadable prices are errors already; only a row whose prices all read as blank or zero is added.)
    if (
      errors.length === priceErrors &&
      !hasPriceError(errors) &&
      !positive(startPriceJpy) &&
      !positive(soldPriceJpy)
    )
      errors.push({
        line,
        column: this.pos[C.start_price_jpy] !== -1 ? "start_price_jpy" : "sold_price_jpy",
        reason: "no start or sold price above ¥0: landed cost and margin need one",
      });

    const lot: Lot = {
      line,
      lotNo,
      auction: this.cell(C.auction),
      auctionDate: this.optional(C.auction_date, this.date),
      make: this.cell(C.make),
      model,
      chassisCode,
      frameNo,
      trim,
      year: yearValue,
      firstReg,
      mileageKm: plainKm !== null && plainKm >= 1000 ? plainKm : (mileage?.km ?? null),
      mileageFlag: mileage?.flag ?? null,
      displacementCc: this.optional(C.displacement_cc, this.cc),
      transmission: this.upperCell(C.transmission),
      drive: this.optional(C.drive, this.drive),
      color: this.cell(C.color),
      score,
      interior: this.optional(C.interior, this.letter),
      exterior: this.optional(C.exterior, this.letter),
      startPriceJpy: positive(startPriceJpy) ? startPriceJpy : null,
      soldPriceJpy: positive(soldPriceJpy) ? soldPriceJpy : null,
      result,
      notes: this.cell(C.notes),
    };
    return { lot, errors, warnings, gradeReadAs };
  }
}

export function createRowReader(header: HeaderMap, options: RowOptions): RowReader {
  const rows = new Rows(header, options);
  return (fields, line, malformed = null, checkText = true) => rows.read(fields, line, malformed, checkText);
}

function implausible(jpy: number | null, column: string, line: number, errors: LotIssue[]): void {
  if (jpy !== null && jpy > MAX_PRICE_JPY)
    errors.push({
      line,
      column,
      reason: `¥${jpy.toLocaleString("en-US")} is not a plausible price for a kei truck`,
    });
}

function hasPriceError(errors: readonly LotIssue[]): boolean {
  for (const e of errors) if (e.column === "start_price_jpy" || e.column === "sold_price_jpy") return true;
  return false;
}

function positive(n: number | null): n is number {
  return n !== null && n > 0;
}

/** The year and first-registration month from the two cells; a month in either one is the month. */
function combineYears(
  year: YearMonthValue | null,
  reg: YearMonthValue | null,
  line: number,
  warnings: LotIssue[],
): { yearValue: number | null; firstReg: string | null } {
  // The text is made once per distinct cell (the readers are memoised), so rows share it.
  const firstReg = reg?.text ?? year?.text ?? null;
  const yearValue = year?.year ?? reg?.year ?? null;
  if (year && reg && year.year !== reg.year)
    warnings.push({
      line,
      column: "year",
      reason: `the year ${year.year} and the first registration ${firstReg ?? reg.year} disagree: the registration is used for eligibility`,
    });
  return { yearValue: reg?.year ?? yearValue, firstReg };
}
