// Use case: decode a frame number. Unknown codes are a typed error carrying the "did you mean"
// suggestions separately, never a guessed match.
import { decodeFrameNumber } from "../domain/catalog/decode.js";
import type { Facts } from "../facts/schemas.js";
import { presentDecoded } from "../present/decode.present.js";
import { AppError } from "./app-error.js";

export function decodeOrThrow(facts: Facts, input: string) {
  const result = decodeFrameNumber(input, facts.catalog);
  switch (result.kind) {
    case "decoded":
      return result;
    case "unknown": {
      const hint = result.suggestions.length ? ` (did you mean ${result.suggestions.join(", ")}?)` : "";
      throw new AppError(
        "unknown_chassis_code",
        `unknown chassis code "${result.candidateCode}"${hint}: keiyard matches exact codes only`,
        "input",
        { input: result.input, suggestions: result.suggestions },
      );
    }
    case "invalid":
      throw new AppError("invalid_input", `not a frame number: ${result.reason}`, "input");
  }
}

export function decodeFor(facts: Facts, input: string) {
  return presentDecoded(decodeOrThrow(facts, input));
}
