// Entry point of the `keiyard` command (bin/keiyard.js loads this file).
import { todayUtc } from "../config/clock.js";
import type { Io } from "./command.js";
import { runCli } from "./run.js";

const io: Io = {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
  today: todayUtc(),
};
process.exitCode = await runCli(process.argv.slice(2), io);
