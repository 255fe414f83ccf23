// The load test's traffic: a browse-heavy mix like a marketplace's (search pages, listing pages, API
// searches) with log-ins and sellers' listing edits, sent by autocannon over keep-alive connections to a
// real server on loopback. Shared by `npm run bench:load` (100 connections, 60 s) and the short CI form
// (e2e/load.test.ts). Counts every answer by kind and status, so "zero errors" means: no socket error,
// no timeout, no 5xx, and every kind answered with the status it should.
import autocannon from "autocannon";
import { HttpClient } from "../e2e/http-client.js";
import { TRUCK } from "../test/market.js";

const PASSWORD = "correct horse battery";

/** Share of the traffic per kind of request (they add up to 100), with the status each must get. */
export const MIX = [
  { kind: "search page", weight: 30, expect: 200 },
  { kind: "listing page", weight: 40, expect: 200 },
  { kind: "api search", weight: 20, expect: 200 },
  { kind: "log-in", weight: 3, expect: 303 },
  { kind: "listing edit", weight: 7, expect: 303 },
] as const;
export type Kind = (typeof MIX)[number]["kind"];

const WORDS = ["", "acty", "carry", "hijet", "4wd", "dump", "sambar", "cary", "da63t", "minicab"];
const FACETS = [
  "",
  "&drive=4WD",
  "&location=us",
  "&location=jp",
  "&bed=dump",
  "&sort=price",
  "&sort=deal",
  "&state=TX",
];

export interface LoadWorld {
  /** Active listing ids to open. */
  listingIds: number[];
  /** Signed-in sellers, each with a listing of their own to edit. */
  sellers: { cookie: string; listingId: number }[];
  buyerEmail: string;
}

/** Accounts and listings the mix needs: `sellers` sellers with a truck each, a buyer, the listing ids. */
export async function prepareLoad(url: string, sellers = 10): Promise<LoadWorld> {
  const world: LoadWorld = { listingIds: [], sellers: [], buyerEmail: "load-buyer@example.com" };
  await new HttpClient(url).signUp(world.buyerEmail, "buyer", PASSWORD);
  for (let i = 0; i < sellers; i++) {
    const seller = new HttpClient(url);
    await seller.signUp(`load-seller-${i}@example.com`, "seller", PASSWORD);
    const res = await seller.post("/sell", { ...TRUCK, title: `Load test truck ${i}` });
    await res.arrayBuffer();
    const id = Number(/\/trucks\/(\d+)$/.exec(res.headers.get("location") ?? "")?.[1]);
    if (res.status !== 303 || !id) throw new Error(`could not list a truck: ${res.status}`);
    world.sellers.push({ cookie: seller.cookieHeader, listingId: id });
  }
  for (let page = 1; page <= 4; page++) {
    const res = await fetch(`${url}/api/v1/listings?pageSize=50&page=${page}`);
    const body = (await res.json()) as { items: { id: number }[] };
    world.listingIds.push(...body.items.map((i) => i.id));
  }
  return world;
}

const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;

function pickKind(): Kind {
  let r = Math.random() * 100;
  for (const m of MIX) {
    r -= m.weight;
    if (r < 0) return m.kind;
  }
  return MIX[0].kind;
}

interface RawRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

function requestOf(kind: Kind, world: LoadWorld, origin: string): RawRequest {
  const form = (fields: Record<string, string>, cookie?: string): RawRequest => ({
    method: "POST",
    path: "",
    headers: {
      origin,
      "content-type": "application/x-www-form-urlencoded",
      ...(cookie ? { cookie } : {}),
    },
    body: new URLSearchParams(fields).toString(),
  });
  const q = `q=${pick(WORDS)}${pick(FACETS)}`;
  switch (kind) {
    case "search page":
      return { method: "GET", path: `/trucks?${q}`, headers: { accept: "text/html" } };
    case "listing page":
      return { method: "GET", path: `/trucks/${pick(world.listingIds)}`, headers: { accept: "text/html" } };
    case "api search":
      return { method: "GET", path: `/api/v1/listings?${q}`, headers: { accept: "application/json" } };
    case "log-in":
      return { ...form({ email: world.buyerEmail, password: PASSWORD }), path: "/login" };
    case "listing edit": {
      const s = pick(world.sellers);
      const price = String(7000 + Math.floor(Math.random() * 3000));
      return {
        ...form({ ...TRUCK, title: `Load test truck ${s.listingId}`, priceUsd: price }, s.cookie),
        path: `/trucks/${s.listingId}/edit`,
      };
    }
  }
}

export interface LoadResult {
  connections: number;
  seconds: number;
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
  timeouts: number;
  serverErrors: number;
  /** Answers whose status was not the one their kind must get (5xx included). */
  unexpected: Record<string, number>;
  byKind: Record<string, number>;
  /** Latency by kind (ms, from building the request to its answer): which kinds a slow p99 is made of. */
  latencyByKind: Record<string, { p50: number; p99: number; max: number }>;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]! : 0;
}

/** Runs the mix against `url` for `seconds` with `connections` concurrent keep-alive connections. */
export async function runLoad(
  url: string,
  world: LoadWorld,
  connections: number,
  seconds: number,
): Promise<LoadResult> {
  const origin = new URL(url).origin;
  const byKind: Record<string, number> = {};
  const unexpected: Record<string, number> = {};
  const times: Record<string, number[]> = {};
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        setupRequest: (req: Record<string, unknown>, context: Record<string, unknown>) => {
          const kind = pickKind();
          context.kind = kind;
          context.sent = performance.now();
          return { ...req, ...requestOf(kind, world, origin) };
        },
        onResponse: (status: number, _body: string, context: Record<string, unknown>) => {
          const kind = context.kind as Kind;
          byKind[kind] = (byKind[kind] ?? 0) + 1;
          times[kind] ??= [];
          times[kind].push(performance.now() - (context.sent as number));
          if (status !== MIX.find((m) => m.kind === kind)?.expect) {
            const key = `${kind} ${status}`;
            unexpected[key] = (unexpected[key] ?? 0) + 1;
          }
        },
      },
    ],
  });
  const serverErrors = Object.entries(result.statusCodeStats ?? {})
    .filter(([code]) => Number(code) >= 500)
    .reduce((n, [, v]) => n + Number(v.count), 0);
  return {
    connections,
    seconds,
    requests: result.requests.total,
    perSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    serverErrors,
    unexpected,
    byKind,
    latencyByKind: Object.fromEntries(
      Object.entries(times).map(([kind, ms]) => {
        const sorted = ms.sort((a, b) => a - b);
        const round = (v: number) => Math.round(v);
        return [
          kind,
          {
            p50: round(percentile(sorted, 50)),
            p99: round(percentile(sorted, 99)),
            max: round(sorted.at(-1)!),
          },
        ];
      }),
    ),
  };
}
