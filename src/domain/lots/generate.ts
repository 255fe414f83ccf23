// Deterministic, realistic-looking auction lots for benchmarks and tests: catalog codes within their
// production years, era and Gregorian years, masked and full frame numbers, prices in ¥1,000 steps,
// scores on the truck scale, quoted notes with commas and Japanese text. Invented data, never shown as
// real lots.
import type { CatalogEntry } from "../../facts/schemas.js";
import { mulberry32, pickOne, type Rng } from "../units/random.js";
import { csvRow } from "./csv.js";

export const GENERATED_HEADER = [
  "lot_no",
  "auction",
  "auction_date",
  "make",
  "model",
  "chassis_code",
  "frame_no",
  "trim",
  "year",
  "first_reg",
  "mileage_km",
  "displacement_cc",
  "transmission",
  "drive",
  "score",
  "interior",
  "color",
  "start_price_jpy",
  "sold_price_jpy",
  "result",
  "notes",
] as const;

const AUCTIONS = [
  "USS Tokyo",
  "USS Nagoya",
  "JU Aichi",
  "TAA Kinki",
  "HAA Kobe",
  "CAA Chubu",
  "USS Yokohama",
];
const TRIMS = ["KC", "KU", "SDX", "Town", "Jumbo", "TB", "TC", ""];
const SCORES = ["3", "3", "3.5", "3.5", "3.5", "4", "4", "4.5", "2", "R", "RA", "5", "***"];
const COLORS = ["White", "White", "White", "Silver", "Blue", "Red", "Green"];
const NOTES = [
  "",
  "",
  "A1 bed rails",
  "S1 rear frame; A1 bed",
  "S2 under bed, driver seat tear",
  "W2 cab",
  "AC PS",
  "修復歴あり",
  "U1 tailgate, A2 door",
  "C1 sill",
  "",
];
const JAPANESE: Record<string, string> = {
  Suzuki: "キャリイ",
  Honda: "アクティトラック",
  Daihatsu: "ハイゼットトラック",
  Subaru: "サンバートラック",
  Mitsubishi: "ミニキャブトラック",
};

function yearsOf(e: CatalogEntry): [number, number] | null {
  if (!e.productionStart) return null;
  const start = Number(e.productionStart.slice(0, 4));
  const end = e.inProduction ? 2024 : e.productionEnd ? Number(e.productionEnd.slice(0, 4)) : null;
  return end === null ? null : [start, Math.max(start, end)];
}

function eraYear(year: number): string {
  if (year >= 2019) return `R${year - 2018}`;
  if (year >= 1989) return `H${year - 1988}`;
  return `S${year - 1925}`;
}

/** One lot row (fields in GENERATED_HEADER order). */
function lotRow(rng: Rng, i: number, trucks: readonly CatalogEntry[]): string[] {
  const e = pickOne(rng, trucks);
  const [from, to] = yearsOf(e)!;
  const year = from + Math.floor(rng() * (to - from + 1));
  const month = 1 + Math.floor(rng() * 12);
  const age = 2026 - year;
  const mileage = Math.round((5000 + rng() * 4000 * age) / 100) * 100;
  const start = 10_000 + Math.floor(rng() * 30) * 5000;
  const sold = rng() < 0.8 ? start + Math.floor(rng() * 300) * 1000 : null;
  const withFrame = rng() < 0.6;
  const useEra = rng() < 0.3;
  const japanese = rng() < 0.15 && JAPANESE[e.make];
  return [
    String(10_000 + (i % 90_000)),
    pickOne(rng, AUCTIONS),
    `2026-11-${String(17 + Math.floor(rng() * 6)).padStart(2, "0")}`,
    e.make,
    japanese || e.model,
    e.chassisCode,
    withFrame ? `${e.framePrefix}-${100_000 + Math.floor(rng() * 900_000)}` : "",
    pickOne(rng, TRIMS),
    useEra ? eraYear(year) : String(year),
    rng() < 0.7 ? `${year}-${String(month).padStart(2, "0")}` : "",
    String(mileage),
    String(e.displacementCc ?? 657),
    pickOne(rng, ["F5", "F5", "F4", "C3", "AT"]),
    e.drive === "both" ? pickOne(rng, ["2WD", "4WD"]) : (e.drive ?? ""),
    pickOne(rng, SCORES),
    pickOne(rng, ["A", "B", "B", "C", "D"]),
    pickOne(rng, COLORS),
    String(start),
    sold === null ? "" : String(sold),
    sold === null ? pickOne(rng, ["unsold", "negotiation"]) : "sold",
    pickOne(rng, NOTES),
  ];
}

/**
 * `count` rows as CSV text (header first, CRLF line ends), in slices of about `rowsPerSlice` rows, so a
 * million rows can be written to a file without holding them all.
 */
export function* generateLotCsv(
  catalog: readonly CatalogEntry[],
  count: number,
  seed = 1,
  rowsPerSlice = 5000,
): Generator<string> {
  const trucks = catalog.filter((e) => yearsOf(e) !== null && e.model.includes("Truck"));
  const rng = mulberry32(seed);
  let out = `${csvRow(GENERATED_HEADER)}\r\n`;
  for (let i = 0; i < count; i++) {
    out += `${csvRow(lotRow(rng, i, trucks))}\r\n`;
    if ((i + 1) % rowsPerSlice === 0) {
      yield out;
      out = "";
    }
  }
  if (out !== "") yield out;
}
