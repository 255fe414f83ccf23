// fast-check generators for hostile HTTP input: parameter values, query strings, headers and bodies in
// every encoding a client could choose (or botch). Shared by the fuzz test and `npm run bench -- fuzz`.
import fc from "fast-check";

/** Values that have broken parsers before: numbers out of range, dates that are not, injections, encodings. */
const NASTY = [
  "",
  " ",
  "0",
  "-1",
  "-0",
  "1.5",
  "1e309",
  "-1e309",
  "NaN",
  "Infinity",
  "9007199254740993",
  "99999999999999999999999999",
  "0x1F",
  "1_000",
  "null",
  "undefined",
  "true",
  "[]",
  "{}",
  '{"a":',
  "../../etc/passwd",
  "..%2F..%2F",
  "%00",
  "\u0000",
  "\u0008",
  "\r\nX-Injected: 1",
  "<script>alert(1)</script>",
  "' OR '1'='1",
  '"; drop table listings; --',
  "\\",
  "%",
  "%ZZ",
  "%E0%A4%A",
  "𝕜𝕖𝕚 軽トラ",
  "\uFEFF",
  "\u202Eevil",
  "\uD800",
  "2026-02-30",
  "2026-13-01",
  "1996-13",
  "0000-00",
  "99999-01-01",
  "TX",
  "tx",
  "ZZ",
  "HA4-2123456",
  "DA63T",
  "DA63T-",
  "-",
  "*",
  "  padded  ",
  "a".repeat(300),
  "9".repeat(400),
  "x".repeat(20_000),
];

/** One parameter value: sometimes plausible, mostly not. */
export const junkValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 12 }) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }).map(String) },
  { weight: 1, arbitrary: fc.double().map(String) },
  {
    weight: 1,
    arbitrary: fc.date({ noInvalidDate: false }).map((d) => (Number.isNaN(+d) ? "Invalid" : d.toISOString())),
  },
);

const isoDay = fc
  .date({ min: new Date("1950-01-01"), max: new Date("2100-12-31"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const STATES = ["TX", "VT", "CA", "ny", "DC", "ZZ", "PR"];
const FRAMES = ["HA4-2123456", "DA63T-123456", "DD51T", "S510P-1000000", "U62T", "ha4", "acty", "carry 4wd"];
/** Plausible values for parameters whose document says only "string" (dates, months, states, frames). */
const HINTS: Record<string, fc.Arbitrary<string>> = {
  date: isoDay,
  month: isoDay.map((d) => d.slice(0, 7)),
  state: fc.constantFrom(...STATES),
  frame: fc.constantFrom(...FRAMES),
};
const HINT_OF: Record<string, keyof typeof HINTS> = {
  on: "date",
  eligibleOn: "date",
  fxDate: "date",
  entry: "date",
  firstRegistered: "month",
  built: "month",
  month: "month",
  to: "state",
  code: "state",
  state: "state",
  legalIn: "state",
  viewerState: "state",
  frame: "frame",
  input: "frame",
  q: "frame",
};

/** A value for a parameter the OpenAPI document describes: in range, at the edges, or junk. */
export function valueFor(schema: Record<string, unknown> | undefined, name = ""): fc.Arbitrary<string> {
  const s = schema ?? {};
  const shaped: fc.Arbitrary<string>[] = [];
  const hint = HINT_OF[name];
  if (hint) shaped.push(HINTS[hint]!);
  if (Array.isArray(s.enum)) shaped.push(fc.constantFrom(...(s.enum as string[])));
  if (s.type === "integer" || s.type === "number") {
    const min = typeof s.minimum === "number" ? s.minimum : -1e6;
    const max = typeof s.maximum === "number" ? s.maximum : 1e9;
    shaped.push(
      fc.constantFrom(String(min), String(max), String(min - 1), String(max + 1)),
      fc.double({ min, max, noNaN: true }).map(String),
    );
  }
  if (s.type === "string" && !s.enum && !hint)
    shaped.push(fc.string({ minLength: 0, maxLength: Number(s.maxLength ?? 30) + 2 }));
  // Mostly shaped, so requests get past validation into the handlers; junk a quarter of the time.
  return shaped.length
    ? fc.oneof(
        { weight: 1, arbitrary: junkValue },
        ...shaped.map((arbitrary) => ({ weight: Math.ceil(3 / shaped.length) * 2, arbitrary })),
      )
    : junkValue;
}

/** Parameter names the route does not know, and the bracket and prototype names some parsers trip on. */
export const junkName = fc.oneof(
  fc.constantFrom("__proto__", "constructor", "prototype", "a[]", "a[b]", "toString", "", "q q", "%", "page"),
  fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 8 }),
);

/** Raw fragments appended to a query string as they are, without encoding. */
export const rawQueryJunk = fc.constantFrom(
  "",
  "",
  "",
  "&",
  "&&",
  "=",
  "%",
  "a=%",
  "%zz=1",
  "b=%E0%A4%A",
  ";x=1",
  "c=1=2",
);

// Header values: printable ASCII, tabs and Latin-1 (the bytes a header may carry; CR, LF and NUL may not).
const headerChar = fc.oneof(
  fc.integer({ min: 0x20, max: 0x7e }),
  fc.constant(0x09),
  fc.integer({ min: 0xa0, max: 0xff }),
);
export const headerValue = fc.oneof(
  fc.array(headerChar, { maxLength: 60 }).map((cs) => String.fromCharCode(...cs)),
  fc.constantFrom("", "*/*", "text/html", "application/json", "x".repeat(4000), "null", "undefined"),
);

const ACCEPTS = ["text/html", "application/json", "*/*", "text/html;q=0.1, application/json", "image/webp"];
const CONTENT_TYPES = [
  "application/x-www-form-urlencoded",
  "multipart/form-data",
  "multipart/form-data; boundary=",
  "multipart/form-data; boundary=nope",
  "application/json",
  "text/plain",
  "application/octet-stream",
  "application/x-www-form-urlencoded; charset=utf-16",
];

/** Extra request headers: the ones the app reads (cookies, accept, forwarding, ids, caching) and junk. */
export const headersArb: fc.Arbitrary<Record<string, string>> = fc.record(
  {
    accept: fc.oneof(fc.constantFrom(...ACCEPTS), headerValue),
    "accept-language": headerValue,
    cookie: fc.oneof(
      headerValue,
      headerValue.map((v) => `keiyard_session=${v}`),
      headerValue.map((v) => `keiyard_state=${v}`),
      fc.constantFrom("keiyard_session=", "keiyard_state=tx", "keiyard_state=ZZ; keiyard_state=VT", "=; ;=;"),
    ),
    "x-forwarded-for": fc.oneof(headerValue, fc.ipV4(), fc.ipV6(), fc.constant("1.1.1.1, 2.2.2.2")),
    "x-request-id": headerValue,
    "if-none-match": headerValue,
    referer: fc.oneof(headerValue, fc.webUrl()),
    "user-agent": headerValue,
    range: fc.constantFrom("bytes=0-", "bytes=-1", "bytes=9999999999-", "items=1-2"),
    "x-http-method-override": fc.constantFrom("DELETE", "PUT", "PATCH"),
  },
  { requiredKeys: [] },
);

export type BodyEncoding = "urlencoded" | "multipart" | "json" | "text" | "none" | "mislabelled";

export interface FuzzBody {
  encoding: BodyEncoding;
  fields: [string, string][];
  /** Binary parts for multipart bodies (random bytes, not images). */
  files: { name: string; bytes: Uint8Array; type: string }[];
  contentType?: string;
  raw?: string;
}

const fieldsArb = (names: readonly string[]) =>
  fc.array(
    fc.tuple(
      names.length ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...names) }, junkName) : junkName,
      junkValue,
    ),
    { maxLength: 12 },
  );

