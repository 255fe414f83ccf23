// The columns keiyard reads from an auction-lot CSV, and the header spellings it accepts for each
// (docs/auction-lots.md). Auction lists and agents' exports name the same thing many ways, in English
// and Japanese, so a header is compared after folding width, case, spacing, punctuation and a trailing
// unit ("Mileage (km)", "Start price ¥" and "start_price_jpy" are one column).

export const LOT_COLUMNS = [
  "lot_no",
  "auction",
  "auction_date",
  "make",
  "model",
  "chassis_code",
  "frame_no",
  "trim",
  "grade",
  "year",
  "first_reg",
  "mileage_km",
  "displacement_cc",
  "transmission",
  "drive",
  "fuel",
  "color",
  "score",
  "interior",
  "exterior",
  "equipment",
  "shaken_expiry",
  "start_price_jpy",
  "sold_price_jpy",
  "result",
  "avg_price_jpy",
  "notes",
] as const;
export type LotColumn = (typeof LOT_COLUMNS)[number];

/** Column -> its position in LOT_COLUMNS: a number that hot code can index an array with. */
export const COLUMN_ID = Object.freeze(Object.fromEntries(LOT_COLUMNS.map((c, i) => [c, i]))) as Readonly<
  Record<LotColumn, number>
>;

/**
 * Accepted spellings, folded by foldHeader. `grade` is its own column because it is ambiguous: on
 * Japanese lists グレード is the trim, on many English lists "Grade" is the auction score; each value is
 * read as a score when it is one, else as the trim. `result` likewise holds either the outcome
 * (sold / unsold) or, on some lists, the sold price.
 */
const ALIASES: Record<LotColumn, readonly string[]> = {
  lot_no: [
    "lotno",
    "lot",
    "lotnumber",
    "auctionno",
    "auctionnumber",
    "出品番号",
    "出品no",
    "ロット",
    "ロット番号",
  ],
  auction: ["auction", "auctionhouse", "venue", "site", "会場", "オークション", "オークション会場"],
  auction_date: ["auctiondate", "date", "saledate", "開催日", "オークション日", "日付"],
  make: ["make", "maker", "manufacturer", "brand", "メーカー"],
  model: ["model", "modelname", "carname", "name", "車名", "車種"],
  chassis_code: ["chassiscode", "chassis", "modelcode", "type", "body", "framecode", "型式"],
  frame_no: [
    "frameno",
    "frame",
    "framenumber",
    "chassisno",
    "chassisnumber",
    "vin",
    "serial",
    "serialno",
    "車台番号",
  ],
  trim: ["trim", "spec", "グレード"],
  grade: ["grade"],
  year: ["year", "yr", "modelyear", "年式"],
  first_reg: [
    "firstreg",
    "reg",
    "firstregistration",
    "registration",
    "firstregistered",
    "初度登録",
    "初度登録年月",
    "初度検査",
    "初度検査年月",
    "初年度登録",
  ],
  mileage_km: ["mileagekm", "mileage", "km", "odo", "odometer", "走行", "走行距離"],
  displacement_cc: ["displacementcc", "displacement", "cc", "engine", "displ", "排気量"],
  transmission: ["transmission", "trans", "shift", "tm", "gearbox", "シフト", "ミッション"],
  drive: ["drive", "4wd", "drivetrain", "駆動", "駆動方式"],
  fuel: ["fuel", "燃料"],
  color: ["color", "colour", "色", "車体色", "カラー"],
  score: ["score", "rate", "rating", "auctiongrade", "auctionscore", "評価点", "評価"],
  interior: ["interior", "int", "interiorgrade", "内装", "内装評価"],
  exterior: ["exterior", "ext", "exteriorgrade", "外装", "外装評価"],
  equipment: ["equipment", "equip", "options", "装備"],
  shaken_expiry: ["shakenexpiry", "shaken", "inspection", "車検", "車検満了"],
  start_price_jpy: ["startpricejpy", "startprice", "start", "スタート", "スタート価格", "開始価格"],
  sold_price_jpy: [
    "soldpricejpy",
    "soldprice",
    "sold",
    "endprice",
    "finalbid",
    "hammerprice",
    "落札価格",
    "落札額",
  ],
  result: ["result", "status", "結果", "落札結果"],
  avg_price_jpy: ["avgpricejpy", "avgprice", "avg", "average", "stat", "平均", "平均価格"],
  notes: [
    "notes",
    "note",
    "comments",
    "comment",
    "inspectornotes",
    "remarks",
    "検査員報告",
    "備考",
    "コメント",
  ],
};

const BY_ALIAS = new Map<string, LotColumn>();
for (const column of LOT_COLUMNS) for (const alias of ALIASES[column]) BY_ALIAS.set(alias, column);

/** Units a header may end with; dropped unless nothing else would be left ("km" stays "km"). */
const UNIT_SUFFIX = /(jpy|yen|円|¥|km|cc)$/u;

/** "  Mileage (km) " -> "mileage"; "Lot#" -> "lot"; "start_price_jpy" -> "startprice"; "ＬＯＴ" -> "lot". */
export function foldHeader(header: string): string {
  const base = header
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[(（[【].*?[)）\]】]/gu, "")
    .replace(/[\s_\-./#:'’・]+/gu, "");
  const unitless = base.replace(UNIT_SUFFIX, "");
  return unitless === "" ? base : unitless;
}

/** The canonical column a header names, or null when keiyard does not read it. */
export function columnOf(header: string): LotColumn | null {
  return BY_ALIAS.get(foldHeader(header)) ?? null;
}

/** Column -> field index (-1 when absent). */
export type ColumnIndex = Record<LotColumn, number>;

export interface HeaderMap {
  index: ColumnIndex;
  /** Headers keiyard does not read: they are kept out of the evaluation and listed in the summary. */
  ignored: string[];
  /** Two headers naming one column: the first is read, the later ones listed here. */
  duplicates: string[];
  /** What a file must have; empty when it has it all. */
  missing: string[];
  /** Number of fields in the header row, which every row should match. */
  width: number;
}

/** Groups of which a file needs at least one column each (docs/auction-lots.md, "Required columns"). */
export const REQUIRED: readonly { columns: readonly LotColumn[]; text: string }[] = [
  { columns: ["lot_no"], text: "lot_no" },
  { columns: ["chassis_code", "frame_no", "model"], text: "chassis_code, frame_no or model" },
  { columns: ["start_price_jpy", "sold_price_jpy", "result"], text: "start_price_jpy or sold_price_jpy" },
];

export function mapHeader(fields: readonly string[]): HeaderMap {
  const index = Object.fromEntries(LOT_COLUMNS.map((c) => [c, -1])) as ColumnIndex;
  const ignored: string[] = [];
  const duplicates: string[] = [];
  fields.forEach((raw, i) => {
    const column = columnOf(raw);
    if (column === null) {
      if (raw.trim() !== "") ignored.push(raw.trim());
    } else if (index[column] === -1) index[column] = i;
    else duplicates.push(raw.trim());
  });
  const missing = REQUIRED.filter((g) => g.columns.every((c) => index[c] === -1)).map((g) => g.text);
  return { index, ignored, duplicates, missing, width: fields.length };
}
