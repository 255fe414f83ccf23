// One CSV row -> one normalised lot, or the row's errors. An error is a cell the evaluation cannot do
// without or could misread (a price that is not a number, a year that is not one): the row is reported,
// not evaluated. A warning is a cell that is unreadable but optional, or readable but doubtful; the row is
// evaluated without it. Every issue names its line and column.
import type { HeaderMap, LotColumn } from "./columns.js";
import type { Lot, LotIssue, ReadLot } from "./types.js";
import {
  clean,
  isBad,
  looksLikeScore,
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

export type RowReader = (fields: readonly string[], line: number, malformed?: string | null) => ReadLot;

/** ¥100 million: far above any kei truck, so a larger number is a typo or a unit mix-up. */
const MAX_PRICE_JPY = 100_000_000;

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

export function createRowReader(header: HeaderMap, options: RowOptions): RowReader {
  const idx = header.index;
  const has = (c: LotColumn) => idx[c] !== -1;

  return (fields, line, malformed = null) => {
    const errors: LotIssue[] = [];
    const warnings: LotIssue[] = [];
    const error = (column: string, reason: string) => errors.push({ line, column, reason });
    const warn = (column: string, reason: string) => warnings.push({ line, column, reason });
    const raw = (c: LotColumn): string => (idx[c] === -1 ? "" : (fields[idx[c]] ?? ""));
    const text = (c: LotColumn): string | null => {
      const v = clean(raw(c));
      return v === "" ? null : v;
    };
    /** The value of an optional cell; an unreadable one is a warning and reads as blank. */
    function optional<T>(c: LotColumn, read: (s: string) => Read<T>): T | null {
      if (!has(c)) return null;
      const v = read(raw(c));
      if (isBad(v)) {
        warn(c, `${v.bad}; left out`);
        return null;
      }
      return v;
    }
    /** The value of a cell the evaluation relies on; an unreadable one is an error. */
    function required<T>(c: LotColumn, read: (s: string) => Read<T>): T | null {
      if (!has(c)) return null;
      const v = read(raw(c));
      if (isBad(v)) {
        error(c, v.bad);
        return null;
      }
      return v;
    }

    if (malformed) error("row", `the quoting is broken (${malformed}): check the quotes on this line`);
    if (fields.length > header.width)
      error(
        "row",
        `the row has ${fields.length} fields but the header has ${header.width} (an unquoted comma?)`,
      );
    else if (fields.length < header.width)
      warn(
        "row",
        `the row has ${fields.length} fields but the header has ${header.width}: the rest read as empty`,
      );
    for (const f of fields)
      if (f.includes("\uFFFD")) {
        error("row", "the row is not valid UTF-8 text (was the file saved as Shift_JIS? save it as UTF-8)");
        break;
      }

    const lotNo = text("lot_no") ?? "";
    if (lotNo === "" && has("lot_no")) warn("lot_no", "no lot number: the line number identifies the row");
    const chassisCode = text("chassis_code");
    const frameNo = text("frame_no");
    const model = text("model");
    if (!chassisCode && !frameNo && !model)
      error("chassis_code", "no chassis code, frame number or model name: the truck cannot be identified");

    // The year cell: a year (or era year), or a month when the list gives one there.
    const year = required("year", readYearMonth);
    const reg = required("first_reg", readYearMonth);
    const { yearValue, firstReg } = combineYears(year, reg, line, warnings);

    const mileage = optional("mileage_km", readMileage);
    if (mileage?.flag === "low" && mileage.km !== null)
      warn(
        "mileage_km",
        `${mileage.km} km is very low: if the list gives thousands of km, it means ${(mileage.km * 1000).toLocaleString("en-US")} km`,
      );

    let score = optional("score", readScore);
    let trim = text("trim");
    let gradeReadAs: ReadLot["gradeReadAs"] = null;
    const grade = text("grade");
    if (grade !== null) {
      // research/auction-lots §5.1: "Grade" is the score on English lists, the trim on Japanese ones.
      if (looksLikeScore(grade)) {
        gradeReadAs = "score";
        const s = readScore(grade);
        if (score === null && !isBad(s)) score = s;
      } else {
        gradeReadAs = "trim";
        trim ??= grade;
      }
    }

    let soldPriceJpy = required("sold_price_jpy", (s) => readYen(s, options.priceUnit));
    let result = null;
    const resultCell = text("result");
    if (resultCell !== null) {
      // Some lists put the hammer price under "Result".
      const asPrice = readYen(resultCell, options.priceUnit);
      if (typeof asPrice === "number") soldPriceJpy ??= asPrice;
      else result = optional("result", readResult);
    }
    const startPriceJpy = required("start_price_jpy", (s) => readYen(s, options.priceUnit));
    for (const [column, jpy] of [
      ["start_price_jpy", startPriceJpy],
      ["sold_price_jpy", soldPriceJpy],
    ] as const)
      if (jpy !== null && jpy > MAX_PRICE_JPY)
        error(column, `¥${jpy.toLocaleString("en-US")} is not a plausible price for a kei truck`);
    const priceErrors = errors.some((e) => e.column === "start_price_jpy" || e.column === "sold_price_jpy");
    if (!priceErrors && !positive(startPriceJpy) && !positive(soldPriceJpy))
      error(
        has("start_price_jpy") ? "start_price_jpy" : "sold_price_jpy",
        "no start or sold price above ¥0: landed cost and margin need one",
      );

    const lot: Lot = {
      line,
      lotNo,
      auction: text("auction"),
      auctionDate: optional("auction_date", readDate),
      make: text("make"),
      model,
      chassisCode,
      frameNo,
      trim,
      year: yearValue,
      firstReg,
      mileageKm: mileage?.km ?? null,
      mileageFlag: mileage?.flag ?? null,
      displacementCc: optional("displacement_cc", readCc),
      transmission: text("transmission")?.toUpperCase() ?? null,
      drive: optional("drive", readDrive),
      color: text("color"),
      score,
      interior: optional("interior", readLetterGrade),
      exterior: optional("exterior", readLetterGrade),
      startPriceJpy: positive(startPriceJpy) ? startPriceJpy : null,
      soldPriceJpy: positive(soldPriceJpy) ? soldPriceJpy : null,
      result,
      notes: text("notes"),
    };
    return { lot, errors, warnings, gradeReadAs };
  };
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
  const month = reg?.month != null ? reg : year?.month != null ? year : null;
  const firstReg = month ? `${month.year}-${pad2(month.month!)}` : null;
  const yearValue = year?.year ?? reg?.year ?? null;
  if (year && reg && year.year !== reg.year)
    warnings.push({
      line,
      column: "year",
      reason: `the year ${year.year} and the first registration ${firstReg ?? reg.year} disagree: the registration is used for eligibility`,
    });
  return { yearValue: reg?.year ?? yearValue, firstReg };
}