const filesArb = fc.array(
  fc.record({
    name: fc.constantFrom("photos", "photos", "file", "x"),
    bytes: fc.uint8Array({ maxLength: 2048 }),
    type: fc.constantFrom("image/jpeg", "image/png", "text/html", "application/octet-stream", ""),
  }),
  { maxLength: 3 },
);

/** A body in any encoding; `formOnly` limits it to what forms send (so a breaker field is read). */
export function bodyArb(names: readonly string[], formOnly = false): fc.Arbitrary<FuzzBody> {
  const encodings: BodyEncoding[] = formOnly
    ? ["urlencoded", "multipart"]
    : ["urlencoded", "urlencoded", "multipart", "json", "text", "none", "mislabelled"];
  return fc.record({
    encoding: fc.constantFrom(...encodings),
    fields: fieldsArb(names),
    files: filesArb,
    contentType: fc.constantFrom(...CONTENT_TYPES),
    raw: fc.oneof(
      fc.string({ unit: "binary", maxLength: 200 }),
      fc.json(),
      fc.constantFrom("{", "a=%", "--x--"),
    ),
  });
}

/** The request body and content type a FuzzBody stands for (`last` fields are appended last: they win). */
export function encodeBody(
  body: FuzzBody,
  last: Record<string, string> = {},
): { body?: string | FormData; contentType?: string } {
  const fields = [...body.fields, ...Object.entries(last)];
  switch (body.encoding) {
    case "urlencoded": {
      const p = new URLSearchParams();
      for (const [k, v] of fields) p.append(k, v);
      return { body: p.toString(), contentType: "application/x-www-form-urlencoded" };
    }
    case "multipart": {
      const f = new FormData();
      // Files first: the breaker fields must be the last values read.
      for (const file of body.files)
        f.append(file.name, new File([new Uint8Array(file.bytes)], "upload.bin", { type: file.type }));
      for (const [k, v] of fields) f.append(k, v);
      return { body: f };
    }
    case "json":
      return { body: JSON.stringify(Object.fromEntries(fields)), contentType: "application/json" };
    case "text":
      return { body: body.raw ?? "", contentType: "text/plain" };
    case "none":
      return {};
    case "mislabelled":
      return { body: body.raw ?? "", contentType: body.contentType };
  }
}
