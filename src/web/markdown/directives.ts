// Facts in guides: `{{name}}` alone on a line is replaced by a block the site renders from the fact data
// (a table with its sources), and `{{name}}` inside a sentence by a short value (a number of years), so
// a guide never repeats a number that could go stale. The values are given per render, in the env; an
// unknown name is an error, so a typo fails at start-up instead of showing braces to a reader.
import type { MarkdownIt, StateBlock, StateInline } from "markdown-it";

export type Directive =
  /** Trusted HTML built by the site's own components (already escaped). */
  | { kind: "block"; html: string }
  /** Plain text; escaped when rendered. */
  | { kind: "inline"; text: string };

export type Directives = Readonly<Record<string, Directive>>;

export interface DirectiveEnv {
  directives?: Directives;
}

export class DirectiveError extends Error {
  override name = "DirectiveError";
}

const NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const BLOCK_LINE = /^\{\{([a-z0-9-]+)\}\}$/;
const INLINE_AT = /^\{\{([a-z0-9-]+)\}\}/;

function lookup(env: DirectiveEnv, name: string, kind: Directive["kind"]): Directive {
  const d = env.directives?.[name];
  if (!d || !NAME.test(name))
    throw new DirectiveError(
      `unknown directive {{${name}}}${env.directives ? ` (known: ${Object.keys(env.directives).sort().join(", ")})` : ""}`,
    );
  if (d.kind !== kind)
    throw new DirectiveError(
      `directive {{${name}}} is ${d.kind === "block" ? "a block: put it on a line of its own" : "inline: use it inside a sentence"}`,
    );
  return d;
}

function blockRule(state: StateBlock, startLine: number, _endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  const start = state.bMarks[startLine]! + state.tShift[startLine]!;
  const line = state.src.slice(start, state.eMarks[startLine]).trim();
  const m = BLOCK_LINE.exec(line);
  if (!m) return false;
  if (silent) return true;
  const d = lookup(state.env as DirectiveEnv, m[1]!, "block");
  const token = state.push("fact_block", "", 0);
  token.content = d.kind === "block" ? d.html : "";
  token.map = [startLine, startLine + 1];
  token.block = true;
  state.line = startLine + 1;
  return true;
}

function inlineRule(state: StateInline, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x7b /* { */) return false;
  const m = INLINE_AT.exec(state.src.slice(state.pos, state.pos + 80));
  if (!m) return false;
  if (!silent) {
    const d = lookup(state.env as DirectiveEnv, m[1]!, "inline");
    const token = state.push("text", "", 0);
    token.content = d.kind === "inline" ? d.text : "";
  }
  state.pos += m[0].length;
  return true;
}

/** Installs `{{name}}` for guides; comments never get it, so there braces stay plain text. */
export function factDirectives(md: MarkdownIt): void {
  md.block.ruler.before("paragraph", "fact_block", blockRule);
  md.inline.ruler.after("text", "fact_inline", inlineRule);
  md.renderer.rules.fact_block = (tokens, idx) => `${tokens[idx]?.content ?? ""}\n`;
}
