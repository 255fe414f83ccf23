// Word lists and sentence templates for the demo data (demo.ts). Every description opens with the demo
// label, so a generated listing can never be mistaken for a real truck for sale; the rest reads like a
// seller wrote it, and only says what the generated fields say (no diff lock in the text of a 2WD).
import { pickOne, type Rng } from "../units/random.js";
import type { ListingDraft } from "./types.js";

export const DEMO_LABEL = "Demo listing — not a real truck for sale.";

/** Relative weights of US states for demo trucks and sellers: where kei trucks are popular. Others get 1. */
// biome-ignore format: a table
export const STATE_WEIGHTS: Readonly<Record<string, number>> = {
  TX: 12, TN: 8, NC: 8, GA: 6, PA: 7, MO: 6, FL: 6, OR: 4, WA: 5, VA: 6, OH: 6, MI: 6, IN: 5, KY: 5,
  AL: 5, SC: 5, ID: 4, MT: 4, WI: 4, MN: 4, AR: 3, OK: 3, WV: 3, KS: 2, NE: 2, SD: 2, WY: 2, AZ: 2,
};

/** First three ZIP digits by state (USPS ranges, rounded): the demo ZIPs look local, need not exist. */
// biome-ignore format: a table
export const ZIP_PREFIXES: Readonly<Record<string, readonly [number, number]>> = {
  AL: [350, 369], AK: [995, 999], AZ: [850, 865], AR: [716, 729], CA: [900, 961], CO: [800, 816],
  CT: [60, 69], DE: [197, 199], DC: [200, 205], FL: [320, 349], GA: [300, 319], HI: [967, 968],
  ID: [832, 838], IL: [600, 629], IN: [460, 479], IA: [500, 528], KS: [660, 679], KY: [400, 427],
  LA: [700, 714], ME: [39, 49], MD: [206, 219], MA: [10, 27], MI: [480, 499], MN: [550, 567],
  MS: [386, 397], MO: [630, 658], MT: [590, 599], NE: [680, 693], NV: [889, 898], NH: [30, 38],
  NJ: [70, 89], NM: [870, 884], NY: [100, 149], NC: [270, 289], ND: [580, 588], OH: [430, 458],
  OK: [730, 749], OR: [970, 979], PA: [150, 196], RI: [28, 29], SC: [290, 299], SD: [570, 577],
  TN: [370, 385], TX: [750, 799], UT: [840, 847], VT: [50, 59], VA: [220, 246], WA: [980, 994],
  WV: [247, 268], WI: [530, 549], WY: [820, 831],
};

export function demoZip(rng: Rng, state: string): string {
  const [lo, hi] = ZIP_PREFIXES[state] ?? [100, 999];
  const prefix = lo + Math.floor(rng() * (hi - lo + 1));
  return `${String(prefix).padStart(3, "0")}${String(1 + Math.floor(rng() * 99)).padStart(2, "0")}`;
}

export const JP_PORTS = ["Yokohama", "Kobe", "Osaka", "Nagoya", "Kawasaki", "Moji", "Tomakomai"] as const;

