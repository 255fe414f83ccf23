// The public shapes of a lot result: one CSV row, one JSON object (CLI --out, --json; a web upload
// later), one line of the terminal table. Dollars are numbers with two decimals in JSON and CSV; the
// table rounds to whole dollars for reading. Field and column names are public: rename nothing.
import { csvField } from "../domain/lots/csv.js";
import type { LotIssue, LotResult } from "../domain/lots/types.js";

/** Cents as dollars with two decimals ("-1234.50"), without floating-point formatting. */
export function dollars(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  const c = abs % 100;
  return `${sign}${(abs - c) / 100}.${c < 10 ? "0" : ""}${c}`;
}

const usdOrNull = (cents: number | null | undefined) => (cents == null ? null : Number(dollars(cents)));

export const LOT_CSV_COLUMNS = [
  "line",
  "lot_no",
  "auction",
  "auction_date",
  "status",
  "chassis_code",
  "make",
  "model",
  "generation",
  "identified_by",
  "year",
  "first_reg",
  "mileage_km",
  "score",
  "verdict",
  "eligible_from",
  "age_evidence",
  "price_basis",
  "price_jpy",
  "landed_usd",
  "fair_source",
  "fair_usd",
  "fair_low_usd",
  "fair_high_usd",
  "comparables",
  "margin_usd",
  "margin_low_usd",
  "margin_high_usd",
  "warnings",
  "errors",
] as const;

export function issuesText(issues: readonly LotIssue[]): string {
  let out = "";
  for (const i of issues) out += `${out === "" ? "" : "; "}${i.column}: ${i.reason}`;
  return out;
}

const num = (v: number | null | undefined) => (v == null ? "" : String(v));
const txt = (v: string | null | undefined) => (v == null ? "" : csvField(v));

/**
 * One result as a CSV line (without the line break), in LOT_CSV_COLUMNS order. Built by hand rather than
 * through an array: it runs once per lot, a million times for a big file.
 */
export function lotCsvLine(r: LotResult): string {
  const f = r.fair;
  const m = r.margin;
  return `${r.line},${csvField(r.lotNo)},${txt(r.auction)},${r.auctionDate ?? ""},${r.status},${vehicleCells(r.vehicle)},${num(r.year)},${r.firstReg ?? ""},${num(r.mileageKm)},${r.score ?? ""},${eligibilityCells(r.eligibility)},${r.price?.basis ?? ""},${num(r.price?.jpy)},${r.landedCents === null ? "" : dollars(r.landedCents)},${fairCells(f)},${m?.cents == null ? "" : dollars(m.cents)},${m ? dollars(m.lowCents) : ""},${m ? dollars(m.highCents) : ""},${r.warnings.length === 0 ? "" : csvField(issuesText(r.warnings))},${r.errors.length === 0 ? "" : csvField(issuesText(r.errors))}`;
}

// Vehicles and eligibility answers are shared objects (one per code, one per registration month), so
// their cells are written once each and reused.
const vehicleText = new WeakMap<object, string>();
const eligibilityText = new WeakMap<object, string>();

/** The fair-price cells: source, point, low, high, comparables. */
export function fairCells(f: LotResult["fair"]): string {
  const hasRange = f !== null && f.source !== "none";
  return `${f?.source ?? ""},${f?.source === "model" ? dollars(f.fairCents) : ""},${hasRange ? dollars(f.lowCents) : ""},${hasRange ? dollars(f.highCents) : ""},${f?.source === "model" ? f.comparables : ""}`;
}

export function vehicleCells(v: LotResult["vehicle"]): string {
  if (!v) return ",,,,";
  let t = vehicleText.get(v);
  if (t === undefined) {
    t = `${txt(v.chassisCode)},${csvField(v.make)},${csvField(v.model)},${txt(v.generation)},${v.from}`;
    vehicleText.set(v, t);
  }
  return t;
}

export function eligibilityCells(e: LotResult["eligibility"]): string {
  if (!e) return ",,";
  let t = eligibilityText.get(e);
  if (t === undefined) {
    t = `${e.verdict},${e.eligibleFrom ?? ""},${e.evidence}`;
    eligibilityText.set(e, t);
  }
  return t;
}

/** One result as JSON: the same facts as the CSV row, nested, with warnings and errors as lists. */
export function presentLot(r: LotResult) {
  const f = r.fair;
  return {
    line: r.line,
    lotNo: r.lotNo,
    auction: r.auction,
    auctionDate: r.auctionDate,
    status: r.status,
    vehicle: r.vehicle,
    year: r.year,
    firstReg: r.firstReg,
    mileageKm: r.mileageKm,
    score: r.score,
    eligibility: r.eligibility,
    price: r.price,
    landedUsd: usdOrNull(r.landedCents),
    fair:
      f === null
        ? null
        : f.source === "model"
          ? {
              source: f.source,
              usd: usdOrNull(f.fairCents),
              lowUsd: usdOrNull(f.lowCents),
              highUsd: usdOrNull(f.highCents),
              comparables: f.comparables,
              level: f.level,
            }
          : f.source === "facts"
            ? { source: f.source, usd: null, lowUsd: usdOrNull(f.lowCents), highUsd: usdOrNull(f.highCents) }
            : { source: f.source, reason: f.reason },
    margin: r.margin
      ? {
          usd: usdOrNull(r.margin.cents),
          lowUsd: usdOrNull(r.margin.lowCents),
          highUsd: usdOrNull(r.margin.highCents),
        }
      : null,
    warnings: r.warnings,
    errors: r.errors,
  };
}
export type LotView = ReturnType<typeof presentLot>;

