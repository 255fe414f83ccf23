export const usd = (n: number) =>
  `$${n.toLocaleString("en-US", { minimumFractionDigits: n % 1 === 0 ? 0 : 2, maximumFractionDigits: 2 })}`;
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