// biome-ignore format: a table
const STATE_PLACES: Readonly<Record<string, readonly string[]>> = {
  TX: ["Lone Star", "Hill Country", "Brazos Valley"], TN: ["Smoky Mountain", "Volunteer", "Cumberland"],
  NC: ["Blue Ridge", "Tar Heel", "Piedmont"], VA: ["Blue Ridge", "Shenandoah"], GA: ["Peach State"],
  PA: ["Keystone", "Susquehanna"], MO: ["Ozark", "Show-Me"], AR: ["Ozark"], FL: ["Sunshine", "Gulf Coast"],
  OR: ["Cascade", "Willamette"], WA: ["Cascade", "Evergreen"], OH: ["Buckeye"], MI: ["Great Lakes"],
  IN: ["Hoosier"], KY: ["Bluegrass"], AL: ["Yellowhammer"], SC: ["Palmetto"], ID: ["Gem State"],
  MT: ["Big Sky"], WI: ["Badger", "Northwoods"], MN: ["North Star"], WY: ["Cowboy State"],
};
// biome-ignore format: a list
const GENERIC_PLACES = [
  "Heartland", "Prairie", "Red Barn", "Tall Pines", "Cedar Creek", "Rising Sun", "Harvest", "Backroad",
  "Homestead", "Twin Oaks", "Riverbend", "Iron Gate", "Hilltop", "Country Road", "Pine Ridge", "Maple Hollow",
];
// biome-ignore format: a list
const DEALER_KINDS = [
  "Mini Trucks", "Kei Imports", "Kei Trucks", "Japanese Mini Trucks", "Mini Truck Co.", "Farm Trucks",
  "Import Motors", "Kei Truck Depot", "Mini Truck Outfitters", "Utility Imports",
];
// biome-ignore format: a list
const FIRST_NAMES = [
  "Dale", "Maria", "Travis", "Linda", "Cody", "Janet", "Wes", "Rosa", "Hank", "Brenda", "Luis", "Amy",
  "Earl", "Tanya", "Marcus", "Joyce", "Brent", "Keiko", "Ray", "Dolores", "Caleb", "Mei", "Gus", "Paula",
  "Jeb", "Nora", "Darnell", "Ruth", "Colt", "Shirley", "Emmett", "Lupe", "Walt", "Heather", "Tom", "Ines",
];
const FARM_WORDS = ["Hollow Creek", "Sweetgrass", "Bent Fence", "Oak Knoll", "Blackberry", "Sandy Bottom"];
const FARM_KINDS = ["Farm", "Ranch", "Orchard", "Acres", "Homestead"];

export function demoDealerName(rng: Rng, state: string): string {
  const local = STATE_PLACES[state];
  const place = local && rng() < 0.6 ? pickOne(rng, local) : pickOne(rng, GENERIC_PLACES);
  return `${place} ${pickOne(rng, DEALER_KINDS)}${rng() < 0.15 ? " LLC" : ""}`;
}

export function demoPersonName(rng: Rng): string {
  // Some private sellers go by their farm's name, as they do on the classified sites.
  if (rng() < 0.12) return `${pickOne(rng, FARM_WORDS)} ${pickOne(rng, FARM_KINDS)}`;
  const initial = String.fromCharCode(65 + Math.floor(rng() * 26));
  return `${pickOne(rng, FIRST_NAMES)} ${initial}.`;
}

/** "Carry Truck / Super Carry" -> "Carry", "Sambar Truck (Daihatsu-built)" -> "Sambar". */
export function shortModel(model: string): string {
  const first = model.split(" / ")[0] ?? model;
  return (
    first
      .replace(/\s*\([^)]*\)/g, "")
      .replace(/ Truck$/, "")
      .trim() || model
  );
}

// A catalog has a few dozen model names; a pure memo spares 100,000 listings the regular expressions.
const shortModels = new Map<string, string>();
function shortModelOf(model: string): string {
  let short = shortModels.get(model);
  if (short === undefined) {
    short = shortModel(model);
    shortModels.set(model, short);
  }
  return short;
}

const BED_WORDS = {
  standard: "",
  dump: "dump bed",
  scissor_dump: "scissor dump",
  panel: "panel van",
  other: "flatbed",
};

/** A title like a seller's: "1996 Honda Acty 4WD, dump bed", from the fields only. */
export function demoTitle(rng: Rng, t: ListingDraft, year: number, fourWd: boolean): string {
  // Joined once: a flat string per title instead of a rope of pieces (100,000 titles are GC work).
  const parts = [`${year} ${t.make} ${shortModelOf(t.model ?? "")} ${fourWd ? "4WD" : "2WD"}`];
  if (BED_WORDS[t.bedType]) parts.push(BED_WORDS[t.bedType]);
  const options: string[] = [];
  if (t.diffLock) options.push("diff lock");
  if (t.highLowRange) options.push("hi/lo range");
  if (t.transmission === "manual" || t.transmission === "automatic") options.push(t.transmission);
  if (t.mileageKm !== null) options.push("mileage");
  if (t.titleStatus === "clean") options.push("clean title");
  if (t.condition === "project") options.push("project");
  if (options.length > 0 && rng() < 0.6) {
    const option = pickOne(rng, options);
    if (option !== "mileage") parts.push(option);
    else if (t.location === "us") parts.push(`${Math.round((t.mileageKm ?? 0) / 1609.344)}k miles`);
    else parts.push(formatKm(t.mileageKm ?? 0));
  }
  return parts.join(", ");
}

