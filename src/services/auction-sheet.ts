// Reads an auction sheet's codes with the fact data: the use case behind /auction-sheet, its API and
// `keiyard sheet`.
import { readSheet } from "../domain/auction-sheet/read-sheet.js";
import type { Facts } from "../facts/schemas.js";
import { presentSheetReading, type SheetReadingView } from "../present/auction-sheet.present.js";
import type { AuctionSheetQuery } from "./auction-sheet.schema.js";

export function auctionSheetFor(facts: Facts, query: AuctionSheetQuery): SheetReadingView {
  return presentSheetReading(readSheet(query, facts.auctionSheet), facts.auctionSheet);
}
