import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { auditHtml, COMMENT_TAGS, GUIDE_TAGS } from "../../../test/html-audit.js";
import { DirectiveError, type Directives, renderComment, renderGuide } from "./index.js";
import { XSS_CORPUS } from "./xss-corpus.js";

describe("renderComment: the small subset", () => {
  it("renders paragraphs, emphasis, inline code, code blocks, lists and blockquotes", () => {
    const html = renderComment(
      "Hi *there* **you** `code`\n\n```\nfenced\n```\n\n- one\n- two\n\n1. first\n\n> quoted",
    );
    expect(html).toContain("<p>Hi <em>there</em> <strong>you</strong> <code>code</code></p>");
    expect(html).toContain("<pre><code>fenced\n</code></pre>");
    expect(html).toContain("<ul>\n<li>one</li>\n<li>two</li>\n</ul>");
    expect(html).toContain("<ol>\n<li>first</li>\n</ol>");
    expect(html).toContain("<blockquote>\n<p>quoted</p>\n</blockquote>");
  });

  it('marks every link rel="nofollow ugc", written or bare', () => {
    expect(renderComment("[a](https://example.com/x) and https://example.org/y")).toBe(
      '<p><a href="https://example.com/x" rel="nofollow ugc">a</a> and <a href="https://example.org/y" rel="nofollow ugc">https://example.org/y</a></p>\n',
    );
    expect(renderComment("[ref][r]\n\n[r]: /guides")).toContain(
      '<a href="/guides" rel="nofollow ugc">ref</a>',
    );
  });

  it("shows images, headings, tables, rules and raw HTML as text", () => {
    const html = renderComment(
      "# Title\n\n![pic](https://example.com/a.png)\n\n| a |\n|---|\n\n---\n\n<b>x</b>",
    );
    expect(html).not.toMatch(/<(h\d|img|table|hr|b)\b/);
    expect(html).toContain("# Title");
    expect(html).toContain("&lt;b&gt;x&lt;/b&gt;");
  });

  it("leaves directive braces alone", () => {
    expect(renderComment("{{kei-size-limits}}")).toBe("<p>{{kei-size-limits}}</p>\n");
  });
});

describe("renderGuide", () => {
  const directives: Directives = {
    "epa-age": { kind: "inline", text: "21 <years>" },
    table: { kind: "block", html: "<table><tr><td>fact</td></tr></table>" },
  };

  it("gives headings unique ids and lists h2/h3 in the table of contents", () => {
    const r = renderGuide(
      "## What is *keijidōsha*?\n\n### Sizes\n\n#### Deep\n\n## Sizes\n\n## Sizes",
      directives,
    );
    expect(r.html).toContain('<h2 id="what-is-keijidosha">What is <em>keijidōsha</em>?</h2>');
    expect(r.toc).toEqual([
      { level: 2, id: "what-is-keijidosha", text: "What is keijidōsha?" },
      { level: 3, id: "sizes", text: "Sizes" },
      { level: 2, id: "sizes-2", text: "Sizes" },
      { level: 2, id: "sizes-3", text: "Sizes" },
    ]);
    expect(r.html).toContain('<h4 id="deep">');
  });

  it("replaces directives: blocks with the site's HTML, inline values as escaped text", () => {
    const r = renderGuide("EPA asks for {{epa-age}}.\n\n{{table}}\n", directives);
    expect(r.html).toBe("<p>EPA asks for 21 &lt;years&gt;.</p>\n<table><tr><td>fact</td></tr></table>\n");
    expect(r.text).toContain("EPA asks for 21 <years>.");
  });

  it("fails on an unknown or misplaced directive, naming it", () => {
    expect(() => renderGuide("{{nope}}", directives)).toThrow(DirectiveError);
    expect(() => renderGuide("{{nope}}", directives)).toThrow(
      /unknown directive \{\{nope\}\} \(known: epa-age, table\)/,
    );
    expect(() => renderGuide("a {{table}} b", directives)).toThrow(/a block: put it on a line of its own/);
    expect(() => renderGuide("{{epa-age}}", directives)).toThrow(/inline: use it inside a sentence/);
  });

  it("escapes raw HTML and refuses unsafe links, like comments", () => {
    const r = renderGuide("<b>x</b> [a](javascript:alert(1)) [b](/states)");
    expect(r.html).toBe('<p>&lt;b&gt;x&lt;/b&gt; [a](javascript:alert(1)) <a href="/states">b</a></p>\n');
  });
});

describe("the XSS corpus", () => {
  it.each(XSS_CORPUS.map((p) => [p]))("comment %j renders clean", (payload) => {
    expect(auditHtml(renderComment(payload), COMMENT_TAGS)).toEqual([]);
  });

  it.each(XSS_CORPUS.filter((p) => !p.includes("{{")).map((p) => [p]))(
    "guide %j renders clean",
    (payload) => {
      expect(auditHtml(renderGuide(payload).html, GUIDE_TAGS)).toEqual([]);
    },
  );

  it("the audit itself catches what it claims to", () => {
    expect(auditHtml('<p onclick="x()">a</p>', COMMENT_TAGS)).toHaveLength(1);
    expect(auditHtml('<a href="java&#x73;cript:x()">a</a>', COMMENT_TAGS)[0]).toMatch(/javascript:/);
    expect(auditHtml("<script>x()</script>", COMMENT_TAGS).length).toBeGreaterThan(0);
    expect(auditHtml("a < b", COMMENT_TAGS)[0]).toMatch(/unescaped/);
    expect(auditHtml("<h2 id=x>", COMMENT_TAGS).length).toBeGreaterThan(0);
  });

  it("arbitrary mixes of Markdown and HTML fragments render clean", () => {
    const fragment = fc.constantFrom(
      "<",
      ">",
      "&",
      "#",
      ";",
      ":",
      '"',
      "'",
      "`",
      "```",
      "*",
      "_",
      "[",
      "]",
      "(",
      ")",
      "!",
      "\n",
      "\t",
      " ",
      "javascript",
      "script",
      "onerror=",
      "data:",
      "&#x6A;",
      "&colon;",
      "<svg",
      "<img",
      "http://a.example/",
      "> ",
      "- ",
      "1. ",
      "    ",
      "[r]: ",
      "\u0000",
      "%0a",
      "{{x}}",
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(fragment, fc.string({ maxLength: 4 })), { maxLength: 40 }), (parts) => {
        const src = parts.join("");
        expect(auditHtml(renderComment(src), COMMENT_TAGS)).toEqual([]);
        // Guides treat {{name}} as a directive (an unknown one is an error): collapse every run of "{"
        // so none is left ("{" + "{{x}}" would otherwise become "{{x}}" again).
        expect(auditHtml(renderGuide(src.replace(/\{+/g, "{")).html, GUIDE_TAGS)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });
});
