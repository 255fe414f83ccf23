// The importer on the web, through the real app on both engines: upload, the saved batch with sorting,
// filtering and CSV download, progress lines for the page's script, re-uploads recognised, other
// sellers kept out, and a failure while saving that leaves no half-saved batch.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../../../test/cli.js";
import { Browser, createMarket, type Market } from "../../../test/market.js";
import { users } from "../../db/schema/index.js";
import { lotBatches, lotResults } from "../../db/schema/lots.js";
import type { LotResult } from "../../domain/lots/types.js";
import { presentUser } from "../../services/accounts.js";
import { evaluateUpload, saveBatch } from "../../services/lot-batches.js";

const LOTS = readFileSync(join(ROOT, "docs/examples/lots.csv"));

function upload(b: Browser, fields: Record<string, string>, bytes: Uint8Array = LOTS, accept = "text/html") {
  const form = new FormData();
  form.set("file", new File([bytes], "lots.csv", { type: "text/csv" }));
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return b.request("/importer", { method: "POST", body: form, headers: { accept } });
}

for (const engine of ["pglite", "postgres"] as const) {
  describe(`/importer on ${engine}`, () => {
    let market: Market;
    let seller: Browser;
    let batchUrl = "";
    beforeAll(async () => {
      market = await createMarket(engine);
      seller = new Browser(market.app);
      await seller.signUp("importer@example.com", "seller");
    }, 120_000);
    afterAll(async () => market?.dispose());

    it("is for signed-in sellers", async () => {
      const anon = new Browser(market.app);
      expect((await anon.get("/importer")).headers.get("location")).toBe("/login?next=/importer");
      const buyer = new Browser(market.app);
      await buyer.signUp("just-buying@example.com", "buyer");
      expect((await buyer.get("/importer")).status).toBe(403);
      expect((await upload(buyer, { to: "TX", arrival: "2027-01-15" })).status).toBe(403);
      expect(await market.database.db.select().from(lotBatches)).toHaveLength(0);
    });

    it("refuses a bad request with the reason and saves nothing", async () => {
      const noState = await upload(seller, { arrival: "2027-01-15" });
      expect(noState.status).toBe(400);
      expect(await noState.text()).toMatch(/to:/);
      const notCsv = await upload(
        seller,
        { to: "TX", arrival: "2027-01-15" },
        new TextEncoder().encode("hello"),
      );
      expect(notCsv.status).toBe(400);
      // Neither UTF-8 nor Shift_JIS with kana in it.
      const garbled = await upload(
        seller,
        { to: "TX", arrival: "2027-01-15" },
        new Uint8Array([0x31, 0x2c, 0x80, 0xa0, 0xff, 0xff, 0x0a]),
      );
      expect(garbled.status).toBe(400);
      expect(await garbled.text()).toMatch(/not UTF-8 text, nor Shift_JIS/);
      // The options come back as they were sent, so a second try is for the same state and day.
      const opts = { to: "PA", arrival: "2027-03-01", fx: "152", priceUnit: "1000", freightUsd: "1400" };
      const kept = await (await upload(seller, opts, new TextEncoder().encode("hello"))).text();
      expect(kept).toMatch(/<option value="PA" selected="">/);
      expect(kept).toMatch(/<input id="arrival" name="arrival" type="date" required="" value="2027-03-01"/);
      expect(kept).toMatch(/<input id="fx" name="fx" [^>]*value="152"/);
      expect(kept).toMatch(/<option value="1000" selected="">/);
      expect(kept).toMatch(/<input id="freightUsd" name="freightUsd" [^>]*value="1400"/);
      expect(await market.database.db.select().from(lotBatches)).toHaveLength(0);
    });

    it("reads a Shift_JIS export converted, and says so on the batch", async () => {
      const ascii = (t: string) => [...new TextEncoder().encode(t)];
      const sjis = new Uint8Array([
        ...ascii("lot_no,auction,auction_date,model,chassis_code,year,mileage_km,score,start_price_jpy\n"),
        ...ascii("7,USS Tokyo,2026-11-19,"),
        ...[0x83, 0x4c, 0x83, 0x83, 0x83, 0x8a, 0x83, 0x43], // キャリイ
        ...ascii(",DD51T,1996,48000,4,200000\n"),
      ]);
      const res = await upload(seller, { to: "TX", arrival: "2027-01-15", fx: "149" }, sjis);
      expect(res.status).toBe(303);
      const page = await (await seller.get(res.headers.get("location")!)).text();
      expect(page).toMatch(/The file is Shift_JIS text \(not UTF-8\): keiyard read it as Shift_JIS\./);
      expect(page).toMatch(/<td>7<\/td>/);
      await market.database.db.delete(lotBatches);
    });

    it("a file over the limit: a browser's post goes back to the form, which says why; scripts get the error", async () => {
      const big = new Uint8Array(11 * 1024 * 1024 + 1).fill(0x41);
      const page = await upload(seller, { to: "TX", arrival: "2027-01-15" }, big);
      expect(page.status).toBe(303);
      expect(page.headers.get("location")).toBe("/importer?too-large");
      const shown = await (await seller.get("/importer?too-large")).text();
      expect(shown).toMatch(/<p class="error" role="alert">the file is larger than 10 MB: use keiyard lots/);
      expect(shown).toMatch(/data-max-bytes="10485760"/);
      const script = await upload(seller, { to: "TX", arrival: "2027-01-15" }, big, "application/x-ndjson");
      expect(script.status).toBe(413);
      expect(((await script.json()) as { error: { message: string } }).error.message).toMatch(
        /larger than 10 MB/,
      );
      expect(await market.database.db.select().from(lotBatches)).toHaveLength(0);
    });

    it("evaluates an upload and saves every row as one batch", async () => {
      const res = await upload(seller, { to: "TX", arrival: "2027-01-15", fx: "150" });
      expect(res.status).toBe(303);
      batchUrl = res.headers.get("location") ?? "";
      expect(batchUrl).toMatch(/^\/importer\/batches\/\d+$/);
      const [batch] = await market.database.db.select().from(lotBatches);
      const rows = await market.database.db.select().from(lotResults);
      expect(rows).toHaveLength(batch!.rowCount);
      expect(batch!.rowCount).toBeGreaterThan(20);
      expect(batch!.errorCount).toBeGreaterThan(0);
      const page = await (await seller.get(batchUrl)).text();
      expect(page).toMatch(/lots for TX, arriving 2027-01-15/);
      expect(page).toMatch(/Download all results \(CSV\)/);
      expect(await (await seller.get("/importer")).text()).toMatch(/lots\.csv/);
    });

    it("hands the event loop back while a big upload is evaluated, so other requests are answered", async () => {
      const { generateLotCsv } = await import("../../domain/lots/generate.js");
      const bytes = new TextEncoder().encode([...generateLotCsv(market.facts.catalog, 20_000, 3)].join(""));
      const [owner] = await market.database.db
        .select()
        .from(users)
        .where(eq(users.email, "importer@example.com"));
      let rows = 0;
      let rowsWhenAnotherTaskRan: number | null = null;
      const outcome = await evaluateUpload(
        market.database,
        presentUser(owner!),
        { name: "big.csv", bytes },
        { to: "TX", arrival: "2027-01-15", fx: "152" },
        {
          facts: market.facts,
          jpyPerUsd: 150,
          onProgress: (p) => {
            // Queued behind the evaluation: it runs when the evaluation next gives the loop back.
            if (rows === 0) setImmediate(() => (rowsWhenAnotherTaskRan = rows));
            rows = p.rows;
          },
        },
      );
      expect(outcome.batch.rowCount).toBe(20_000);
      expect(rowsWhenAnotherTaskRan).not.toBeNull();
      expect(rowsWhenAnotherTaskRan!).toBeLessThan(20_000);
      // Not one of the batches the next tests count.
      await market.database.db.delete(lotBatches).where(eq(lotBatches.id, outcome.batch.id));
    }, 60_000);

    it("sorts by margin, filters to row errors, and pages", async () => {
      const sorted = await (await seller.get(`${batchUrl}?sort=margin`)).text();
      const margins = [
        ...sorted.matchAll(
          // A margin from the fact data's range shows both ends ("$4,669–$11,669*"): sorted by its low end.
          /<td( class="ok")?>(-?\$[\d,]+|—)(?:–−?\$[\d,]+\*)?<\/td>\s*<td>[^<]*<\/td>\s*<\/tr>/g,
        ),
      ]
        .map((m) => m[2]!)
        .filter((t) => t !== "—")
        .map((t) => Number(t.replace(/[$,]/g, "")));
      expect(margins.length).toBeGreaterThan(3);
      expect(margins).toEqual([...margins].sort((a, b) => b - a));
      expect(sorted).toMatch(/<td class="ok">\$4,669–\$11,669\*<\/td>/);
      const [batch] = await market.database.db.select().from(lotBatches);
      const errors = await (await seller.get(`${batchUrl}?filter=errors`)).text();
      expect(errors).toMatch(new RegExp(`${batch!.errorCount} lots shown by this filter`));
      expect((await seller.get(`${batchUrl}?sort=nonsense`)).status).toBe(400);
      // A page past the end says so and links the last page, rather than "Page 5 of 1" and an empty table.
      const past = await (await seller.get(`${batchUrl}?page=5`)).text();
      expect(past).toMatch(/There is no page 5: these results have 1 page\./);
      expect(past).toMatch(/Page 1 of 1/);
    });

    it("downloads every result as CSV in file order", async () => {
      const res = await seller.get(`${batchUrl}/results.csv`);
      expect(res.headers.get("content-type")).toMatch(/text\/csv/);
      const lines = (await res.text()).trim().split("\n");
      const [batch] = await market.database.db.select().from(lotBatches);
      expect(lines[0]).toMatch(/^line,lot_no,auction,/);
      expect(lines).toHaveLength(1 + batch!.rowCount);
      const order = lines.slice(1).map((l) => Number(l.split(",")[0]));
      expect(order).toEqual([...order].sort((a, b) => a - b));
    });

    it("recognises the same file with the same options; other options make a new batch", async () => {
      const again = await upload(seller, { arrival: "2027-01-15", fx: "150", to: "TX" });
      expect(again.headers.get("location")).toBe(`${batchUrl}?existing=1`);
      expect(await (await seller.get(`${batchUrl}?existing=1`)).text()).toMatch(
        /uploaded this file with these options before/,
      );
      expect(await market.database.db.select().from(lotBatches)).toHaveLength(1);
      const other = await upload(seller, { to: "PA", arrival: "2027-01-15", fx: "150" });
      expect(other.headers.get("location")).not.toBe(batchUrl);
      expect(await market.database.db.select().from(lotBatches)).toHaveLength(2);
    });

    it("streams progress lines to the page's script, then where the batch is", async () => {
      const res = await upload(seller, { to: "OR", arrival: "2027-02-01" }, LOTS, "application/x-ndjson");
      expect(res.headers.get("content-type")).toMatch(/application\/x-ndjson/);
      const events = (await res.text())
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l));
      expect(events.some((e) => e.kind === "progress" && e.rows > 0)).toBe(true);
      expect(events.at(-1)).toMatchObject({
        kind: "done",
        url: expect.stringMatching(/^\/importer\/batches\/\d+$/),
      });
      const bad = await upload(
        seller,
        { to: "OR", arrival: "2027-02-01" },
        new TextEncoder().encode(""),
        "application/x-ndjson",
      );
      expect(
        (await bad.text())
          .trim()
          .split("\n")
          .map((l) => JSON.parse(l))
          .at(-1),
      ).toMatchObject({ kind: "error" });
    });

    it("shows the lot format document", async () => {
      const res = await new Browser(market.app).get("/importer/format");
      expect(res.status).toBe(200);
      expect(await res.text()).toMatch(/<h1[^>]*>[^<]*lot/i);
    });

    it("keeps other sellers out of a batch", async () => {
      const other = new Browser(market.app);
      await other.signUp("other-importer@example.com", "seller");
      expect((await other.get(batchUrl)).status).toBe(404);
      expect((await other.get(`${batchUrl}/results.csv`)).status).toBe(404);
      expect((await other.post(`${batchUrl}/delete`, { confirm: "yes" })).status).toBe(404);
    });

    it("takes the CLI's per-truck costs, which raise every landed cost, and deletes a batch", async () => {
      const costs = {
        japanFeesJpy: "60000",
        insuranceJpy: "3000",
        brokerUsd: "250",
        portUsd: "300",
        deliveryUsd: "400",
        isfBondUsd: "90",
        customsBondUsd: "80",
      };
      const page = await (await seller.get("/importer")).text();
      for (const name of Object.keys(costs)) expect(page).toContain(`name="${name}"`);
      const res = await upload(seller, {
        to: "TX",
        arrival: "2027-01-15",
        fx: "150",
        freightUsd: "1200",
        ...costs,
      });
      const url = res.headers.get("location")!;
      const id = Number(/batches\/(\d+)/.exec(url)![1]);
      const [batch] = await market.database.db.select().from(lotBatches).where(eq(lotBatches.id, id));
      expect(batch!.options).toMatchObject(costs);
      const landed = async (batchId: number) =>
        new Map(
          (await market.database.db.select().from(lotResults).where(eq(lotResults.batchId, batchId))).map(
            (r) => [r.line, (r.result as unknown as LotResult).landedCents],
          ),
        );
      const first = Number(/batches\/(\d+)/.exec(batchUrl)![1]);
      const [plain, costed] = [await landed(first), await landed(id)];
      let compared = 0;
      for (const [line, cents] of costed)
        if (cents !== null && plain.get(line) != null) {
          expect(cents).toBeGreaterThan(plain.get(line)!);
          compared++;
        }
      expect(compared).toBeGreaterThan(10);
      // The batch says what it was evaluated with, and that nothing was left out.
      const shown = await (await seller.get(url)).text();
      expect(shown).toMatch(
        /Evaluated at 150 yen per dollar · Freight per truck: 1200 USD · Japan-side fees/,
      );
      expect(shown).toMatch(/Landed costs include every per-truck cost the form takes\./);
      expect(await (await seller.get(batchUrl)).text()).toMatch(
        /Landed costs leave out what was not given \(freight per truck, japan-side fees/,
      );
      // Deleting needs the box ticked.
      const unticked = await seller.post(`/importer/batches/${id}/delete`, {});
      expect(unticked.headers.get("location")).toBe(`/importer/batches/${id}`);
      expect(await market.database.db.select().from(lotBatches).where(eq(lotBatches.id, id))).toHaveLength(1);
      const deleted = await seller.post(`/importer/batches/${id}/delete`, { confirm: "yes" });
      expect(deleted.headers.get("location")).toBe("/importer?deleted=1");
      expect(await (await seller.get("/importer?deleted=1")).text()).toMatch(
        /<p role="status">The batch was deleted\.<\/p>/,
      );
      expect(await market.database.db.select().from(lotBatches).where(eq(lotBatches.id, id))).toEqual([]);
      expect(await market.database.db.select().from(lotResults).where(eq(lotResults.batchId, id))).toEqual(
        [],
      );
    });

    it("a failure while saving leaves no half-saved batch", async () => {
      const before = await market.database.db.select().from(lotBatches);
      const beforeRows = (await market.database.db.select().from(lotResults)).length;
      const [sample] = await market.database.db.select().from(lotResults).limit(1);
      const results = Array.from({ length: 1500 }, (_, i) => ({
        ...(sample!.result as unknown as LotResult),
        line: i + 2,
      }));
      results[1200]!.line = 5; // a duplicate line in the second chunk of rows: the insert fails there
      const [owner] = before;
      await expect(
        saveBatch(
          market.database,
          {
            userId: owner!.userId,
            fileName: "crash.csv",
            fileSha256: "d".repeat(64),
            options: { to: "TX" },
            optionsKey: "to=TX",
            rowCount: 1500,
            errorCount: 0,
            summary: {},
          },
          results,
        ),
      ).rejects.toThrow();
      expect(await market.database.db.select().from(lotBatches)).toHaveLength(before.length);
      expect(await market.database.db.select().from(lotResults)).toHaveLength(beforeRows);
    });
  });
}
