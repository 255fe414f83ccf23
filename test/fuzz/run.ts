// Builds whole fuzz requests from the targets and values, sends them to the app in process, and counts
// the answers. The property everywhere: no 5xx. (The caller checks the data did not change.)
import fc from "fast-check";
import {
  type ApiTarget,
  FORM_TARGETS,
  type FormTarget,
  type FuzzIds,
  QUERY_PAGES,
  type Session,
} from "./targets.js";
import { bodyArb, encodeBody, headersArb, headerValue, junkName, rawQueryJunk, valueFor } from "./values.js";

export const FUZZ_ORIGIN = "http://localhost";

export interface FuzzRequest {
  group: "api" | "pages" | "forms";
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | FormData;
}

export interface FuzzStats {
  sent: number;
  byStatus: Record<string, number>;
  serverErrors: { request: string; status: number }[];
}

export const newStats = (): FuzzStats => ({ sent: 0, byStatus: {}, serverErrors: [] });

type App = { request(url: string, init?: RequestInit): Response | Promise<Response> };

/** Cookie values of the signed-in sessions the form fuzz uses. */
export type SessionTokens = Record<Exclude<Session, "anonymous">, string>;

// Lone surrogates cannot be percent-encoded; a browser sends U+FFFD for them too.
const wellFormed = (s: string) =>
  s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");

type QueryParam = { name: string; schema?: Record<string, unknown> };
const queryArb = (params: QueryParam[]) =>
  fc
    .tuple(
      fc.array(
        fc
          .oneof(
            {
              weight: 4,
              arbitrary: params.length ? fc.constantFrom(...params) : fc.constant<QueryParam>({ name: "q" }),
            },
            { weight: 1, arbitrary: junkName.map((name): QueryParam => ({ name })) },
          )
          .chain((p) => valueFor(p.schema).map((v) => [p.name, v] as const)),
        { maxLength: 8 },
      ),
      rawQueryJunk,
    )
    .map(([pairs, raw]) => {
      const q = new URLSearchParams();
      for (const [k, v] of pairs) q.append(k, v);
      const s = q.toString();
      return s || raw ? `?${s}${s && raw ? "&" : ""}${raw}` : "";
    });

const withOrigin = (h: Record<string, string>): fc.Arbitrary<Record<string, string>> =>
  fc
    .oneof(
      { weight: 6, arbitrary: fc.constant(FUZZ_ORIGIN) },
      { weight: 1, arbitrary: fc.constantFrom("https://evil.example", "null", "") },
      { weight: 1, arbitrary: headerValue },
    )
    .map((origin) => ({ ...h, origin }));

