// `npm run bench`: runs every benchmark and prints the numbers (and, with --json, a JSON summary).
// `npm run bench -- knowledge`, `-- search` or `-- lots` runs one; `-- fuzz` runs the HTTP fuzzer at scale.
import { benchFuzz } from "./fuzz.bench.js";
import { benchKnowledge } from "./knowledge.bench.js";
import { benchLots } from "./lots.bench.js";
import { results } from "./measure.js";
import { benchSearch } from "./search.bench.js";

const only = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const want = (name: string) => only.length === 0 || only.includes(name);
console.log(`keiyard benchmarks on node ${process.version}, ${new Date().toISOString()}`);
if (want("knowledge")) await benchKnowledge();
if (want("search")) await benchSearch();
if (want("lots")) await benchLots();
// Not part of the default run: it sends tens of thousands of requests (`npm run bench -- fuzz`).
if (only.includes("fuzz")) await benchFuzz();
console.log(`peak RSS: ${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB`);
if (process.argv.includes("--json")) console.log(JSON.stringify(results, null, 2));
