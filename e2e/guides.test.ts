// The guides in Chromium: every guide page passes axe-core's WCAG 2 A/AA rules (with screenshots at phone
// and desktop widths), the feeds parse as Atom in the browser's own XML parser, and the Markdown
// renderers' XSS corpus, rendered into one page, runs no script and leaves no event handler or unsafe
// link behind.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderComment, renderGuide } from "../src/web/markdown/index.js";
import { XSS_CORPUS } from "../src/web/markdown/xss-corpus.js";
import { screenshotBothWidths, violations } from "./axe.js";
import { launchChromium } from "./browser.js";
import { type RunningServer, startKeiyard } from "./server.js";

const GUIDES = [
  "what-is-a-kei-truck",
  "the-25-year-rule",
  "the-state-map-explained",
  "reading-an-auction-sheet",
  "buying-checklist",
  "choosing-a-model",
];

describe("guides in Chromium", () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startKeiyard({ KEIYARD_DEMO_COUNT: "60" });
    browser = await launchChromium();
    page = await browser.newPage();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("/guides has no axe violations", async () => {
    const res = await page.goto(`${server.url}/guides`);
    expect(res?.status()).toBe(200);
    expect(await violations(page)).toEqual([]);
    await screenshotBothWidths(page, "guides");
  }, 60_000);

  it.each(GUIDES)(
    "/guides/%s has no axe violations",
    async (slug) => {
      const res = await page.goto(`${server.url}/guides/${slug}`);
      expect(res?.status()).toBe(200);
      expect(await violations(page)).toEqual([]);
      if (slug === "buying-checklist") await screenshotBothWidths(page, "guide-buying-checklist");
    },
    60_000,
  );

  it("a guide page is usable on a phone: no sideways scrolling, the table of contents jumps", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/guides/what-is-a-kei-truck`);
    const overflow = await page.evaluate("document.documentElement.scrollWidth - window.innerWidth");
    expect(overflow).toBeLessThanOrEqual(0);
    await page.click(".toc a[href='#a-class-defined-by-a-box']");
    expect(page.url()).toMatch(/#a-class-defined-by-a-box$/);
    await page.setViewportSize({ width: 1280, height: 900 });
  }, 60_000);

  it("both feeds are well-formed Atom to the browser's XML parser", async () => {
    await page.goto(`${server.url}/guides`);
    for (const path of ["/guides/feed.xml", "/trucks/feed.xml?location=jp&drive=4WD"]) {
      const result = (await page.evaluate(`(async () => {
        const res = await fetch(${JSON.stringify(path)});
        const doc = new DOMParser().parseFromString(await res.text(), "application/xml");
        return {
          type: res.headers.get("content-type"),
          error: doc.querySelector("parsererror")?.textContent ?? null,
          ns: doc.documentElement.namespaceURI,
          entries: doc.getElementsByTagName("entry").length,
        };
      })()`)) as { type: string; error: string | null; ns: string; entries: number };
      expect(result.type, path).toBe("application/atom+xml; charset=utf-8");
      expect(result.error, path).toBeNull();
      expect(result.ns, path).toBe("http://www.w3.org/2005/Atom");
      expect(result.entries, path).toBeGreaterThan(0);
    }
  }, 60_000);

  it("the XSS corpus, rendered by both renderers, runs nothing and leaves no handler or unsafe link", async () => {
    const body = XSS_CORPUS.map(
      (p, i) =>
        `<section id="c${i}">${renderComment(p)}</section><section id="g${i}">${p.includes("{{") ? "" : renderGuide(p).html}</section>`,
    ).join("\n");
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>XSS corpus</title>
<script>window.__ran = 0; window.xss = function () { window.__ran++; };</script></head><body>${body}</body></html>`;
    const xssPage = await browser.newPage();
    const dialogs: string[] = [];
    xssPage.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    // Only the corpus page loads; anything it tries to fetch elsewhere is refused.
    await xssPage.route("**/*", (route) =>
      route.request().url() === "http://xss.test/"
        ? route.fulfill({ status: 200, contentType: "text/html", body: html })
        : route.abort(),
    );
    await xssPage.goto("http://xss.test/");
    // Fire the events inline handlers listen for, on every element, as a user's pointer and keyboard would.
    await xssPage.evaluate(`(() => {
      for (const el of document.querySelectorAll("body *")) {
        for (const type of ["mouseover", "mouseenter", "focus", "blur", "load", "error", "toggle", "animationstart"])
          el.dispatchEvent(new Event(type, { bubbles: true }));
        if (typeof el.focus === "function") el.focus();
      }
    })()`);
    await xssPage.waitForTimeout(300);
    const found = (await xssPage.evaluate(`(() => {
      const all = [...document.querySelectorAll("*")];
      return {
        ran: window.__ran,
        scripts: document.scripts.length,
        handlers: all.flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => el.tagName + " " + a.name)),
        dangerous: [...document.querySelectorAll("svg, math, iframe, object, embed, form, style, base, meta[http-equiv], img")].map((el) => el.outerHTML.slice(0, 80)),
        links: [...document.querySelectorAll("a[href]")].map((a) => new URL(a.getAttribute("href"), location.href).protocol),
        sections: document.querySelectorAll("section").length,
      };
    })()`)) as {
      ran: number;
      scripts: number;
      handlers: string[];
      dangerous: string[];
      links: string[];
      sections: number;
    };
    expect(found.sections).toBe(XSS_CORPUS.length * 2);
    expect(found.ran).toBe(0);
    expect(dialogs).toEqual([]);
    expect(found.scripts).toBe(1); // the harness's own
    expect(found.handlers).toEqual([]);
    // Guides may show images from http(s); the corpus has one such, nothing else of the kind.
    expect(found.dangerous.filter((h) => !h.startsWith('<img src="http://img.example/a.png"'))).toEqual([]);
    expect([...new Set(found.links)].sort()).toEqual(["http:", "https:"]);
    await xssPage.close();
  }, 60_000);
});
