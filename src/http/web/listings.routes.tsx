// The seller's side (/sell, /dashboard, edit, status, delete, photos) and the listing page /trucks/:id.
import { type Context, Hono } from "hono";
import { eventsFor, findListing, listingsBySeller } from "../../db/repos/listings.repo.js";
import { isWatching } from "../../db/repos/watchlist.repo.js";
import type { Listing } from "../../db/schema/listings.js";
import { decodeFrameNumber } from "../../domain/catalog/decode.js";
import { milesBetweenZips } from "../../domain/geo/zip-distance.js";
import { BED_TYPES, type BedType } from "../../domain/listings/types.js";
import { estimateFairPrice } from "../../domain/pricing/estimate.js";
import { zipTableOf } from "../../facts/load.js";
import { AppError } from "../../services/app-error.js";
import { loadThread, pageQuerySchema } from "../../services/comments.js";
import { currentDealModel } from "../../services/deals.js";
import { idParam, parseInput } from "../../services/inputs.schema.js";
import { listingMarket } from "../../services/listing-market.js";
import { getListingView } from "../../services/listing-view.js";
import { createListing, deleteListing, setListingStatus, updateListing } from "../../services/listings.js";
import { addListingPhotos, makeFirstPhoto, removeListingPhoto } from "../../services/photos.js";
import { listingShareMeta } from "../../web/cards/listing-card.js";
import { DashboardPage } from "../../web/pages/dashboard.js";
import { ListingPage } from "../../web/pages/listing.js";
import { SellPage } from "../../web/pages/sell.js";
import type { AppDeps, AppEnv, MarketDeps } from "../context.js";
import { zipCookie } from "../middleware/session.js";
import { formFields, html, parseForm, safeNext, viewerOf } from "./render.js";

/** Decoded values fill the fields the seller left blank, never overwrite what they typed. */
function fillBlanks(values: Record<string, string>, fill: Record<string, string>): Record<string, string> {
  const out = { ...values };
  for (const [k, v] of Object.entries(fill)) if (!out[k]) out[k] = v;
  return out;
}

function valuesOf(l: Listing): Record<string, string> {
  const s = (v: unknown) => (v === null || v === undefined ? "" : String(v));
  return {
    location: l.location,
    title: l.title,
    frameNumber: s(l.frameNumber),
    make: s(l.make),
    model: s(l.model),
    // Only used where the code covers both drivelines; elsewhere the catalog's drive wins.
    driveOverride: l.drive === "2WD" || l.drive === "4WD" ? l.drive : "",
    buildMonth: s(l.buildMonth),
    ageEvidence: l.ageEvidence,
    mileageKm: s(l.mileageKm),
    transmission: s(l.transmission),
    bedType: l.bedType,
    highLowRange: l.highLowRange ? "on" : "",
    diffLock: l.diffLock ? "on" : "",
    condition: s(l.condition),
    auctionGrade: s(l.auctionGrade),
    description: l.description,
    priceUsd: l.priceUsdCents === null ? "" : String(l.priceUsdCents / 100),
    priceJpy: s(l.priceJpy),
    usState: s(l.usState),
    zip: s(l.zip),
    titleStatus: s(l.titleStatus),
    jpPort: s(l.jpPort),
  };
}

