import { raw } from "hono/html";
import type { Child } from "hono/jsx";
import { type ShareMeta, ShareTags } from "./components/share.js";

// A small inline stylesheet: one request per page, no JavaScript needed.
const css = `
:root{--fg:#1d2327;--muted:#5a6470;--accent:#0b6e4f;--bg:#fbfaf7;--card:#fff;--line:#e3e0d8}
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
header,main,footer{max-width:60rem;margin:0 auto;padding:1rem}
header{display:flex;gap:1rem;align-items:baseline;flex-wrap:wrap;border-bottom:1px solid var(--line)}
header a.brand{font-weight:700;font-size:1.4rem;color:var(--accent);text-decoration:none}
nav a{margin-right:.8rem}a{color:var(--accent)}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:1rem}
.card{background:var(--card);border:1px solid var(--line);border-radius:.5rem;padding:1rem}
.card h2{margin-top:0;font-size:1.15rem}
label{display:block;font-weight:600;margin:.4rem 0 .2rem}
input,select,button{font:inherit;padding:.4rem .5rem;border:1px solid #8a8f98;border-radius:.3rem;max-width:100%}
button{background:var(--accent);color:#fff;border-color:var(--accent);cursor:pointer;margin-top:.5rem}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.9em}
pre{background:#f1efe9;padding:.6rem;border-radius:.3rem;white-space:pre-wrap;overflow-wrap:anywhere}
.muted{color:var(--muted)}footer{color:var(--muted);font-size:.9rem;border-top:1px solid var(--line)}
form.inline,label.inline{display:inline}button.link{background:none;border:none;color:var(--accent);padding:0;text-decoration:underline;margin:0}
button.small{padding:.2rem .5rem;margin:0}.state-picker{margin-left:auto}
.badge{display:inline-block;padding:.1rem .45rem;border-radius:.8rem;font-size:.85rem;border:1px solid var(--line);background:#f4f2ec;margin:0 .25rem .25rem 0}
.badge.ok{background:#e3f3ea;border-color:#9fd3b5}.badge.warn{background:#fff4d6;border-color:#ebcd77}.badge.bad{background:#fbe3e1;border-color:#e5a59f}
.error{background:#fbe3e1;border:1px solid #e5a59f;padding:.5rem;border-radius:.3rem}
.search-layout{display:grid;grid-template-columns:1fr;gap:1rem}@media(min-width:48rem){.search-layout{grid-template-columns:14rem 1fr}}
.facets h2.facet-h{font-size:1rem;margin:.6rem 0 .2rem}.facet-list{list-style:none;padding:0;margin:0}.facet-list a[aria-current]{font-weight:700}
.results{list-style:none;padding:0;margin:0;display:grid;gap:.8rem}.result{display:grid;grid-template-columns:minmax(0,200px) 1fr;gap:.8rem;align-items:start}
.result img,.nophoto{width:100%;height:auto;aspect-ratio:4/3;background:#e9e6dd;border-radius:.3rem}.result h3{margin:0 0 .2rem;font-size:1.05rem}.result p{margin:.15rem 0}
.photos{display:grid;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr));gap:.5rem}
@media print{header nav,.state-picker,footer,form,.photos{display:none}body{background:#fff}.checklist details{display:block}}
.checklist li{margin-bottom:.6rem}.user-text{white-space:pre-line}.stars{color:#b8860b;letter-spacing:.05em}
dl.cards dd{margin:.2rem 0 0;font-size:1.15rem;font-weight:600}dl.cards dt{color:var(--muted)}
blockquote.reply{margin:.5rem 0 .5rem 1rem;padding-left:.8rem;border-left:3px solid var(--line)}textarea{font:inherit;width:100%;padding:.4rem}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem .4rem;border-bottom:1px solid var(--line);vertical-align:top}
.scroll{overflow-x:auto}svg.timeline,svg.chart{display:block;width:100%;height:auto}.figure{margin:1rem 0}.swatch{display:inline-block;width:.9em;height:.9em;margin:0 .3em 0 .2em;vertical-align:-.1em;border:1px solid #5a6470}.inline-list{display:flex;flex-wrap:wrap;gap:.4rem 1rem;list-style:none;padding:0}.specs{display:grid;grid-template-columns:auto 1fr;gap:.1rem .6rem;margin:.4rem 0}.specs dt{font-weight:600}.specs dd{margin:0}.caveats{background:#fff4d6;border:1px solid #ebcd77;border-radius:.3rem;padding:.5rem .5rem .5rem 1.6rem}table.compare td,table.compare th{min-width:9rem}nav.crumbs a{margin-right:0}.card h3{margin-top:0}th.gen{background:#f4f2ec;font-weight:600}.chart-pair{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,24rem),1fr));gap:0 1.5rem}.notice{background:#fff4d6;border:1px solid #ebcd77;border-radius:.3rem;padding:.5rem}
.thread{list-style:none;padding:0;margin:0}.thread>li{margin:.8rem 0}.thread>li+li{border-top:1px solid var(--line);padding-top:.6rem}.replies{margin:.4rem 0 0 .8rem;padding-left:.8rem;border-left:3px solid var(--line)}.comment-meta{margin:.2rem 0}.comment-body{overflow-wrap:anywhere}.comment-body p{margin:.3rem 0}.comment-actions{display:flex;flex-wrap:wrap;gap:.2rem 1rem}.comment-actions details[open]{flex-basis:100%}.pager{margin:.6rem 0}
.prose{max-width:42rem}.toc{border-left:3px solid var(--line);padding-left:.8rem}.fact-table{margin:1rem 0;overflow-x:auto}.fact-table table{font-size:.9rem}
`;

