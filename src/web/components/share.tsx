// Share cards: Open Graph and Twitter-card metadata for the pages people share (listings, guides,
// models, states). A page builds a ShareMeta with absolute URLs and hands it to the Layout.
export interface ShareImage {
  /** Absolute URL. */
  url: string;
  width: number;
  height: number;
  alt: string;
}

export interface ShareMeta {
  /** The page's absolute URL (also its canonical URL). */
  url: string;
  title: string;
  description: string;
  type?: "website" | "article";
  image?: ShareImage;
  /** Articles: YYYY-MM-DD dates and tags. */
  published?: string;
  modified?: string;
  tags?: readonly string[];
}

/** An absolute URL for a site path, on the origin the request came to. */
export function absoluteUrl(origin: string, path: string): string {
  return new URL(path, origin).toString();
}

/** Descriptions are cut at a word near 200 characters, as share previews show about that much. */
export function shareDescription(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max / 2))}…`;
}

/** The <head> tags for a ShareMeta. */
export function ShareTags(props: { share: ShareMeta }) {
  const s = props.share;
  return (
    <>
      <link rel="canonical" href={s.url} />
      <meta property="og:site_name" content="keiyard" />
      <meta property="og:type" content={s.type ?? "website"} />
      <meta property="og:url" content={s.url} />
      <meta property="og:title" content={s.title} />
      <meta property="og:description" content={s.description} />
      {s.image ? (
        <>
          <meta property="og:image" content={s.image.url} />
          <meta property="og:image:width" content={String(s.image.width)} />
          <meta property="og:image:height" content={String(s.image.height)} />
          <meta property="og:image:alt" content={s.image.alt} />
        </>
      ) : null}
      {s.published ? <meta property="article:published_time" content={s.published} /> : null}
      {s.modified ? <meta property="article:modified_time" content={s.modified} /> : null}
      {(s.tags ?? []).map((t) => (
        <meta property="article:tag" content={t} />
      ))}
      <meta name="twitter:card" content={s.image ? "summary_large_image" : "summary"} />
      <meta name="twitter:title" content={s.title} />
      <meta name="twitter:description" content={s.description} />
      {s.image ? <meta name="twitter:image:alt" content={s.image.alt} /> : null}
    </>
  );
}