export function listingWebRoutes(deps: AppDeps, market: MarketDeps) {
  const { database, storage } = market;
  const ctx = () => ({ facts: deps.facts, today: deps.today(), jpyPerUsd: market.jpyPerUsd });
  const app = new Hono<AppEnv>();

  const decodeSummary = (frame: string | undefined) => {
    if (!frame) return null;
    const d = decodeFrameNumber(frame, deps.facts.catalog);
    if (d.kind !== "decoded")
      return {
        summary: `Not a known chassis code${d.kind === "unknown" && d.suggestions.length ? ` (did you mean ${d.suggestions.join(", ")}?)` : ""}`,
        drive: null,
        fill: {},
      };
    const e = d.entry;
    return {
      summary: `${e.make} ${e.model} ${d.chassisCode}, ${e.generation.label}, ${d.drive ?? "drive unknown"}${e.engineCodes[0] ? `, ${e.engineCodes[0]}` : ""}`,
      drive: d.drive,
      fill: { make: e.make, model: e.model } as Record<string, string>,
    };
  };

  // Price guidance from the deal model: what trucks like this one ask, in dollars (landed for Japan ones).
  const guidance = (values: Record<string, string>): string | null => {
    const model = currentDealModel(values.location === "jp" ? "jp" : "us");
    const d = values.frameNumber ? decodeFrameNumber(values.frameNumber, deps.facts.catalog) : null;
    if (!model || d?.kind !== "decoded") return null;
    const e = d.entry;
    const year = /^\d{4}/.test(values.buildMonth ?? "") ? Number(values.buildMonth!.slice(0, 4)) : null;
    const km = Number(values.mileageKm);
    const fair = estimateFairPrice(model, {
      make: e.make,
      model: e.model,
      generation: e.generation.label,
      year,
      mileageKm: values.mileageKm && Number.isFinite(km) ? km : null,
      drive: (values.driveOverride as "2WD" | "4WD" | undefined) || d.drive,
      bedType: (BED_TYPES as readonly string[]).includes(values.bedType ?? "")
        ? (values.bedType as BedType)
        : "standard",
    });
    if (fair.kind !== "estimate")
      return `Price guidance: not enough comparable listings yet (${fair.comparables} of ${fair.needed}).`;
    const $ = (c: number) => `$${Math.round(c / 100).toLocaleString("en-US")}`;
    return `Price guidance: trucks like this ask about ${$(fair.fairCents)} (most between ${$(fair.lowCents)} and ${$(fair.highCents)}; ${fair.comparables} comparable listings${year ? "" : "; add the build month for a closer estimate"}).`;
  };

  const sellForm = (
    c: Context<AppEnv>,
    action: string,
    heading: string,
    values: Record<string, string>,
    error?: AppError,
    status: 200 | 400 = 200,
  ) => {
    const decoded = decodeSummary(values.frameNumber);
    return html(
      c,
      <SellPage
        viewer={viewerOf(c, deps.facts)}
        action={action}
        heading={heading}
        form={{ values: fillBlanks(values, decoded?.fill ?? {}), error }}
        decoded={decoded}
        guidance={guidance(values)}
      />,
      status,
    );
  };

  app.get("/sell", (c) => {
    const user = c.get("user");
    if (!user) return c.redirect("/login?next=/sell", 303);
    if (user.role === "buyer")
      return html(c, <DashboardPage viewer={viewerOf(c, deps.facts)} listings={[]} isSeller={false} />, 403);
    return sellForm(c, "/sell", "List a truck", { location: "us", frameNumber: c.req.query("frame") ?? "" });
  });

  app.post("/sell", async (c) => {
    const fields = await formFields(c);
    if (fields.intent === "decode") return sellForm(c, "/sell", "List a truck", fields);
    try {
      const created = await createListing(database, ctx(), c.get("user"), fields);
      return c.redirect(`/trucks/${created.id}`, 303);
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== "invalid_input") throw e;
      return sellForm(c, "/sell", "List a truck", fields, e, 400);
    }
  });

  app.get("/dashboard", async (c) => {
    const user = c.get("user");
    if (!user) return c.redirect("/login?next=/dashboard", 303);
    const mine = await listingsBySeller(database.db, user.id);
    const events = await eventsFor(
      database.db,
      mine.map((l) => l.id),
    );
    return html(
      c,
      <DashboardPage
        viewer={viewerOf(c, deps.facts)}
        listings={mine}
        isSeller={user.role !== "buyer"}
        events={events}
      />,
    );
  });

  /** How far a US listing is from the ZIP the visitor last searched near, when both can be placed. */
  const distanceFrom = (zip: string | null, l: { location: string; zip: string | null }) => {
    const table = zip && l.location === "us" && l.zip ? zipTableOf(deps.facts) : null;
    const d = table ? milesBetweenZips(table, zip!, l.zip!) : null;
    return d ? { fromZip: zip!, ...d } : null;
  };

  app.get("/trucks/:id{[0-9]+}", async (c) => {
    const id = parseInput(idParam, c.req.param("id"));
    const view = await getListingView(database, deps.facts, id, {
      today: deps.today(),
      viewerState: c.get("viewerState"),
      jpyPerUsd: market.jpyPerUsd,
      countView: true,
      views: market.views,
    });
    const user = c.get("user");
    const isOwner = !!user && (user.id === view.listing.sellerId || user.role === "admin");
    const page = c.req.query("page");
    const [marketView, watched, questions] = await Promise.all([
      listingMarket(database.db, view.listing, deps.today(), user),
      user ? isWatching(database.db, user.id, id) : false,
      loadThread(database, { kind: "listing", key: String(id) }, user, {
        page: page === undefined ? 1 : parseInput(pageQuerySchema, page),
        sellerId: view.listing.sellerId,
      }),
    ]);
    return html(
      c,
      <ListingPage
        viewer={viewerOf(c, deps.facts)}
        view={view}
        isOwner={isOwner}
        jpyPerUsd={market.jpyPerUsd}
        market={marketView}
        watched={watched}
        user={user ? { id: user.id, role: user.role } : null}
        share={listingShareMeta(view, new URL(c.req.url).origin, market.jpyPerUsd)}
        distance={distanceFrom(zipCookie(c), view.listing)}
        questions={questions}
      />,
    );
  });

  app.get("/trucks/:id{[0-9]+}/edit", async (c) => {
    const id = parseInput(idParam, c.req.param("id"));
    const user = c.get("user");
    if (!user) return c.redirect(`/login?next=/trucks/${id}/edit`, 303);
    const l = await findListing(database.db, id);
    if (!l) throw new AppError("not_found", `no listing ${id}`);
    if (l.sellerId !== user.id && user.role !== "admin")
      throw new AppError("forbidden", "this is not your listing");
    return sellForm(c, `/trucks/${id}/edit`, "Edit listing", valuesOf(l));
  });

  app.post("/trucks/:id{[0-9]+}/edit", async (c) => {
    const id = parseInput(idParam, c.req.param("id"));
    const fields = await formFields(c);
    if (fields.intent === "decode") return sellForm(c, `/trucks/${id}/edit`, "Edit listing", fields);
    try {
      await updateListing(database, ctx(), c.get("user"), id, fields);
      return c.redirect(`/trucks/${id}`, 303);
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== "invalid_input") throw e;
      return sellForm(c, `/trucks/${id}/edit`, "Edit listing", fields, e, 400);
    }
  });

  app.post("/trucks/:id{[0-9]+}/status", async (c) => {
    const id = parseInput(idParam, c.req.param("id"));
    const fields = await formFields(c);
    await setListingStatus(database, c.get("user"), id, fields);
    return c.redirect(safeNext(fields.next, "/dashboard"), 303);
  });

  app.post("/trucks/:id{[0-9]+}/delete", async (c) => {
    const id = parseInput(idParam, c.req.param("id"));
    await deleteListing(database, c.get("user"), id);
    await storage.delete(`listings/${id}`).catch(() => undefined);
    return c.redirect("/dashboard", 303);
  });

  app.post("/trucks/:id{[0-9]+}/photos", async (c) => {
    const id = parseInput(idParam, c.req.param("id"));
    const body = await parseForm(c, { all: true });
    const raw = body.photos;
    const files = (Array.isArray(raw) ? raw : raw ? [raw] : []).filter((f): f is File => f instanceof File);
    if (files.length === 0) throw new AppError("invalid_input", "choose at least one photo", "photos");
    const buffers = await Promise.all(files.map(async (f) => Buffer.from(await f.arrayBuffer())));
    await addListingPhotos(database, storage, c.get("user"), id, buffers);
    return c.redirect(`/trucks/${id}`, 303);
  });

  app.post("/trucks/:id{[0-9]+}/photos/:photo{[0-9]+}/:action{remove|first}", async (c) => {
    const id = parseInput(idParam, c.req.param("id"));
    const photo = parseInput(idParam, c.req.param("photo"));
    if (c.req.param("action") === "remove")
      await removeListingPhoto(database, storage, c.get("user"), id, photo);
    else await makeFirstPhoto(database, c.get("user"), id, photo);
    return c.redirect(`/trucks/${id}#owner-h`, 303);
  });

  app.get("/photos/*", async (c) => {
    const key = c.req.path.slice("/photos/".length);
    const found = await storage.get(decodeURIComponent(key)).catch(() => null);
    if (!found) throw new AppError("not_found", "no such photo");
    return c.body(new Uint8Array(found.data), 200, {
      "content-type": found.contentType,
      // Keys are unique per photo, so a stored file never changes.
      "cache-control": "public, max-age=31536000, immutable",
    });
  });
  return app;
}
