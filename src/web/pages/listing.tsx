import { BED_TYPE_LABELS } from "../../domain/listings/types.js";
import type { Thread } from "../../services/comments.js";
import type { ListingMarket } from "../../services/listing-market.js";
import type { ListingView } from "../../services/listing-view.js";
import { ChecklistSection } from "../components/checklist.js";
import { CommentThread } from "../components/comments.js";
import { num, STATUS_CLASS, usd, yen } from "../components/format.js";
import {
  PriceHistorySection,
  SaleReviewSection,
  SellerLine,
  SoldToForm,
} from "../components/listing-market.js";
import type { ShareMeta } from "../components/share.js";
import { Sources } from "../components/sources.js";
import { MarketBadges, WatchButton } from "../components/watch.js";
import { Layout, type Viewer } from "../layout.js";

function EligibilityBadge(props: { view: ListingView }) {
  const { listing: l, eligibility: e } = props.view;
  if (l.location === "us") return <span class="badge ok">In the US already</span>;
  if (!e) return null;
  const modelFrom = e.model?.firstEligible
    ? ` — the first ${e.model.chassisCode} trucks cross on ${e.model.firstEligible}`
    : "";
  const label =
    e.verdict === "importable"
      ? "May be imported now"
      : e.verdict === "not_importable"
        ? `Not importable yet${e.fmvss.eligibleFrom ? ` — eligible from ${e.fmvss.eligibleFrom}` : modelFrom}`
        : `Needs the build date${e.fmvss.eligibleFrom ? ` (proven eligible from ${e.fmvss.eligibleFrom})` : ""}`;
  return (
    <span
      class={`badge ${e.verdict === "importable" ? "ok" : e.verdict === "not_importable" ? "bad" : "warn"}`}
    >
      {label}
    </span>
  );
}

function LegalityBadge(props: { view: ListingView }) {
  const g = props.view.legality;
  if (!g) return <span class="badge warn">Pick your state to see if you can drive it</span>;
  return (
    <span class={`badge ${STATUS_CLASS[g.status] ?? ""}`}>
      {g.name}: {g.statusLabel}
      {g.maxRoadSpeedMph ? ` (roads ≤ ${g.maxRoadSpeedMph} mph)` : ""}
    </span>
  );
}

function DealBadge(props: { view: ListingView }) {
  const l = props.view.listing;
  if (l.status !== "active") return null;
  if (!l.dealRating) return <span class="badge">Deal rating: not enough data</span>;
  const cls =
    l.dealRating === "great" || l.dealRating === "good" ? "ok" : l.dealRating === "high" ? "bad" : "";
  const label =
    { great: "Great deal", good: "Good deal", fair: "Fair price", high: "High price" }[l.dealRating] ??
    l.dealRating;
  return (
    <span class={`badge ${cls}`}>
      {label}
      {l.fairPriceCents ? ` · fair ≈ ${usd(Math.round(l.fairPriceCents / 100))}` : ""}
      {l.comparables ? ` · ${l.comparables} comparables` : ""}
    </span>
  );
}

