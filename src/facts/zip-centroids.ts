// The ZIP centres (data/facts/zip-centroids.csv: the Census Bureau's 2021 ZIP Code Tabulation Area
// gazetteer), read on first use rather than at start-up: only a distance search needs them, and they are
// 33,791 rows. Every line is checked, so a bad edit fails with its line number, never a wrong distance.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildZipTable, type ZipTable } from "../domain/geo/zip-distance.js";
import { FactsError } from "./errors.js";

export const ZIP_CENTROIDS_FILE = "zip-centroids.csv";

/** Where the table comes from, for the pages and the API to cite. */
export const ZIP_CENTROIDS_SOURCE = {
  title: "U.S. Census Bureau, 2021 Gazetteer Files: ZIP Code Tabulation Areas (internal points)",
  url: "https://www.census.gov/geographies/reference-files/time-series/geo/gazetteer-files.html",
  date: "2021",
} as const;

const LINE = /^(\d{5}),(-?\d{1,3}\.\d+),(-?\d{1,3}\.\d+)$/;

/** Parses the file's text; throws FactsError naming the first bad line. */
export function parseZipCentroids(text: string, name = ZIP_CENTROIDS_FILE): ZipTable {
  const lines = text.split("\n");
  if (lines[0] !== "zip,lat,lon") throw new FactsError(`${name}: the first line must be "zip,lat,lon"`);
  const rows: [string, number, number][] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === "" && i === lines.length - 1) break;
    const m = LINE.exec(line);
    const lat = m ? Number(m[2]) : Number.NaN;
    const lon = m ? Number(m[3]) : Number.NaN;
    if (!m || Math.abs(lat) > 90 || Math.abs(lon) > 180)
      throw new FactsError(
        `${name} line ${i + 1}: expected ZIP,latitude,longitude, got "${line.slice(0, 60)}"`,
      );
    rows.push([m[1]!, lat, lon]);
  }
  return buildZipTable(rows);
}

const cache = new Map<string, ZipTable>();

/** The table of a fact folder, read once per process (see zipTableOf in load.ts). */
export function zipCentroids(dir: string): ZipTable {
  let table = cache.get(dir);
  if (!table) {
    const path = join(dir, ZIP_CENTROIDS_FILE);
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch (e) {
      throw new FactsError(`${ZIP_CENTROIDS_FILE}: cannot read fact file (${(e as Error).message})`);
    }
    table = parseZipCentroids(text);
    cache.set(dir, table);
  }
  return table;
}