/**
 * One result as the results file holds it: a CSV line with its line break, or an element of the JSON
 * results array with the ",\n" that goes before it (the writer drops the comma of the first one).
 */
export function lotOutputText(r: LotResult, format: "csv" | "json"): string {
  return format === "csv" ? `${lotCsvLine(r)}\n` : `,\n${JSON.stringify(presentLot(r))}`;
}

// ---- the terminal table ---------------------------------------------------------------------------

/** 123456 -> "1,235" (whole dollars, half-up). */
function wholeDollars(cents: number): string {
  const d = Math.round(Math.abs(cents) / 100);
  return `${cents < 0 && d > 0 ? "-" : ""}${String(d).replace(/\B(?=(\d{3})+(?!\d))/g, ",")}`;
}

const yenText = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

/** Fits text in `width` columns (East Asian wide characters count two), padding or cutting with "…". */
export function cell(text: string, width: number, right = false): string {
  let cols = 0;
  for (const ch of text) cols += isWide(ch) ? 2 : 1;
  if (cols > width) {
    let out = "";
    let used = 0;
    for (const ch of text) {
      const w = isWide(ch) ? 2 : 1;
      if (used + w > width - 1) break;
      out += ch;
      used += w;
    }
    return `${out}…${" ".repeat(width - 1 - used)}`;
  }
  const pad = " ".repeat(width - cols);
  return right ? pad + text : text + pad;
}

function isWide(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  return (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6)
  );
}

const WIDTHS = {
  line: 5,
  lot: 7,
  truck: 24,
  year: 7,
  verdict: 24,
  price: 15,
  landed: 8,
  fair: 14,
  margin: 14,
};

export function lotTableHeader(arrival: string): string {
  const w = WIDTHS;
  return [
    cell("line", w.line, true),
    cell("lot", w.lot),
    cell("truck", w.truck),
    cell("reg", w.year),
    cell(`import on ${arrival}`, w.verdict),
    cell("price ¥", w.price, true),
    cell("landed $", w.landed, true),
    cell("fair US $", w.fair, true),
    cell("margin $", w.margin, true),
    "notes",
  ].join("  ");
}

function verdictText(r: LotResult): string {
  const e = r.eligibility;
  if (!e) return "";
  if (e.verdict === "importable") return "yes";
  if (e.verdict === "not_importable") return e.eligibleFrom ? `no, from ${e.eligibleFrom}` : "no";
  // Eligible by its registration from that date; the build date on the plate may bring it forward.
  return e.eligibleFrom ? `proof needed, ${e.eligibleFrom}` : "proof needed";
}

function fairText(r: LotResult): string {
  const f = r.fair;
  if (!f || f.source === "none") return "—";
  if (f.source === "model") return wholeDollars(f.fairCents);
  return `${wholeDollars(f.lowCents)}–${wholeDollars(f.highCents)}*`;
}

function marginText(r: LotResult): string {
  const m = r.margin;
  if (!m) return "—";
  if (m.cents !== null) return wholeDollars(m.cents);
  return `${wholeDollars(m.lowCents)}–${wholeDollars(m.highCents)}*`;
}

/** One line of the table; an error row shows its first error instead of numbers. */
export function lotTableRow(r: LotResult): string {
  const w = WIDTHS;
  const v = r.vehicle;
  // A truck known by its model name alone has no code to show: the table says how it was known.
  const truck = v
    ? v.chassisCode
      ? `${v.chassisCode} ${v.model}`
      : `${v.model} (by name)`
    : r.status === "error"
      ? ""
      : "unidentified";
  const head = [cell(String(r.line), w.line, true), cell(r.lotNo, w.lot)];
  if (r.status === "error") {
    const first = r.errors[0]!;
    const more = r.errors.length > 1 ? ` (+${r.errors.length - 1} more)` : "";
    return [...head, cell(truck, w.truck), `ERROR ${first.column}: ${first.reason}${more}`].join("  ");
  }
  const price = r.price ? `${yenText(r.price.jpy)} ${r.price.basis === "sold" ? "sold" : "start"}` : "";
  const notes =
    r.warnings.length === 0
      ? ""
      : `${r.warnings[0]!.reason}${r.warnings.length > 1 ? ` (+${r.warnings.length - 1})` : ""}`;
  return [
    ...head,
    cell(truck, w.truck),
    cell(r.firstReg ?? (r.year === null ? "" : String(r.year)), w.year),
    cell(verdictText(r), w.verdict),
    cell(price, w.price, true),
    cell(r.landedCents === null ? "" : wholeDollars(r.landedCents), w.landed, true),
    cell(fairText(r), w.fair, true),
    cell(marginText(r), w.margin, true),
    notes,
  ]
    .join("  ")
    .trimEnd();
}