export interface Viewer {
  /** Signed in: `emailConfirmed` false makes every page but the alerts page say to confirm. */
  user: { displayName: string; role: string; email?: string; emailConfirmed?: boolean } | null;
  state: string | null;
  states: readonly { code: string; name: string }[];
}

function StatePicker(props: { viewer: Viewer }) {
  return (
    <form method="post" action="/state" class="state-picker">
      <label for="home-state" class="inline">
        Your state
      </label>{" "}
      <select id="home-state" name="code">
        <option value="">choose…</option>
        {props.viewer.states.map((s) => (
          <option value={s.code} selected={s.code === props.viewer.state}>
            {s.name}
          </option>
        ))}
      </select>{" "}
      <button type="submit" class="small">
        Set
      </button>
    </form>
  );
}

/** An Atom feed a page offers (linked with rel="alternate"). */
export interface FeedLink {
  title: string;
  href: string;
}

export function Layout(props: {
  title: string;
  description?: string;
  viewer?: Viewer;
  /** Open Graph / Twitter-card metadata for pages people share. */
  share?: ShareMeta;
  feeds?: readonly FeedLink[];
  /** The page says itself whether the address is confirmed (the alerts and confirmation pages). */
  ownEmailStatus?: boolean;
  children: Child;
}) {
  const v = props.viewer;
  const unconfirmed = v?.user?.emailConfirmed === false && !props.ownEmailStatus ? v.user : null;
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <title>{props.title === "keiyard" ? "keiyard" : `${props.title} · keiyard`}</title>
        {props.description ? <meta name="description" content={props.description} /> : null}
        {props.share ? <ShareTags share={props.share} /> : null}
        {(props.feeds ?? []).map((f) => (
          <link rel="alternate" type="application/atom+xml" title={f.title} href={f.href} />
        ))}
        {/* raw: JSX would escape the quotes around "Segoe UI" and so drop the whole font rule. */}
        <style>{raw(css)}</style>
      </head>
      <body>
        <header>
          <a class="brand" href="/">
            keiyard
          </a>
          <nav aria-label="Main">
            {v ? <a href="/trucks">Trucks</a> : null}
            {v ? <a href="/sell">Sell</a> : null}
            <a href="/import">Import check</a>
            <a href="/states">States</a>
            <a href="/guides">Guides</a>
            <a href="/api/docs">API</a>
            {v?.user ? <a href="/saved">Saved</a> : null}
            {v?.user ? <a href="/alerts">Alerts</a> : null}
            {v?.user ? <a href="/dashboard">Dashboard</a> : null}
            {v?.user?.role === "admin" ? <a href="/admin">Admin</a> : null}
            {v?.user ? (
              <form method="post" action="/logout" class="inline">
                <button type="submit" class="link">
                  Log out {v.user.displayName}
                </button>
              </form>
            ) : v ? (
              <>
                <a href="/login">Log in</a> <a href="/signup">Sign up</a>
              </>
            ) : null}
          </nav>
          {v ? <StatePicker viewer={v} /> : null}
        </header>
        <main>
          {unconfirmed ? (
            <p class="notice">
              Confirm your email to get alerts: we sent a link to {unconfirmed.email}.{" "}
              <a href="/alerts">Send another</a>
            </p>
          ) : null}
          {props.children}
        </main>
        <footer>
          <p>
            Facts carry their sources and review dates. Nothing here is legal advice: confirm with your
            customs broker and your state's DMV.
          </p>
        </footer>
      </body>
    </html>
  );
}
