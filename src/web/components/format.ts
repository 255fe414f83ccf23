// toLocaleString with options makes a new Intl.NumberFormat per call, about 20 µs here (V8 caches the
// formatter only for the default options): a search page formats dozens of prices, and that was 3-4% of
// the server's CPU under load. Formatters made once give the same text (toLocaleString is defined as
// `new Intl.NumberFormat(locale, options).format(n)`; format.test.ts holds them equal) in 0.4 µs.
const WHOLE_USD = new Intl.NumberFormat("en-US", { minimumFractionDigits: 0, maximumFractionDigits: 2 });
const CENTS_USD = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
export const usd = (n: number) => `$${(n % 1 === 0 ? WHOLE_USD : CENTS_USD).format(n)}`;
export const yen = (n: number) => `¥${n.toLocaleString("en-US")}`;
export const num = (n: number) => n.toLocaleString("en-US");
/** A count that may be an estimate from a sample (a broad search on a big marketplace): "about 40,000". */
export const count = (n: number, estimated: boolean) => `${estimated ? "about " : ""}${num(n)}`;
export const STATUS_CLASS: Record<string, string> = {
  street_legal: "ok",
  restricted: "ok",
  offroad_only: "bad",
  prohibited: "bad",
  unclear: "warn",
};
