// `npm run bench`: runs every benchmark and prints the numbers (and, with --json, a JSON summary).
import { benchKnowledge } from "./knowledge.bench.js";
import { results } from "./measure.js";

console.log(`keiyard benchmarks on node ${process.version}, ${new Date().toISOString()}`);
await benchKnowledge();
const mem = process.memoryUsage();
console.log(`peak RSS so far: ${Math.round(mem.rss / 2 ** 20)} MiB`);
if (process.argv.includes("--json")) console.log(JSON.stringify(results, null, 2));
