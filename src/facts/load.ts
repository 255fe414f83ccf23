// Loads the fact files once, validates them, and fails fast with a message that names the file, the
// record and the field, so a bad edit to data/facts is caught at start-up and never shown to a user.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { z } from "zod";
import type { ZipTable } from "../domain/geo/zip-distance.js";
import { auctionSheetSchema, checkAuctionSheet } from "./auction-sheet.schema.js";
import { FactsError } from "./errors.js";
import {
  catalogSchema,
  engineTimingSchema,
  type Facts,
  fxDefaultSchema,
  haulLoadsSchema,
  importRulesSchema,
  modelNamesSchema,
  stateFeesSchema,
  stateRulesSchema,
} from "./schemas.js";
import { zipCentroids } from "./zip-centroids.js";

export const DEFAULT_FACTS_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "data", "facts");

export { FactsError };

type Issue = z.core.$ZodIssue;

/** "record 12 (DA63T), field productionStart: expected YYYY or YYYY-MM" */
export function describeIssue(data: unknown, issue: Issue): string {
  const path = issue.path.map(String);
  let where = "";
  let fieldPath = path;
  if (Array.isArray(data) && path.length > 0 && /^\d+$/.test(path[0] ?? "")) {
    const index = Number(path[0]);
    const rec = data[index] as Record<string, unknown> | undefined;
    const label = rec?.chassisCode ?? rec?.code ?? rec?.id;
    where = `record ${index}${typeof label === "string" ? ` (${label})` : ""}, `;
    fieldPath = path.slice(1);
  }
  const field = fieldPath.length > 0 ? `field ${fieldPath.join(".")}` : "the record itself";
  return `${where}${field}: ${issue.message}`;
}

function readJson(dir: string, file: string): unknown {
  const path = join(dir, file);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new FactsError(`${displayPath(path)}: cannot read fact file (${(e as Error).message})`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new FactsError(`${displayPath(path)}: not valid JSON (${(e as Error).message})`);
  }
}

function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith("..") ? path : rel;
}

export function parseFactFile<T>(file: string, schema: z.ZodType<T>, data: unknown): T {
  // Without zod's compiled fast path: a fact file is checked once per process, and compiling a
  // checker for each of its object shapes took longer than checking without (the fact files: about 75
  // against 45 ms on the first load, which every `keiyard` command pays before its first answer).
  const result = schema.safeParse(data, { jitless: true });
  if (result.success) return result.data;
  const lines = result.error.issues.slice(0, 5).map((i) => `  - ${describeIssue(data, i)}`);
  const more = result.error.issues.length > 5 ? `\n  (and ${result.error.issues.length - 5} more)` : "";
  throw new FactsError(`${file}: invalid fact data\n${lines.join("\n")}${more}`);
}

function assertUnique(file: string, values: string[], what: string): void {
  const seen = new Set<string>();
  for (const [i, v] of values.entries()) {
    if (seen.has(v)) throw new FactsError(`${file}: record ${i} (${v}): duplicate ${what}`);
    seen.add(v);
  }
}

/** Cross-file checks that a schema cannot express. */
export function checkConsistency(facts: Facts): void {
  assertUnique(
    "kei-catalog.json",
    facts.catalog.map((e) => e.chassisCode),
    "chassisCode",
  );
  assertUnique(
    "kei-catalog.json",
    facts.catalog.map((e) => e.id),
    "id",
  );
  assertUnique(
    "state-rules.json",
    facts.stateRules.map((s) => s.code),
    "state code",
  );
  assertUnique(
    "state-fees.json",
    facts.stateFees.map((s) => s.code),
    "state code",
  );
  const ruleCodes = new Set(facts.stateRules.map((s) => s.code));
  for (const [i, f] of facts.stateFees.entries()) {
    if (!ruleCodes.has(f.code))
      throw new FactsError(`state-fees.json: record ${i} (${f.code}), field code: not in state-rules.json`);
  }
  checkHaulLoads(facts);
  checkAuctionSheet(facts.auctionSheet);
  assertUnique(
    "engine-timing.json",
    facts.engineTiming.map((t) => t.engine),
    "engine",
  );
  const engines = new Set(facts.catalog.flatMap((e) => e.engineCodes));
  for (const [i, t] of facts.engineTiming.entries())
    if (!engines.has(t.engine))
      throw new FactsError(
        `engine-timing.json: record ${i} (${t.engine}), field engine: not in kei-catalog.json`,
      );
  const families = new Set(facts.catalog.map((e) => `${e.make}|${e.model}`));
  for (const [i, f] of facts.modelNames.families.entries()) {
    if (!families.has(`${f.make}|${f.model}`))
      throw new FactsError(
        `model-names.json: record ${i} (${f.make} ${f.model}), field model: no such make and model in kei-catalog.json`,
      );
  }
  const known = new Set(Object.keys(facts.importRules.sources));
  const missing = collectSourceIds(facts.importRules).filter((id) => !known.has(id));
  if (missing.length > 0)
    throw new FactsError(
      `import-rules.json: source ids not in "sources": ${[...new Set(missing)].join(", ")}`,
    );
}

