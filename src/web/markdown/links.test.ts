import { describe, expect, it } from "vitest";
import { isExternalHref, isSafeHref } from "./links.js";

describe("isSafeHref", () => {
  it.each([
    "https://keiyard.example/trucks",
    "http://example.com",
    "mailto:someone@example.com",
    "/states/TX",
    "#toc",
    "?q=acty",
    "../guides/x",
    "guides/what-is-a-kei-truck",
    "//cdn.example/x",
    "/search?q=a:b",
  ])("allows %s", (href) => {
    expect(isSafeHref(href)).toBe(true);
  });

  it.each([
    "javascript:alert(1)",
    "JAVASCRIPT:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "\u0001javascript:alert(1)",
    "java%09script:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html;base64,AAAA",
    "file:///etc/passwd",
    "ftp://example.com",
    "tel:+15551234",
    "a:b/c",
    "",
    "   ",
  ])("refuses %j", (href) => {
    expect(isSafeHref(href)).toBe(false);
  });

  it("tells external links from the site's own", () => {
    expect(isExternalHref("https://example.com/a")).toBe(true);
    expect(isExternalHref("//example.com/a")).toBe(true);
    expect(isExternalHref("/states")).toBe(false);
    expect(isExternalHref("mailto:a@b.c")).toBe(false);
  });
});
