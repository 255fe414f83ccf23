import { z } from "zod";
import { todayUtc } from "../../config/clock.js";
import { getConfig } from "../../config/env.js";
import { openDatabaseFromConfig } from "../../db/client.js";
import { DbError } from "../../db/errors.js";
import { migrate } from "../../db/migrate.js";
import { getFacts } from "../../facts/load.js";
import { photoStorageFromConfig } from "../../photos/storage-from-config.js";
import { AppError } from "../../services/app-error.js";
import { dealSnapshotDir, writeDealSnapshot } from "../../services/deal-snapshot.js";
import { fitUsDealModel, type UsDealFit } from "../../services/deals.js";
import { parseInput } from "../../services/inputs.schema.js";
import { seedDemo } from "../../services/seed.js";
import { type Command, parseFlags, printJson } from "../command.js";

const countSchema = z.coerce.number().int().min(1).max(1_000_000);
const seedSchema = z.coerce
  .number()
  .int()
  .min(0)
  .max(2 ** 31 - 1);

export const seedCommand: Command = {
  name: "seed",
  summary: "Add clearly labelled demo listings (--demo --count N; --seed N repeats a set)",
  usage: "keiyard seed --demo [--count 2000] [--seed N] [--json]",
  async run(argv, io) {
    const { values } = parseFlags(
      argv,
      { demo: { type: "boolean" }, count: { type: "string" }, seed: { type: "string" } },
      false,
    );
    if (!values.demo)
      throw new AppError("invalid_input", "only demo data can be seeded: keiyard seed --demo");
    const count = parseInput(countSchema, values.count ?? "2000");
    const seed = values.seed === undefined ? undefined : parseInput(seedSchema, values.seed);
    const config = getConfig();
    let database: Awaited<ReturnType<typeof openDatabaseFromConfig>>;
    try {
      database = await openDatabaseFromConfig(config);
    } catch (e) {
      if (e instanceof DbError) throw new AppError("invalid_input", e.message);
      throw e;
    }
    const snapshotDir = dealSnapshotDir(database);
    let fit: UsDealFit | null = null;
    try {
      await migrate(database);
      const result = await seedDemo(database, photoStorageFromConfig(config).storage, getFacts(), {
        count,
        ...(seed === undefined ? {} : { seed }),
        today: todayUtc(),
        jpyPerUsd: config.KEIYARD_JPY_PER_USD,
        log: values.json ? undefined : io.out,
      });
      // The deal-model snapshot `keiyard lots` reads, fitted on what the folder now holds and written
      // once it is closed (docs/decisions/0029-deal-model-snapshot.md).
      if (snapshotDir) fit = await fitUsDealModel(database.db);
      if (values.json) printJson(io, result);
    } finally {
      await database.close();
    }
    if (snapshotDir && fit) await writeDealSnapshot(snapshotDir, fit, new Date());
    return 0;
  },
};
