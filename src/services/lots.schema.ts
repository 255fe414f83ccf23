// What a valid lot-evaluation request is, for every face that runs one (the CLI today, a web upload
// later): the arrival date, the state, the exchange rate, the price unit and the costs to add per lot.
import { z } from "zod";
import { fxRate, isoDateString, perTruckCostFields, stateCodeString } from "./inputs.schema.js";

export const lotsInputSchema = z
  .object({
    to: stateCodeString,
    arrival: isoDateString,
    fx: fxRate.optional(),
    priceUnit: z.enum(["1", "1000"], { error: "expected 1 (yen) or 1000 (thousands of yen)" }).default("1"),
    ...perTruckCostFields,
  })
  .strict();
export type LotsInput = z.infer<typeof lotsInputSchema>;