/** Unique ids, the two stack units the planner needs, and bed records that name catalogued codes. */
function checkHaulLoads(facts: Facts): void {
  const file = "haul-loads.json";
  assertUnique(
    file,
    facts.haulLoads.map((l) => l.id),
    "id",
  );
  for (const id of ["cord", "face-cord"])
    if (!facts.haulLoads.some((l) => l.id === id && l.kind === "stack_unit"))
      throw new FactsError(`${file}: missing the stack_unit record "${id}"`);
  const codes = new Set(facts.catalog.map((e) => e.chassisCode));
  const seen = new Set<string>();
  for (const [i, l] of facts.haulLoads.entries()) {
    if (l.kind !== "bed_side") continue;
    for (const code of l.chassisCodes) {
      if (!codes.has(code))
        throw new FactsError(
          `${file}: record ${i} (${l.id}), field chassisCodes: ${code} is not in kei-catalog.json`,
        );
      if (seen.has(code))
        throw new FactsError(
          `${file}: record ${i} (${l.id}), field chassisCodes: ${code} has two bed records`,
        );
      seen.add(code);
    }
  }
}

/** Every string in a `source` or `sources` array anywhere in the import rules. */
function collectSourceIds(node: unknown, key = ""): string[] {
  if (Array.isArray(node)) {
    if (key === "source" || key === "sources") return node.filter((v): v is string => typeof v === "string");
    return node.flatMap((v) => collectSourceIds(v));
  }
  if (node && typeof node === "object") {
    return Object.entries(node)
      .filter(([k]) => k !== "sources" || Array.isArray((node as Record<string, unknown>)[k]))
      .flatMap(([k, v]) => collectSourceIds(v, k));
  }
  if (typeof node === "string" && key === "source") return [node];
  return [];
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === "object" && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

export function loadFacts(dir: string = DEFAULT_FACTS_DIR): Facts {
  const facts: Facts = {
    catalog: parseFactFile("kei-catalog.json", catalogSchema, readJson(dir, "kei-catalog.json")),
    importRules: parseFactFile("import-rules.json", importRulesSchema, readJson(dir, "import-rules.json")),
    stateRules: parseFactFile("state-rules.json", stateRulesSchema, readJson(dir, "state-rules.json")),
    stateFees: parseFactFile("state-fees.json", stateFeesSchema, readJson(dir, "state-fees.json")),
    engineTiming: parseFactFile("engine-timing.json", engineTimingSchema, readJson(dir, "engine-timing.json"))
      .engines,
    fxDefault: existsSync(join(dir, "fx-default.json"))
      ? parseFactFile("fx-default.json", fxDefaultSchema, readJson(dir, "fx-default.json"))
      : null,
    haulLoads: parseFactFile("haul-loads.json", haulLoadsSchema, readJson(dir, "haul-loads.json")),
    modelNames: parseFactFile("model-names.json", modelNamesSchema, readJson(dir, "model-names.json")),
    auctionSheet: parseFactFile(
      "auction-sheet.json",
      auctionSheetSchema,
      readJson(dir, "auction-sheet.json"),
    ),
  };
  checkConsistency(facts);
  deepFreeze(facts);
  folders.set(facts, dir);
  return facts;
}

// The folder each loaded Facts came from, for the fact file read only on demand (the ZIP centres). Kept
// beside the facts rather than in them, so that they stay plain data (sent to worker threads, spread).
const folders = new WeakMap<Facts, string>();

/**
 * The ZIP centres of the folder these facts were loaded from (zip-centroids.csv, read on the first call:
 * 33,791 rows only a search near a ZIP needs); null for facts not made by loadFacts (built in a test).
 */
export function zipTableOf(facts: Facts): ZipTable | null {
  const dir = folders.get(facts);
  return dir === undefined ? null : zipCentroids(dir);
}

let cached: Facts | undefined;
/** The process-wide facts from the default folder, loaded on first use. */
export function getFacts(): Facts {
  cached ??= loadFacts();
  return cached;
}
