import { describe, expect, it } from "vitest";
import { testApp } from "../../../test/app.js";
import { loadFacts } from "../../facts/load.js";

const app = testApp("2026-11-24");
const page = async (url: string) => {
  const res = await app.request(url, { headers: { accept: "text/html" } });
  return { status: res.status, html: await res.text() };
};

describe("knowledge pages", () => {
  it("/states lists all 50 states and DC with status, confidence and review date", async () => {
    const { status, html } = await page("/states");
    expect(status).toBe(200);
    expect(html.match(/<th scope="row"><a href="\/states\/[A-Z]{2}">/g)).toHaveLength(51);
    expect(html).toMatch(/District of Columbia/);
    expect(html).toMatch(/Not legal advice/);
  });

  it("/states/:code shows the record as of a date, with sources", async () => {
    const before = await page("/states/CO?on=2027-12-31");
    const after = await page("/states/CO?on=2028-01-01");
    expect(before.html).toMatch(/Not allowed on public roads/);
    expect(before.html).toMatch(/From 2028-01-01/);
    expect(after.html).toMatch(/roads posted 55 mph or less/);
    expect(after.html).toMatch(/<h2>Sources<\/h2>/);
    expect((await page("/states/ZZ")).status).toBe(404);
  });

  it("an unknown address gets the site's error page (language, charset, links), JSON for programs", async () => {
    const { status, html } = await page("/nope/<b>");
    expect(status).toBe(404);
    expect(html).toMatch(/<html lang="en"><meta charset="utf-8">/);
    // The address is shown escaped.
    expect(html).toMatch(/<h1>Not found<\/h1><p>there is no page at \/nope\/&lt;b&gt;\.<\/p>/);
    expect(html).toMatch(/<a href="\/trucks">Trucks<\/a>/);
    const json = await app.request("/nope");
    expect(json.status).toBe(404);
    expect(await json.json()).toEqual({ error: expect.objectContaining({ code: "not_found" }) });
  });

  it("the home page's state form lands on the state page, whatever the case typed", async () => {
    const res = await app.request("/states/lookup?code=TX");
    expect(res.headers.get("location")).toBe("/states/TX");
    expect((await app.request("/states/lookup?code=%20tx")).headers.get("location")).toBe("/states/TX");
    // An empty box goes to the list of states, not to a page that does not exist.
    expect((await app.request("/states/lookup?code=")).headers.get("location")).toBe("/states");
  });

  it("a state's page has one address: lower case moves to upper case, with the date kept", async () => {
    const res = await app.request("/states/co?on=2027-12-31");
    expect(res.status).toBe(301);
    expect(res.headers.get("location")).toBe("/states/CO?on=2027-12-31");
    expect((await app.request("/states/zz")).headers.get("location")).toBe("/states/ZZ");
  });

  it("/import answers with the reasoning and the port-to-plates checklist", async () => {
    const { status, html } = await page("/import?frame=DA52T-123456&built=1999-06&on=2026-12-15");
    expect(status).toBe(200);
    expect(html).toMatch(/May be imported/);
    expect(html).toMatch(/The 25-year rule, step by step/);
    expect(html).toMatch(/From the port to license plates/);
    expect(html).toMatch(/HS-7/);
  });

  it("/import shows what the frame number decodes to, as keiyard decode does, with the model's page", async () => {
    const { html } = await page("/import?frame=DA63T-123456&on=2026-12-15");
    const entry = loadFacts().catalog.find((e) => e.chassisCode === "DA63T")!;
    expect(html).toContain('href="/models/DA63T"');
    expect(html).toContain("serial 123456");
    expect(html).toContain(entry.generation.label);
    for (const code of entry.engineCodes) expect(html).toContain(code);
    expect(html).toMatch(/2WD or 4WD/);
  });

  it("/import says needs evidence for a registration month that falls short", async () => {
    const { html } = await page("/import?firstRegistered=2002-03&on=2026-12-15");
    expect(html).toMatch(/Needs evidence of the build date/);
  });

  it("/import shows a bad input as a message on the page", async () => {
    const { status, html } = await page("/import?built=2001-13");
    expect(status).toBe(400);
    expect(html).toMatch(/expected a build month/);
    expect((await page("/import")).status).toBe(200);
  });
});

describe("the turning-25 calendar", () => {
  it("/import lists the next 24 months' crossings with subscribe links", async () => {
    const { html } = await page("/import");
    expect(html).toMatch(/Turning 25 in the next 24 months/);
    expect(html).toMatch(/href="\/import\/calendar\.ics\?make=Honda"/);
    expect(html).toMatch(/<th scope="row">20(26|27|28)-\d{2}<\/th>/);
  });

  it("serves a valid iCalendar feed, filtered by make", async () => {
    const all = await app.request("/import/calendar.ics");
    expect(all.headers.get("content-type")).toMatch(/text\/calendar/);
    const text = await all.text();
    expect(text.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    const events = text.split("BEGIN:VEVENT").length - 1;
    expect(events).toBeGreaterThan(0);
    expect(text.split("END:VEVENT").length - 1).toBe(events);
    expect(text).toMatch(/DTSTART;VALUE=DATE:\d{8}\r\n/);
    for (const line of text.split("\r\n"))
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    const uids = [...text.matchAll(/UID:(.+)\r\n/g)].map((m) => m[1]);
    expect(new Set(uids).size).toBe(uids.length);
    const makes = new Set([...text.matchAll(/SUMMARY:(\w+) /g)].map((m) => m[1]!));
    const [first] = [...makes];
    const filtered = await (await app.request(`/import/calendar.ics?make=${first!.toLowerCase()}`)).text();
    const filteredMakes = new Set([...filtered.matchAll(/SUMMARY:(\w+) /g)].map((m) => m[1]));
    expect([...filteredMakes]).toEqual([first]);
    expect((await app.request("/import/calendar.ics?make=Ford")).status).toBe(400);
  });
});
