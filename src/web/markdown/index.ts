// The two Markdown renderers. Both are pure (text in, HTML out), never pass raw HTML through (markdown-it
// with `html: false` escapes it), and allow only http(s), mailto and relative link targets.
// - renderGuide: the full Markdown of the guides in the repository (trusted, still escaped), with heading
//   ids, a table of contents and `{{fact}}` directives.
// - renderComment: the small subset readers may write: paragraphs, emphasis, inline code, code blocks,
//   lists, blockquotes and links marked rel="nofollow ugc"; no images, headings, tables or raw HTML.
import MarkdownIt, { type Env, type MarkdownIt as Md } from "markdown-it";
import { type DirectiveEnv, type Directives, factDirectives } from "./directives.js";
import { type HeadingEnv, headingIds, inlineText, type TocEntry } from "./headings.js";
import { isSafeHref } from "./links.js";

export type { Directive, Directives } from "./directives.js";
export { DirectiveError } from "./directives.js";
export type { TocEntry } from "./headings.js";
export { isSafeHref } from "./links.js";

function safeLinks(md: Md): Md {
  md.validateLink = isSafeHref;
  return md;
}

const guideMd = safeLinks(new MarkdownIt("default", { html: false, linkify: false, typographer: false }))
  .use(headingIds)
  .use(factDirectives);

// "zero" enables nothing; the subset is listed here, so a markdown-it upgrade cannot widen it.
const commentMd = safeLinks(
  // linkify turns bare http(s) URLs into links (linkify-it 6 no longer guesses at "example.com").
  new MarkdownIt("zero", { html: false, linkify: true, breaks: true, maxNesting: 20 }),
)
  .enable(["paragraph", "newline", "escape", "backticks", "emphasis", "entity", "text_join"])
  .enable(["code", "fence", "list", "blockquote"])
  .enable(["link", "autolink", "linkify", "reference"]);

commentMd.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
  tokens[idx]?.attrSet("rel", "nofollow ugc");
  return self.renderToken(tokens, idx, options);
};

export interface RenderedGuide {
  html: string;
  toc: TocEntry[];
  /** The prose as plain text (for the reading time and the feed's word count). */
  text: string;
}

type GuideEnv = HeadingEnv & DirectiveEnv;

/** Full Markdown for the repository's guides; `{{name}}` directives come from `directives`. */
export function renderGuide(source: string, directives: Directives = {}): RenderedGuide {
  const env: GuideEnv = { directives };
  const tokens = guideMd.parse(source, env as Env);
  const html = guideMd.renderer.render(tokens, guideMd.options, env as Env);
  const text = tokens
    .map((t) =>
      t.type === "inline" ? inlineText(t) : t.type === "fence" || t.type === "code_block" ? t.content : "",
    )
    .filter(Boolean)
    .join(" ");
  return { html, toc: env.toc ?? [], text };
}

/** The small, safe subset for what readers write (comments, questions). */
export function renderComment(source: string): string {
  return commentMd.render(source, {});
}