/** 84000 -> "84,000 km" (by hand: Intl is slow for 100,000 listings and locale-dependent). */
function formatKm(km: number): string {
  const n = Math.round(km);
  return n < 1000 ? `${n} km` : `${Math.floor(n / 1000)},${String(n % 1000).padStart(3, "0")} km`;
}

const CONDITION_LINES = {
  excellent: [
    "Very clean truck, garage kept.",
    "One of the nicest examples we have had.",
    "Straight body and a clean interior.",
  ],
  good: [
    "Runs and drives well.",
    "Solid work truck, starts right up.",
    "Honest truck with normal wear for its age.",
  ],
  fair: [
    "Runs and drives, but it shows its years.",
    "Daily worker with dents and faded paint.",
    "Mechanically sound, cosmetically rough.",
  ],
  project: [
    "Sold as a project.",
    "Needs work before it goes back in service.",
    "Runs, but needs brakes and attention.",
  ],
};
const RUST_LINES = {
  excellent: "No rust under the bed or on the frame.",
  good: "Light surface rust on the frame, nothing structural.",
  fair: "Some rust in the usual spots: cab corners and under the bed.",
  project: "Rust through in the floor and bed; it needs welding.",
};
const TIRE_LINES = [
  "Tires have about half their tread left.",
  "New tires last season.",
  "Tires are the original 12-inch size with good tread.",
  "Tires are worn and will need replacing soon.",
];
const US_USE = [
  "Used around our farm for hauling feed and fence posts.",
  "Hunting-lease truck, never on the highway.",
  "Used on a small vineyard.",
  "Great for the orchard, the barn or the trails.",
];
const JP_USE = [
  "Came off a rice farm in Niigata.",
  "Used in a mikan orchard in Ehime.",
  "Worked on a tea farm in Shizuoka.",
  "Ex-municipal truck from Hokkaido.",
];

function maintenanceLine(rng: Rng, t: ListingDraft, year: number): string {
  const at = formatKm(
    Math.max(1000, Math.round(((t.mileageKm ?? 60_000) * (0.6 + 0.35 * rng())) / 1000) * 1000),
  );
  // Most 1990s kei engines (and Honda's through 2021) have a timing belt; later Suzuki/Daihatsu ones a chain.
  if (year < 1999 || t.make === "Honda") return `Timing belt and water pump done at ${at}.`;
  return pickOne(rng, [
    `New clutch at ${at}.`,
    "Oil, filters and coolant changed recently.",
    "Fresh battery, plugs and fluids.",
  ]);
}

function fourWdLine(t: ListingDraft): string {
  const extra =
    t.highLowRange && t.diffLock
      ? "; high/low range works, diff lock tested"
      : t.highLowRange
        ? "; high/low range works"
        : t.diffLock
          ? "; diff lock tested"
          : "";
  return `4WD engages and disengages properly${extra}.`;
}

type Line = "maintenance" | "rust" | "tires" | "use" | "4wd" | "grade" | "port";

function line(rng: Rng, kind: Line, t: ListingDraft, year: number): string {
  switch (kind) {
    case "maintenance":
      return maintenanceLine(rng, t, year);
    case "rust":
      return RUST_LINES[t.condition ?? "good"];
    case "tires":
      return pickOne(rng, TIRE_LINES);
    case "use":
      return pickOne(rng, t.location === "us" ? US_USE : JP_USE);
    case "4wd":
      return fourWdLine(t);
    case "grade":
      return `Auction sheet grade ${t.auctionGrade}.`;
    case "port":
      return `Ready to ship from ${t.jpPort}.`;
  }
}

/** The demo label, one condition sentence, then one to three more picked from what applies. */
export function demoDescription(rng: Rng, t: ListingDraft, year: number, fourWd: boolean): string {
  const pool: Line[] = ["maintenance", "rust", "tires", "use"];
  if (fourWd) pool.push("4wd");
  if (t.auctionGrade) pool.push("grade");
  if (t.jpPort) pool.push("port");
  const lines = [DEMO_LABEL, pickOne(rng, CONDITION_LINES[t.condition ?? "good"])];
  const extra = 1 + Math.floor(rng() * 3);
  for (let k = 0; k < extra; k++) {
    const i = Math.floor(rng() * pool.length);
    lines.push(line(rng, pool[i]!, t, year));
    pool.splice(i, 1);
  }
  return lines.join(" ");
}