/** A request to one of the API's operations, with its parameters filled badly. */
export function apiRequestArb(targets: ApiTarget[]): fc.Arbitrary<FuzzRequest> {
  return fc.constantFrom(...targets).chain((t) => {
    const pathParams = t.params.filter((p) => p.in === "path");
    const pathArb = fc
      .tuple(
        ...pathParams.map((p) => fc.tuple(fc.constant(p.name), valueFor(p.schema, p.name), fc.boolean())),
      )
      .map((values) =>
        values.reduce(
          // Mostly percent-encoded as a client would; sometimes as it is, "%" and "/" included.
          (path, [name, v, raw]) =>
            path.replace(`{${name}}`, raw ? v.replace(/[?#\s]/g, "") : encodeURIComponent(wellFormed(v))),
          t.path,
        ),
      );
    return fc.record({
      group: fc.constant("api" as const),
      method: fc.oneof(
        { weight: 8, arbitrary: fc.constant(t.method.toUpperCase()) },
        { weight: 1, arbitrary: fc.constantFrom("POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD") },
      ),
      url: fc
        .tuple(pathArb, queryArb(t.params.filter((p) => p.in === "query")))
        .map(([p, q]) => `${FUZZ_ORIGIN}${p}${q}`),
      headers: headersArb,
      body: fc.constant(undefined),
    });
  });
}

/** A GET of a page that reads its query string. */
export function pageRequestArb(targets: ApiTarget[]): fc.Arbitrary<FuzzRequest> {
  return fc.constantFrom(...QUERY_PAGES).chain((page) => {
    const like = targets.find((t) => t.path === page.like);
    const params = [
      ...(like?.params.filter((p) => p.in === "query") ?? []),
      ...(page.extra ?? []).map((name) => ({ name, in: "query" })),
    ];
    return fc.record({
      group: fc.constant("pages" as const),
      method: fc.constant("GET"),
      url: queryArb(params).map((q) => `${FUZZ_ORIGIN}${page.path}${q}`),
      headers: headersArb,
      body: fc.constant(undefined),
    });
  });
}

const pathIds = (ids: FuzzIds) =>
  fc.oneof(
    { weight: 5, arbitrary: fc.constant(ids) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom("0", "2", "00001", "9007199254740993", "99999999999999999999999")
        .map((n) => ({ listing: n, soldListing: n, review: n, savedSearch: n }) as unknown as FuzzIds),
    },
  );

function formRequest(
  target: FormTarget,
  ids: FuzzIds,
  tokens: SessionTokens,
  session: Session,
  guarded: boolean,
): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      ids: pathIds(ids),
      pathJunk: fc.oneof(headerValue, fc.string({ unit: "binary", maxLength: 30 })).map(wellFormed),
      body: bodyArb(target.fields, guarded),
      breaker: guarded && target.breaker ? target.breaker : fc.constant({}),
      headers: headersArb.chain(withOrigin),
    })
    .map(({ ids: pathIdsValue, pathJunk, body, breaker, headers }) => {
      const encoded = encodeBody(body, breaker);
      const h = { ...headers };
      if (encoded.contentType) h["content-type"] = encoded.contentType;
      if (session !== "anonymous") {
        // The session cookie first: the fuzzed cookie header may add junk after it, never replace it.
        h.cookie = `keiyard_session=${tokens[session]}${h.cookie ? `; ${h.cookie}` : ""}`;
      }
      return {
        group: "forms" as const,
        method: "POST",
        url: `${FUZZ_ORIGIN}${target.path(pathIdsValue, pathJunk)}`,
        headers: h,
        body: encoded.body,
      };
    });
}

/** A post to one of the main forms, from a session for which it is `free` or `guarded`. */
export function formRequestArb(ids: FuzzIds, tokens: SessionTokens): fc.Arbitrary<FuzzRequest> {
  const cases = FORM_TARGETS.flatMap((t) => [
    ...t.free.map((s) => formRequest(t, ids, tokens, s, false)),
    ...t.guarded.map((s) => formRequest(t, ids, tokens, s, true)),
  ]);
  return fc.oneof(...cases);
}

function describe(req: FuzzRequest): string {
  const body =
    req.body instanceof FormData
      ? `multipart ${JSON.stringify([...req.body.entries()].map(([k, v]) => [k, typeof v === "string" ? v.slice(0, 80) : "<file>"]))}`
      : (req.body ?? "").slice(0, 300);
  return `${req.method} ${req.url.slice(0, 300)} ${JSON.stringify(req.headers).slice(0, 300)} ${body}`;
}

/** Sends one request and counts its answer; a 5xx is recorded with the request that caused it. */
export async function send(app: App, req: FuzzRequest, stats: FuzzStats): Promise<number> {
  const res = await app.request(req.url, {
    method: req.method,
    headers: req.headers,
    body: req.method === "GET" || req.method === "HEAD" ? undefined : req.body,
  });
  await res.arrayBuffer();
  stats.sent++;
  const key = String(res.status);
  stats.byStatus[key] = (stats.byStatus[key] ?? 0) + 1;
  if (res.status >= 500) stats.serverErrors.push({ request: describe(req), status: res.status });
  return res.status;
}

/**
 * Runs `runs` requests from `arb` as a fast-check property: no answer may be a 5xx. With `keepGoing`
 * (the benchmark) every 5xx is only counted, and the run goes on to the end.
 */
export async function fuzz(
  app: App,
  arb: fc.Arbitrary<FuzzRequest>,
  runs: number,
  stats: FuzzStats,
  { keepGoing = false }: { keepGoing?: boolean } = {},
) {
  await fc.assert(
    fc.asyncProperty(arb, async (req) => (await send(app, req, stats)) < 500 || keepGoing),
    { numRuns: runs, endOnFailure: true },
  );
}
