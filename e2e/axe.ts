// Shared browser checks for the page journeys: axe-core's automated WCAG 2 A/AA rules, and screenshots
// at phone and desktop widths saved as CI artifacts.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { SCREENSHOTS } from "./browser.js";

// Evaluated through the DevTools protocol rather than added as a <script>: the site's CSP (scripts from
// its own origin only) rightly refuses an injected inline script.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's WCAG 2 A and AA violations on the page, one line each (empty when it passes). */
export async function violations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const result = (await page.evaluate(
    `axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa"] } })`,
  )) as {
    violations: AxeViolation[];
  };
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
}

export const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 900 },
} as const;

/** Saves full-page screenshots of the current page at phone and desktop widths as `<name>-phone.png`… */
export async function screenshotBothWidths(page: Page, name: string): Promise<void> {
  const before = page.viewportSize();
  for (const [label, size] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(size);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${label}.png`), fullPage: true });
  }
  if (before) await page.setViewportSize(before);
}