function Delivered(props: { view: ListingView }) {
  const d = props.view.delivered;
  if (!d) return <p>Pick your state (top of the page) to see the delivered and registered cost.</p>;
  return (
    <section aria-labelledby="cost-h">
      <h2 id="cost-h">
        {d.kind === "jp"
          ? "Landed and registered, before freight and US-side costs"
          : "Delivered and registered"}
        {props.view.viewerState ? ` in ${props.view.viewerState}` : ""}: {usd(d.totalUsd)}
      </h2>
      <table>
        <tbody>
          {d.lines.map((x) => (
            <tr>
              <td>
                {x.label}
                {x.estimate ? " (estimate)" : ""}
              </td>
              <td style="text-align:right">{usd(x.usd)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {d.kind === "jp" ? (
        <p class="muted">
          {d.entryIsFuture
            ? `For entry on ${d.entryDate}, the first day it may be imported: the duty, fees and fee years of that day (later years' fees are estimates).`
            : `For entry today (${d.entryDate}): the duty and fees in force now.`}
        </p>
      ) : null}
      {d.notIncluded.length ? (
        <p class="muted">Not included: {d.notIncluded.map((n) => n.label).join("; ")}.</p>
      ) : null}
      {d.warnings.map((w) => (
        <p class="muted">{w}</p>
      ))}
    </section>
  );
}

export function ListingPage(props: {
  viewer: Viewer;
  view: ListingView;
  isOwner: boolean;
  jpyPerUsd: number;
  market: ListingMarket;
  watched: boolean;
  /** The signed-in viewer, for the review actions. */
  user: { id: number; role: string } | null;
  share?: ShareMeta;
  /** Questions to the seller and the seller's answers. */
  questions?: Thread;
  /** Straight-line miles from the ZIP the viewer last searched near (US listings with a ZIP). */
  distance?: { fromZip: string; miles: number; approximate: boolean } | null;
}) {
  const { listing: l, seller, photos } = props.view;
  const price =
    l.location === "us"
      ? usd((l.priceUsdCents ?? 0) / 100)
      : `${yen(l.priceJpy ?? 0)} (≈ ${usd(Math.round((l.priceJpy ?? 0) / props.jpyPerUsd))} at ${props.jpyPerUsd} ¥/$)`;
  const first = photos.slice(0, 12);
  return (
    <Layout title={l.title} viewer={props.viewer} description={`${l.title}: ${price}`} share={props.share}>
      {l.isDemo ? <p class="badge warn">Demo listing — not a real truck for sale</p> : null}
      <h1>{l.title}</h1>
      <p>
        <strong>{price}</strong> ·{" "}
        {l.location === "us"
          ? `in ${l.usState ?? "the US"}${l.zip ? ` (${l.zip})` : ""}`
          : `in Japan${l.jpPort ? `, port of ${l.jpPort}` : ""}`}{" "}
        {props.distance ? (
          <>
            ·{" "}
            <span title="In a straight line between ZIP centres (Census ZIP areas); by road it is longer">
              ≈ {props.distance.miles.toLocaleString("en-US")} mi from {props.distance.fromZip}
              {props.distance.approximate ? " (approximate)" : ""}
            </span>{" "}
          </>
        ) : null}
        · {l.status}
      </p>
      <p>
        <EligibilityBadge view={props.view} /> <LegalityBadge view={props.view} />{" "}
        <DealBadge view={props.view} />{" "}
        <MarketBadges
          daysOnMarket={props.market.daysOnMarket}
          priceDropPercent={props.market.move.kind === "drop" ? props.market.move.percent : null}
          sold={l.status !== "active"}
        />{" "}
        <WatchButton
          listingId={l.id}
          watched={props.watched}
          signedIn={props.user !== null}
          back={`/trucks/${l.id}`}
        />
      </p>
      {first.length ? (
        <div class="photos">
          {first.map((p, i) => (
            <picture>
              <source type="image/webp" srcset={`/photos/${p.storageKey}/medium.webp`} />
              <img
                src={`/photos/${p.storageKey}/medium.jpg`}
                alt={`${l.title}, view ${i + 1}`}
                width={p.width ?? undefined}
                height={p.height ?? undefined}
                loading={i ? "lazy" : "eager"}
                style="max-width:100%;height:auto"
              />
            </picture>
          ))}
        </div>
      ) : (
        <p class="muted">No photos yet.</p>
      )}
      <h2>The truck</h2>
      <table>
        <tbody>
          <tr>
            <th scope="row">Make and model</th>
            <td>
              {l.make} {l.model}
              {l.chassisCode ? ` (${l.chassisCode})` : ""}
            </td>
          </tr>
          <tr>
            <th scope="row">Generation</th>
            <td>{l.generationLabel ?? "unknown"}</td>
          </tr>
          <tr>
            <th scope="row">Built</th>
            <td>
              {l.buildMonth
                ? `${l.buildMonth} (${l.ageEvidence === "first_registration" ? "first registration month: the truck is at least this old" : l.ageEvidence === "build_month" ? "build month" : "the seller does not say where this month comes from"})`
                : "unknown"}
            </td>
          </tr>
          <tr>
            <th scope="row">Drive</th>
            <td>
              {l.drive === "both"
                ? "2WD or 4WD (the frame number cannot tell; ask the seller)"
                : (l.drive ?? "unknown")}
              {l.highLowRange ? ", high/low range" : ""}
              {l.diffLock ? ", diff lock" : ""}
            </td>
          </tr>
          <tr>
            <th scope="row">Engine</th>
            <td>
              {l.engineCode ?? "unknown"}
              {l.displacementCc ? `, ${l.displacementCc} cc` : ""}
            </td>
          </tr>
          <tr>
            <th scope="row">Mileage</th>
            <td>
              {l.mileageKm === null
                ? "unknown"
                : `${num(l.mileageKm)} km (${num(props.view.mileageMi ?? 0)} mi)`}
            </td>
          </tr>
          <tr>
            <th scope="row">Transmission</th>
            <td>{l.transmission ?? "unknown"}</td>
          </tr>
          <tr>
            <th scope="row">Bed</th>
            <td>{BED_TYPE_LABELS[l.bedType]}</td>
          </tr>
          <tr>
            <th scope="row">Condition</th>
            <td>
              {l.condition ?? "not stated"}
              {l.auctionGrade ? (
                <>
                  {" · auction grade "}
                  <a href={`/auction-sheet?score=${encodeURIComponent(l.auctionGrade)}`}>
                    {l.auctionGrade} (what it means)
                  </a>
                </>
              ) : null}
            </td>
          </tr>
          {l.location === "us" ? (
            <tr>
              <th scope="row">Title</th>
              <td>{l.titleStatus ?? "not stated"}</td>
            </tr>
          ) : null}
          <tr>
            <th scope="row">Frame number</th>
            <td>{l.frameNumber ?? "not given"}</td>
          </tr>
        </tbody>
      </table>
      <p style="white-space:pre-wrap">{l.description}</p>
      <Delivered view={props.view} />
      {props.view.eligibility ? (
        <section aria-labelledby="elig-h">
          <h2 id="elig-h">Can it enter the US?</h2>
          <ol>
            {props.view.eligibility.fmvss.reasoning.map((r) => (
              <li>{r}</li>
            ))}
          </ol>
          {props.view.eligibility.warnings.map((w) => (
            <p class="muted">{w}</p>
          ))}
          <Sources sources={props.view.eligibility.sources} />
          <p class="muted">{props.view.eligibility.disclaimer}</p>
        </section>
      ) : null}
      {props.view.checklist ? <ChecklistSection checklist={props.view.checklist} /> : null}
      {props.view.legality ? (
        <section aria-labelledby="legal-h">
          <h2 id="legal-h">Driving it in {props.view.legality.name}</h2>
          <p>{props.view.legality.summary}</p>
          {props.view.legality.restrictions.length ? (
            <ul>
              {props.view.legality.restrictions.map((r) => (
                <li>{r}</li>
              ))}
            </ul>
          ) : null}
          {props.view.legality.requirements.length ? (
            <>
              <p>Conditions (not assumed met):</p>
              <ul>
                {props.view.legality.requirements.map((r) => (
                  <li>{r}</li>
                ))}
              </ul>
            </>
          ) : null}
          <p class="muted">
            Confidence: {props.view.legality.confidence} · reviewed {props.view.legality.lastReviewed}.{" "}
            {props.view.legality.disclaimer}
          </p>
          <Sources sources={props.view.legality.sources} />
        </section>
      ) : null}
      <PriceHistorySection market={props.market} />
      <SellerLine seller={seller} market={props.market} views={l.views} />
      <SaleReviewSection listing={l} market={props.market} viewer={props.user} />
      {props.questions ? (
        <CommentThread
          thread={props.questions}
          signedIn={props.user !== null}
          admin={props.user?.role === "admin"}
        />
      ) : null}
      {props.isOwner ? (
        <section class="card" aria-labelledby="owner-h">
          <h2 id="owner-h">Your listing</h2>
          <p>
            <a href={`/trucks/${l.id}/edit`}>Edit this listing</a> · <a href="/dashboard">Dashboard</a>
          </p>
          {photos.length ? (
            <ul class="inline-list">
              {photos.map((p, i) => (
                <li>
                  <img
                    src={`/photos/${p.storageKey}/thumb.jpg`}
                    alt={`${l.title}, view ${i + 1}`}
                    width={100}
                    height={75}
                  />{" "}
                  {i === 0 ? (
                    "First photo"
                  ) : (
                    <form method="post" action={`/trucks/${l.id}/photos/${p.id}/first`} class="inline">
                      <button type="submit" class="link">
                        Make photo {i + 1} first
                      </button>
                    </form>
                  )}{" "}
                  <form method="post" action={`/trucks/${l.id}/photos/${p.id}/remove`} class="inline">
                    <button type="submit" class="link">
                      Remove photo {i + 1}
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          ) : null}
          <form method="post" action={`/trucks/${l.id}/photos`} enctype="multipart/form-data">
            <label for="photos">Add photos (JPEG, PNG or WebP; up to 12 in all)</label>
            <input id="photos" name="photos" type="file" accept="image/jpeg,image/png,image/webp" multiple />
            <button type="submit">Upload</button>
          </form>
          <SoldToForm listing={l} />
        </section>
      ) : null}
    </Layout>
  );
}
