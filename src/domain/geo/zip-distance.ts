// How far apart two US ZIP codes are: the straight-line (great-circle) distance between the centres the
// Census Bureau gives their ZIP Code Tabulation Areas (data/facts/zip-centroids.csv). Roads are longer,
// often by a fifth or more; the answer is for "is this truck near me", not a route.
//
// A ZIP without a tabulation area (post-office boxes, a single building, one newer than the table) is
// placed at the mean centre of the areas that share its first three digits (its sectional centre
// facility), and said to be approximate; a ZIP whose three digits match nothing is not placed at all.

export interface LatLon {
  lat: number;
  lon: number;
}

export interface ZipTable {
  /** Centre of each tabulation area, by 5-digit ZIP. */
  readonly zips: ReadonlyMap<string, LatLon>;
  /** Mean centre of the areas sharing a 3-digit prefix. */
  readonly prefixes: ReadonlyMap<string, LatLon>;
}

export interface PlacedZip {
  zip: string;
  at: LatLon;
  /** Placed by its first three digits only (not a tabulation area of its own). */
  approximate: boolean;
}

/** Mean Earth radius in statute miles (IUGG mean radius, 6,371.0088 km). */
export const EARTH_RADIUS_MI = 3958.76;

/** The table from its rows; the prefix centres are the plain mean of their areas' centres. */
export function buildZipTable(rows: Iterable<readonly [string, number, number]>): ZipTable {
  const zips = new Map<string, LatLon>();
  const sums = new Map<string, { lat: number; lon: number; n: number }>();
  for (const [zip, lat, lon] of rows) {
    zips.set(zip, { lat, lon });
    const key = zip.slice(0, 3);
    const s = sums.get(key) ?? { lat: 0, lon: 0, n: 0 };
    s.lat += lat;
    s.lon += lon;
    s.n++;
    sums.set(key, s);
  }
  const prefixes = new Map<string, LatLon>();
  for (const [key, s] of sums) prefixes.set(key, { lat: s.lat / s.n, lon: s.lon / s.n });
  return { zips, prefixes };
}

/** Where a 5-digit ZIP is, or null when neither it nor its first three digits are in the table. */
export function placeZip(table: ZipTable, zip: string): PlacedZip | null {
  if (!/^\d{5}$/.test(zip)) return null;
  const exact = table.zips.get(zip);
  if (exact) return { zip, at: exact, approximate: false };
  const area = table.prefixes.get(zip.slice(0, 3));
  return area ? { zip, at: area, approximate: true } : null;
}

const RAD = Math.PI / 180;

/** Great-circle distance in miles (haversine: stable for short distances as well as long ones). */
export function milesBetween(a: LatLon, b: LatLon): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLon = (b.lon - a.lon) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_MI * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The straight-line miles between two ZIPs (rounded), approximate when either was placed by its first
 * three digits; null when either cannot be placed.
 */
export function milesBetweenZips(
  table: ZipTable,
  from: string,
  to: string,
): { miles: number; approximate: boolean } | null {
  const a = placeZip(table, from);
  const b = placeZip(table, to);
  if (!a || !b) return null;
  return { miles: Math.round(milesBetween(a.at, b.at)), approximate: a.approximate || b.approximate };
}

/**
 * Of the given ZIPs (the listings' own), those within `miles` of the centre, nearest first, each with
 * its distance; ZIPs the table cannot place are left out (they cannot be said to be near).
 */
export function zipsWithin(
  table: ZipTable,
  centre: LatLon,
  miles: number,
  candidates: Iterable<string>,
): { zip: string; miles: number }[] {
  const out: { zip: string; miles: number }[] = [];
  for (const zip of candidates) {
    const placed = placeZip(table, zip);
    if (!placed) continue;
    const d = milesBetween(centre, placed.at);
    if (d <= miles) out.push({ zip, miles: d });
  }
  return out.sort((x, y) => x.miles - y.miles || (x.zip < y.zip ? -1 : x.zip > y.zip ? 1 : 0));
}
