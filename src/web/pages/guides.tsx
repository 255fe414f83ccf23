import { raw } from "hono/html";
import type { Thread } from "../../services/comments.js";
import type { SearchItem } from "../../services/search.js";
import { CommentThread } from "../components/comments.js";
import { count, usd, yen } from "../components/format.js";
import type { ShareMeta } from "../components/share.js";
import type { Guide } from "../guides/prepare.js";
import { type FeedLink, Layout, type Viewer } from "../layout.js";
import type { TocEntry } from "../markdown/index.js";

export const GUIDES_FEED: FeedLink = { title: "keiyard guides", href: "/guides/feed.xml" };

function GuideMeta(props: { guide: Guide }) {
  const m = props.guide.meta;
  return (
    <p class="muted">
      By {m.author} · <time datetime={m.published}>{m.published}</time>
      {m.updated !== m.published ? (
        <>
          {" "}
          · updated <time datetime={m.updated}>{m.updated}</time>
        </>
      ) : null}{" "}
      · {props.guide.minutes} min read
    </p>
  );
}

export function GuidesPage(props: {
  viewer?: Viewer;
  guides: readonly Guide[];
  share: ShareMeta;
  /** Visible comments per guide slug; absent without the marketplace. */
  commentCounts?: ReadonlyMap<string, number>;
}) {
  return (
    <Layout
      title="Kei truck guides"
      description={props.share.description}
      viewer={props.viewer}
      share={props.share}
      feeds={[GUIDES_FEED]}
    >
      <h1>Kei truck guides</h1>
      <p>
        Plain-English guides to finding, importing and living with a Japanese mini truck. Where a guide states
        a fact, it comes from the same sourced data as keiyard's tools, or links to the tool that shows it for
        your truck and your state.
      </p>
      <ul class="cards" style="list-style:none;padding:0">
        {props.guides.map((g) => (
          <li class="card">
            <h2>
              <a href={`/guides/${g.slug}`}>{g.meta.title}</a>
            </h2>
            <p>{g.meta.summary}</p>
            <p class="muted">
              {g.minutes} min read · updated <time datetime={g.meta.updated}>{g.meta.updated}</time>
              {props.commentCounts ? (
                <CommentCount n={props.commentCounts.get(g.slug) ?? 0} slug={g.slug} />
              ) : null}
            </p>
          </li>
        ))}
      </ul>
      <p>
        <a href={GUIDES_FEED.href}>New guides as an Atom feed</a>
      </p>
    </Layout>
  );
}

function CommentCount(props: { n: number; slug: string }) {
  return (
    <>
      {" · "}
      <a href={`/guides/${props.slug}#comments`}>
        {props.n} comment{props.n === 1 ? "" : "s"}
      </a>
    </>
  );
}

function Toc(props: { toc: readonly TocEntry[] }) {
  // h3 entries nest under the h2 before them.
  const groups: { entry: TocEntry; children: TocEntry[] }[] = [];
  for (const e of props.toc) {
    const last = groups[groups.length - 1];
    if (e.level === 3 && last) last.children.push(e);
    else groups.push({ entry: e, children: [] });
  }
  return (
    <nav aria-labelledby="toc-h" class="toc">
      <h2 id="toc-h">On this page</h2>
      <ol>
        {groups.map((g) => (
          <li>
            <a href={`#${g.entry.id}`}>{g.entry.text}</a>
            {g.children.length ? (
              <ol>
                {g.children.map((c) => (
                  <li>
                    <a href={`#${c.id}`}>{c.text}</a>
                  </li>
                ))}
              </ol>
            ) : null}
          </li>
        ))}
      </ol>
    </nav>
  );
}

const priceLabel = (i: SearchItem) =>
  i.location === "us" ? usd(i.priceUsd ?? 0) : `${yen(i.priceJpy ?? 0)} in Japan`;

function RelatedListings(props: {
  items: readonly SearchItem[];
  total: number;
  estimated: boolean;
  href: string;
}) {
  return (
    <section aria-labelledby="guide-listings-h">
      <h2 id="guide-listings-h">Trucks for sale</h2>
      {props.items.length ? (
        <ul class="cards" style="list-style:none;padding:0">
          {props.items.map((i) => (
            <li class="card" style="display:grid;grid-template-columns:6rem 1fr;gap:.7rem;align-items:center">
              {i.photo ? (
                <img
                  src={`/photos/${i.photo}/thumb.jpg`}
                  alt=""
                  width={96}
                  height={72}
                  style="width:6rem;height:auto;border-radius:.3rem"
                />
              ) : (
                <span class="nophoto" />
              )}
              <span>
                <a href={`/trucks/${i.id}`}>{i.title}</a>
                <br />
                <strong>{priceLabel(i)}</strong>
                {i.isDemo ? <span class="muted"> (demo)</span> : null}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p>No trucks for sale match this guide right now.</p>
      )}
      <p>
        <a href={props.href}>See all {count(props.total, props.estimated)} matching trucks</a>
      </p>
    </section>
  );
}

export function GuidePage(props: {
  viewer?: Viewer;
  guide: Guide;
  share: ShareMeta;
  /** Null without the marketplace: then there is no listings section. */
  listings: { items: readonly SearchItem[]; total: number; estimated: boolean; href: string } | null;
  /** The comment thread; absent without the marketplace. */
  comments?: { thread: Thread; signedIn: boolean; admin: boolean };
}) {
  const g = props.guide;
  return (
    <Layout
      title={g.meta.title}
      description={g.meta.summary}
      viewer={props.viewer}
      share={props.share}
      feeds={[GUIDES_FEED]}
    >
      <p>
        <a href="/guides">All guides</a>
      </p>
      <article aria-labelledby="guide-title">
        <h1 id="guide-title">{g.meta.title}</h1>
        <GuideMeta guide={g} />
        <p class="prose">
          <strong>{g.meta.summary}</strong>
        </p>
        {g.toc.length >= 2 ? <Toc toc={g.toc} /> : null}
        <div class="prose">{raw(g.html)}</div>
      </article>
      {g.models.length ? (
        <section aria-labelledby="guide-models-h">
          <h2 id="guide-models-h">Models in this guide</h2>
          <ul>
            {g.models.map((m) => (
              <li>
                <a href={`/models/${m.chassisCode}`}>
                  {m.make} {m.model} {m.chassisCode}
                </a>{" "}
                <span class="muted">
                  {m.generation.label}
                  {m.drive ? ` · ${m.drive === "both" ? "2WD or 4WD" : m.drive}` : ""}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {props.listings ? <RelatedListings {...props.listings} /> : null}
      <p class="muted">
        Something wrong or out of date in this guide? Guides live in the project's repository as Markdown
        files; corrections with a source are welcome.
      </p>
      {props.comments ? <CommentThread {...props.comments} /> : null}
    </Layout>
  );
}
