// The error of a fact file that cannot be read or does not pass its schema (facts/load.ts). Apart from
// the loader so that the command's entry (cli/run.ts) can recognise it without loading zod and the
// schemas first: `keiyard lots` starts its worker threads before those are loaded.
export class FactsError extends Error {
  override name = "FactsError";
}
