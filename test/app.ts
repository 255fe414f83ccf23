// Test helper: the real app over the real, validated fact data, with a fixed "today".
import type { IsoDate } from "../src/domain/units/dates.js";
import { loadFacts } from "../src/facts/load.js";
import { createApp } from "../src/http/app.js";

const facts = loadFacts();

export function testApp(today: string) {
  return createApp({ facts, today: () => today as IsoDate });
}
